using System.Linq.Expressions;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Reports;

/// <summary>A report's queryable fields, described once for its filter and its sort input.</summary>
internal static class ReportQueryableFields
{
    public static readonly QueryableFields<Report> All = new QueryableFields<Report>()
        .Field("year", r => r.Year)
        .Field("quarter", r => r.Quarter)
        .Field("status", r => r.Status, typeof(EnumOperationFilterInputGraphType<ReportStatusGraphType>))
        .Field("submittedAt", r => r.SubmittedAt)
        .Field("verifiedAt", r => r.VerifiedAt)
        .Field("onTime", ReportExpressions.OnTime)
        .Field("rowCount", ReportExpressions.RowCount)
        .Relation<Region, RegionFilterInputGraphType, RegionSortInputGraphType>("region", r => r.Region)
        .Relation<ReportingPeriod, ReportingPeriodFilterInputGraphType>("reportingPeriod", r => r.ReportingPeriod);

    public static readonly QueryableFields<ReportingPeriod> ReportingPeriod = new QueryableFields<ReportingPeriod>()
        .Field("year", p => p.Year)
        .Field("quarter", p => p.Quarter)
        .Field("opensAt", p => p.OpensAt)
        .Field("closesAt", p => p.ClosesAt);
}

public sealed class ReportFilterInputGraphType() : FilterInputGraphType<Report>("ReportFilterInput", ReportQueryableFields.All);

public sealed class ReportSortInputGraphType() : SortInputGraphType<Report>("ReportSortInput", ReportQueryableFields.All);

public sealed class ReportingPeriodFilterInputGraphType() : FilterInputGraphType<ReportingPeriod>("ReportingPeriodFilterInput", ReportQueryableFields.ReportingPeriod);

public sealed class ReportingPeriodSortInputGraphType() : SortInputGraphType<ReportingPeriod>("ReportingPeriodSortInput", ReportQueryableFields.ReportingPeriod);

/// <summary>Derived figures of a report as SQL-translatable expressions.</summary>
internal static class ReportExpressions
{
    /// <summary>Submitted before the period closed; null while not submitted.</summary>
    public static readonly Expression<Func<Report, bool?>> OnTime =
        Domain.Rules.Inline.Apply<Report, bool?>(Domain.Rules.SpmRules.OnTime, r => r.SubmittedAt, r => r.ReportingPeriod!.ClosesAt);

    public static readonly Expression<Func<Report, int>> RowCount = r => r.Achievements.Count;
}
