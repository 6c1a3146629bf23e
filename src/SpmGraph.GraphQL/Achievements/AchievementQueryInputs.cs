using System.Linq.Expressions;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Opds;
using SpmGraph.GraphQL.Regions;
using SpmGraph.GraphQL.Reports;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Achievements;

/// <summary>An achievement row's queryable fields, described once for its filter and its sort input.</summary>
internal static class AchievementQueryableFields
{
    public static readonly QueryableFields<Achievement> All = new QueryableFields<Achievement>()
        .Field("year", a => a.Year)
        .Field("quarter", a => a.Quarter)
        .Field("target", a => a.Target)
        .Field("served", a => a.Served)
        .Field("qualityRate", a => a.QualityRate)
        .Field("budgetRealized", a => a.BudgetRealized)
        .Field("achievementRate", AchievementExpressions.AchievementRate)
        .Field("status", a => a.Status, typeof(EnumOperationFilterInputGraphType<ReportStatusGraphType>))
        .Field("submittedAt", a => a.SubmittedAt)
        .Field("verifiedAt", a => a.VerifiedAt)
        .Field("onTime", AchievementExpressions.OnTime, sortable: false)
        .Relation<Region, RegionFilterInputGraphType, RegionSortInputGraphType>("region", a => a.Region)
        .Relation<Indicator, IndicatorFilterInputGraphType, IndicatorSortInputGraphType>("indicator", a => a.Indicator)
        .Relation<Opd, OpdFilterInputGraphType, OpdSortInputGraphType>("opd", a => a.Opd)
        .Relation<Report, ReportFilterInputGraphType>("report", a => a.Report);
}

public sealed class AchievementFilterInputGraphType() : FilterInputGraphType<Achievement>("AchievementFilterInput", AchievementQueryableFields.All);

public sealed class AchievementSortInputGraphType() : SortInputGraphType<Achievement>("AchievementSortInput", AchievementQueryableFields.All);

/// <summary>Derived figures of a row as SQL-translatable expressions: the domain's rules.</summary>
internal static class AchievementExpressions
{
    public static readonly Expression<Func<Achievement, double?>> AchievementRate = Domain.Rules.EntityRules.AchievementRate;

    public static readonly Expression<Func<Achievement, bool?>> OnTime = Domain.Rules.EntityRules.AchievementOnTime;
}
