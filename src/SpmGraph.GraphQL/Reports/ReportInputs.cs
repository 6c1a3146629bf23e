using System.Linq.Expressions;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Reports;

public sealed class ReportFilterInputGraphType : FilterInputGraphType<Report>
{
    public ReportFilterInputGraphType()
        : base("ReportFilterInput")
    {
        Field("year", r => r.Year);
        Field("quarter", r => r.Quarter);
        Field("status", r => r.Status, typeof(EnumOperationFilterInputGraphType<ReportStatusGraphType>));
        Field("submittedAt", r => r.SubmittedAt);
        Field("verifiedAt", r => r.VerifiedAt);
        Field("onTime", ReportExpressions.OnTime);
        Field("rowCount", ReportExpressions.RowCount);
        Relation<Region, RegionFilterInputGraphType>("region", r => r.Region);
        Relation<ReportingPeriod, ReportingPeriodFilterInputGraphType>("reportingPeriod", r => r.ReportingPeriod);
    }
}

public sealed class ReportSortInputGraphType : SortInputGraphType<Report>
{
    public ReportSortInputGraphType()
        : base("ReportSortInput")
    {
        Field("year", r => r.Year);
        Field("quarter", r => r.Quarter);
        Field("status", r => r.Status);
        Field("submittedAt", r => r.SubmittedAt);
        Field("verifiedAt", r => r.VerifiedAt);
        Field("onTime", ReportExpressions.OnTime);
        Field("rowCount", ReportExpressions.RowCount);
        Relation<Region, RegionSortInputGraphType>("region", r => r.Region);
    }
}

public sealed class ReportingPeriodFilterInputGraphType : FilterInputGraphType<ReportingPeriod>
{
    public ReportingPeriodFilterInputGraphType()
        : base("ReportingPeriodFilterInput")
    {
        Field("year", p => p.Year);
        Field("quarter", p => p.Quarter);
        Field("opensAt", p => p.OpensAt);
        Field("closesAt", p => p.ClosesAt);
    }
}

public sealed class ReportingPeriodSortInputGraphType : SortInputGraphType<ReportingPeriod>
{
    public ReportingPeriodSortInputGraphType()
        : base("ReportingPeriodSortInput")
    {
        Field("year", p => p.Year);
        Field("quarter", p => p.Quarter);
        Field("opensAt", p => p.OpensAt);
        Field("closesAt", p => p.ClosesAt);
    }
}

/// <summary>Derived figures of a report as SQL-translatable expressions.</summary>
internal static class ReportExpressions
{
    /// <summary>Submitted before the period closed; null while not submitted.</summary>
    public static readonly Expression<Func<Report, bool?>> OnTime =
        Domain.Rules.Inline.Apply<Report, bool?>(Domain.Rules.SpmRules.OnTime, r => r.SubmittedAt, r => r.ReportingPeriod!.ClosesAt);

    public static readonly Expression<Func<Report, int>> RowCount = r => r.Achievements.Count;
}
