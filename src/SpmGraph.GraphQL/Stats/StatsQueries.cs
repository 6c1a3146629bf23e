using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Achievements;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Plans;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions.Projection;

namespace SpmGraph.GraphQL.Stats;

/// <summary>The stats fields: at the root over the nation (or what `where` selects), and on a region.</summary>
public sealed class StatsQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) => _ = AddStats(query, nested: false).ToList();

    /// <summary>
    /// Stats of a region: a province rolls up its kabupaten/kota (its own provinsi rows too with
    /// `includeSelf: true`); a kabupaten/kota covers its own rows. A page of regions shares one statement.
    /// </summary>
    public static void AddTo(ComplexGraphType<Region> region)
    {
        foreach (var field in AddStats(region, nested: true))
        {
            field.Argument<BooleanGraphType>("includeSelf", a =>
            {
                a.DefaultValue = false;
                a.Description = "For a province: count its own provinsi rows as well as its kabupaten/kota.";
            });
            field.Reads(r => r.Id, r => r.Kind, r => r.ParentId);
        }
    }

    private static IEnumerable<global::GraphQL.Builders.FieldBuilder<TParent, object>> AddStats<TParent>(ComplexGraphType<TParent> type, bool nested)
    {
        // Aggregates see only what the caller may read, so no count reveals a hidden row.
        yield return type.Stats<TParent, Achievement, AchievementStatsRow, AchievementStatsGraphType, AchievementFilterInputGraphType, AchievementStatsHavingInputGraphType, AchievementStatsSortInputGraphType, AchievementDimensionGraphType>(
                "achievementStats",
                AchievementStats.Definition,
                ctx =>
                {
                    var scope = ctx.Scope();
                    return db => db.Set<Achievement>().VisibleTo(scope, a => a.Status, a => a.Region!);
                },
                nested ? new StatsRegionOf<Achievement>(a => a.RegionId, a => a.Region!.ParentId) : null)
            .Description("Achievement rows grouped by any combination of dimensions, with SPM measures computed by the database.");
        yield return type.Stats<TParent, Plan, PlanStatsRow, PlanStatsGraphType, PlanFilterInputGraphType, PlanStatsHavingInputGraphType, PlanStatsSortInputGraphType, PlanDimensionGraphType>(
                "planStats",
                PlanStats.Definition,
                _ => db => db.Set<Plan>(),
                nested ? new StatsRegionOf<Plan>(p => p.RegionId, p => p.Region!.ParentId) : null)
            .Description("Plan lines grouped by any combination of dimensions, with budget measures computed by the database.");
        yield return type.Stats<TParent, ReportObligation, ReportingStatsRow, ReportingStatsGraphType, ReportObligationFilterInputGraphType, ReportingStatsHavingInputGraphType, ReportingStatsSortInputGraphType, ReportingDimensionGraphType>(
                "reportingStats",
                ReportingStats.Definition,
                ctx =>
                {
                    var scope = ctx.Scope();
                    return db => ReportObligation.Owed(db, db.Set<Report>().VisibleTo(scope, r => r.Status, r => r.Region!));
                },
                nested ? new StatsRegionOf<ReportObligation>(o => o.RegionId, o => o.Region!.ParentId) : null)
            .Description("Reports owed (every region, every reporting period) grouped by region, province, kind, year or quarter, with timeliness measures.");
    }
}
