namespace SpmGraph.Domain.Model;

/// <summary>A region's quarterly SPM report: the unit that is submitted, verified and timed.</summary>
public sealed class Report : IVersioned
{
    public int Id { get; set; }

    /// <summary>Concurrency token: 1 when created, incremented by every write.</summary>
    public int Version { get; set; } = 1;

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public int Year { get; set; }

    /// <summary>Triwulan (quarter), 1-4.</summary>
    public int Quarter { get; set; }

    public int ReportingPeriodId { get; set; }

    public ReportingPeriod? ReportingPeriod { get; set; }

    public ReportStatus Status { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime? VerifiedAt { get; set; }

    public string? RejectionReason { get; set; }

    public List<Achievement> Achievements { get; set; } = [];
}
