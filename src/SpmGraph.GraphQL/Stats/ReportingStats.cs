using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Rules;
using SpmGraph.GraphQL.Regions;
using SpmGraph.GraphQL.Reports;
using SpmGraph.QueryConventions.Filtering;

namespace SpmGraph.GraphQL.Stats;

/// <summary>
/// A report owed: every province and kabupaten/kota owes one per reporting period, whether or not a
/// report row exists; the report's status and submission are those the caller may read (none otherwise).
/// </summary>
public sealed class ReportObligation
{
    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public int Year { get; set; }

    public int Quarter { get; set; }

    public DateTime ClosesAt { get; set; }

    /// <summary>The report's status, null when there is no report the caller may read.</summary>
    public ReportStatus? Status { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Regions x periods, each with its report as the caller sees it (left join).</summary>
    public static IQueryable<ReportObligation> Owed(DbContext db, IQueryable<Report> visibleReports)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from region in db.Set<Region>()
               from period in db.Set<ReportingPeriod>()
               join report in visibleReports on new { RegionId = region.Id, PeriodId = period.Id } equals new { report.RegionId, PeriodId = report.ReportingPeriodId } into reports
               from report in reports.DefaultIfEmpty()
               select new ReportObligation
               {
                   RegionId = region.Id,
                   Region = region,
                   Year = period.Year,
                   Quarter = period.Quarter,
                   ClosesAt = period.ClosesAt,
                   Status = report == null ? null : report.Status,
                   SubmittedAt = report == null ? null : report.SubmittedAt,
               };
    }
}

/// <summary>A group of owed quarterly reports and its timeliness measures.</summary>
public sealed class ReportingStatsRow : StatsRow
{
    public int ReportCount { get; set; }

    public int RegionCount { get; set; }

    public int ReportedCount { get; set; }

    public int NotReportedCount { get; set; }

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
    /// <summary>Submitted: SUBMITTED or VERIFIED (public whoever asks).</summary>
    private static readonly Expression<Func<ReportObligation, bool>> Reported =
        o => o.Status == ReportStatus.Submitted || o.Status == ReportStatus.Verified;

    private static readonly Expression<Func<ReportObligation, bool>> OnTime = Submitted(onTime: true);

    private static readonly Expression<Func<ReportObligation, bool>> Late = Submitted(onTime: false);

    private static readonly Expression<Func<ReportObligation, bool>> NotReported =
        Expression.Lambda<Func<ReportObligation, bool>>(Expression.Not(Reported.Body), Reported.Parameters);

    public static StatsDefinition<ReportObligation, ReportingStatsRow> Definition { get; } = new StatsDefinition<ReportObligation, ReportingStatsRow>(
            "ReportingStats",
            "A group of owed quarterly reports (every province and kabupaten/kota owes one per reporting period, whatever report rows exist and whoever asks) "
            + "and how timely they were. Only SUBMITTED and VERIFIED reports count as reported; a draft the caller may not read counts as not reported.")
        .Dimension(StatsDimension.Region, o => o.RegionId)
        .Dimension(StatsDimension.Province, o => o.Region!.ParentId ?? o.RegionId)
        .Dimension(StatsDimension.RegionKind, o => o.Region!.Kind)
        .Dimension(StatsDimension.Year, o => o.Year)
        .Dimension(StatsDimension.Quarter, o => o.Quarter)
        .Measure(r => r.ReportCount, "Reports owed in the group (one per region and period).", g => g.Count())
        .Measure(r => r.RegionCount, "Regions in the group that owe a report (= reportCount within one period).", g => g.Select(o => o.RegionId).Distinct().Count())
        .Measure(r => r.ReportedCount, "Owed reports submitted (SUBMITTED or VERIFIED).", GroupRows<ReportObligation>.Count(Reported))
        .Measure(r => r.NotReportedCount, "Owed reports not submitted (none, a draft or a rejected one) = reportCount - reportedCount.", GroupRows<ReportObligation>.Count(NotReported))
        .Measure(r => r.OnTimeCount, "Submitted reports submitted before their period's closesAt.", GroupRows<ReportObligation>.Count(OnTime))
        .Measure(r => r.LateCount, "Submitted reports submitted at or after their period's closesAt.", GroupRows<ReportObligation>.Count(Late))
        .Measure(r => r.VerifiedCount, "Reports VERIFIED by the province (or NATIONAL).", g => g.Count(o => o.Status == ReportStatus.Verified))
        .Measure(r => r.RejectedCount, "Reports REJECTED, as far as the caller may read them.", g => g.Count(o => o.Status == ReportStatus.Rejected))
        .Measure(r => r.DraftCount, "Reports in DRAFT, as far as the caller may read them.", g => g.Count(o => o.Status == ReportStatus.Draft))
        .Measure(r => r.OnTimeRate, "onTimeCount / reportCount x 100 (within one period: / regionCount).", Rate(OnTime))
        .Measure(r => r.ReportedRate, "reportedCount / reportCount x 100.", Rate(Reported));

    /// <summary>Reported, and on time (or late) by the domain's rule.</summary>
    private static Expression<Func<ReportObligation, bool>> Submitted(bool onTime) =>
        Inline.Apply<ReportObligation, bool>(
            (Expression<Func<bool, bool?, bool>>)((reported, timely) => reported && timely == onTime),
            Reported,
            Inline.Apply<ReportObligation, bool?>(SpmRules.OnTime, o => o.SubmittedAt, o => o.ClosesAt));

    private static Expression<Func<IEnumerable<ReportObligation>, double?>> Rate(Expression<Func<ReportObligation, bool>> counted) =>
        Inline.Apply<IEnumerable<ReportObligation>, double?>(SpmRules.Rate, GroupRows<ReportObligation>.Count(counted), (Expression<Func<IEnumerable<ReportObligation>, int>>)(g => g.Count()));
}

/// <summary>`where` of reportingStats: which owed reports to count.</summary>
public sealed class ReportObligationFilterInputGraphType : FilterInputGraphType<ReportObligation>
{
    public ReportObligationFilterInputGraphType()
        : base("ReportObligationFilterInput", "Which owed reports (region x reporting period) to count.")
    {
        Field("year", o => o.Year);
        Field("quarter", o => o.Quarter);
        Field("status", o => o.Status, typeof(EnumOperationFilterInputGraphType<ReportStatusGraphType>), "The report's status as the caller may read it; null when there is none.");
        Relation<Region, RegionFilterInputGraphType>("region", o => o.Region);
    }
}

public sealed class ReportingDimensionGraphType() : StatsDimensionGraphType<ReportingStatsRow>(ReportingStats.Definition);

public sealed class ReportingStatsKeyGraphType() : StatsKeyGraphType<ReportingStatsRow>(ReportingStats.Definition);

public sealed class ReportingStatsGraphType() : StatsGraphType<ReportingStatsRow>(ReportingStats.Definition, typeof(ReportingStatsKeyGraphType));

public sealed class ReportingStatsHavingInputGraphType() : StatsHavingInputGraphType<ReportingStatsRow>(ReportingStats.Definition);

public sealed class ReportingStatsSortInputGraphType() : StatsSortInputGraphType<ReportingStatsRow>(ReportingStats.Definition);
