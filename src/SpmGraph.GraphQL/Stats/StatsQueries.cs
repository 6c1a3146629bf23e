using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Achievements;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Plans;
using SpmGraph.GraphQL.Reports;
using SpmGraph.GraphQL.Security;

namespace SpmGraph.GraphQL.Stats;

/// <summary>The stats fields: at the root over the nation (or what `where` selects), and on a region.</summary>
public sealed class StatsQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) => AddStats(query, (db, _) => db.Set<Achievement>(), (db, _) => db.Set<Plan>(), (db, _) => db.Set<Report>());

    /// <summary>
    /// Stats of a region: a province rolls up its kabupaten/kota (its own provinsi rows too with
    /// `includeSelf: true`); a kabupaten/kota covers its own rows.
    /// </summary>
    public static void AddTo(ComplexGraphType<Region> region)
    {
        AddStats(
            region,
            (db, ctx) => db.Set<Achievement>().Where(InRegion<Achievement>(ctx, a => a.Region!)),
            (db, ctx) => db.Set<Plan>().Where(InRegion<Plan>(ctx, p => p.Region!)),
            (db, ctx) => db.Set<Report>().Where(InRegion<Report>(ctx, r => r.Region!)));
        foreach (var name in new[] { "achievementStats", "planStats", "reportingStats" })
        {
            region.GetField(name)!.Arguments!.Add(new QueryArgument<BooleanGraphType>
            {
                Name = "includeSelf",
                DefaultValue = false,
                Description = "For a province: count its own provinsi rows as well as its kabupaten/kota.",
            });
        }
    }

    private static void AddStats<TParent>(
        ComplexGraphType<TParent> type,
        Func<DbContext, IResolveFieldContext, IQueryable<Achievement>> achievements,
        Func<DbContext, IResolveFieldContext, IQueryable<Plan>> plans,
        Func<DbContext, IResolveFieldContext, IQueryable<Report>> reports)
    {
        // Aggregates see only what the caller may read, so no count reveals a hidden row.
        type.Stats<TParent, Achievement, AchievementStatsRow, AchievementStatsGraphType, AchievementFilterInputGraphType, AchievementStatsHavingInputGraphType, AchievementStatsSortInputGraphType, AchievementDimensionGraphType>(
                "achievementStats", AchievementStats.Definition, (db, ctx) => achievements(db, ctx).VisibleTo(ctx.Scope(), a => a.Status, a => a.Region!))
            .Description("Achievement rows grouped by any combination of dimensions, with SPM measures computed by the database.");
        type.Stats<TParent, Plan, PlanStatsRow, PlanStatsGraphType, PlanFilterInputGraphType, PlanStatsHavingInputGraphType, PlanStatsSortInputGraphType, PlanDimensionGraphType>(
                "planStats", PlanStats.Definition, plans)
            .Description("Plan lines grouped by any combination of dimensions, with budget measures computed by the database.");
        type.Stats<TParent, Report, ReportingStatsRow, ReportingStatsGraphType, ReportFilterInputGraphType, ReportingStatsHavingInputGraphType, ReportingStatsSortInputGraphType, ReportingDimensionGraphType>(
                "reportingStats", ReportingStats.Definition, (db, ctx) => reports(db, ctx).VisibleTo(ctx.Scope(), r => r.Status, r => r.Region!))
            .Description("Quarterly reports grouped by region, province, kind, year or quarter, with timeliness measures.");
    }

    private static Expression<Func<T, bool>> InRegion<T>(IResolveFieldContext context, Expression<Func<T, Region>> regionOf)
    {
        var region = (Region)context.Source!;
        var id = region.Id;
        Expression<Func<Region, bool>> test = region.Kind == RegionKind.Province
            ? (context.GetArgument<bool>("includeSelf")
                ? r => r.ParentId == id || r.Id == id
                : r => r.ParentId == id)
            : r => r.Id == id;
        var parameter = regionOf.Parameters[0];
        var body = new Inliner(test.Parameters[0], regionOf.Body).Visit(test.Body);
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class Inliner(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == parameter ? replacement : base.VisitParameter(node);
    }
}
