using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.QueryConventions.Filtering;

namespace SpmGraph.GraphQL.Stats;

/// <summary>A group of quarterly reports and its timeliness measures.</summary>
public sealed class ReportingStatsRow : StatsRow
{
    public int ReportCount { get; set; }

    public int RegionCount { get; set; }

    public int ReportedCount { get; set; }

    public int OnTimeCount { get; set; }

    public int LateCount { get; set; }

    public int VerifiedCount { get; set; }

    public int RejectedCount { get; set; }

    public int DraftCount { get; set; }

    public double? OnTimeRate { get; set; }

    public double? ReportedRate { get; set; }
}

public static class ReportingStats
{
    public static StatsDefinition<Report, ReportingStatsRow> Definition { get; } = new StatsDefinition<Report, ReportingStatsRow>()
        .Dimension(StatsDimension.Region, r => r.RegionId)
        .Dimension(StatsDimension.Province, r => r.Region!.ParentId ?? r.RegionId)
        .Dimension(StatsDimension.RegionKind, r => r.Region!.Kind)
        .Dimension(StatsDimension.Year, r => r.Year)
        .Dimension(StatsDimension.Quarter, r => r.Quarter)
        .Measure(r => r.ReportCount, _ => g => g.Count())
        .Measure(r => r.RegionCount, _ => g => g.Select(r => r.RegionId).Distinct().Count())
        .Measure(r => r.ReportedCount, _ => g => g.Count(r => r.SubmittedAt != null))
        .Measure(r => r.OnTimeCount, _ => g => g.Count(r => r.SubmittedAt != null && r.SubmittedAt < r.ReportingPeriod!.ClosesAt))
        .Measure(r => r.LateCount, _ => g => g.Count(r => r.SubmittedAt != null && r.SubmittedAt >= r.ReportingPeriod!.ClosesAt))
        .Measure(r => r.VerifiedCount, _ => g => g.Count(r => r.Status == ReportStatus.Verified))
        .Measure(r => r.RejectedCount, _ => g => g.Count(r => r.Status == ReportStatus.Rejected))
        .Measure(r => r.DraftCount, _ => g => g.Count(r => r.Status == ReportStatus.Draft))
        .Measure(r => r.OnTimeRate, _ => g => g.Count(r => r.SubmittedAt != null && r.SubmittedAt < r.ReportingPeriod!.ClosesAt) * 100.0 / g.Count())
        .Measure(r => r.ReportedRate, _ => g => g.Count(r => r.SubmittedAt != null) * 100.0 / g.Count());
}

public sealed class ReportingDimensionGraphType : StatsDimensionGraphType
{
    public ReportingDimensionGraphType()
        : base("ReportingDimension", StatsDimension.Region, StatsDimension.Province, StatsDimension.RegionKind, StatsDimension.Year, StatsDimension.Quarter)
    {
    }
}

public sealed class ReportingStatsGraphType : ObjectGraphType<ReportingStatsRow>
{
    public ReportingStatsGraphType()
    {
        Name = "ReportingStats";
        Description = "A group of quarterly reports (one per region and period owed) and how timely they were.";
        Field<NonNullGraphType<StatsKeyGraphType>>("key").Resolve(ctx => ctx.Source);
        Field(r => r.ReportCount).Description("Reports owed in the group (one per region and period).");
        Field(r => r.RegionCount).Description("Distinct regions that owe a report in the group (= reportCount within one period).");
        Field(r => r.ReportedCount).Description("Reports submitted (whatever happened after).");
        Field(r => r.OnTimeCount).Description("Reports submitted before their period's closesAt.");
        Field(r => r.LateCount).Description("Reports submitted at or after closesAt.");
        Field(r => r.VerifiedCount);
        Field(r => r.RejectedCount);
        Field(r => r.DraftCount).Description("Reports not submitted.");
        Field(r => r.OnTimeRate, nullable: true).Description("onTimeCount / reportCount x 100 (within one period: / regionCount).");
        Field(r => r.ReportedRate, nullable: true).Description("reportedCount / reportCount x 100.");
    }
}

public sealed class ReportingStatsHavingInputGraphType : FilterInputGraphType<ReportingStatsRow>
{
    public ReportingStatsHavingInputGraphType()
        : base("ReportingStatsHavingInput", "Conditions on a group's measures; all given must hold.")
    {
        Field("reportCount", r => r.ReportCount);
        Field("regionCount", r => r.RegionCount);
        Field("reportedCount", r => r.ReportedCount);
        Field("onTimeCount", r => r.OnTimeCount);
        Field("lateCount", r => r.LateCount);
        Field("verifiedCount", r => r.VerifiedCount);
        Field("rejectedCount", r => r.RejectedCount);
        Field("draftCount", r => r.DraftCount);
        Field("onTimeRate", r => r.OnTimeRate);
        Field("reportedRate", r => r.ReportedRate);
    }
}

public sealed class ReportingStatsSortInputGraphType : StatsSortInputGraphType<ReportingStatsRow>
{
    public ReportingStatsSortInputGraphType()
        : base("ReportingStatsSortInput")
    {
        Field("reportCount", r => r.ReportCount);
        Field("regionCount", r => r.RegionCount);
        Field("reportedCount", r => r.ReportedCount);
        Field("onTimeCount", r => r.OnTimeCount);
        Field("lateCount", r => r.LateCount);
        Field("verifiedCount", r => r.VerifiedCount);
        Field("rejectedCount", r => r.RejectedCount);
        Field("draftCount", r => r.DraftCount);
        Field("onTimeRate", r => r.OnTimeRate);
        Field("reportedRate", r => r.ReportedRate);
    }
}
