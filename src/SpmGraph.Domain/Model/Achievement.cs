namespace SpmGraph.Domain.Model;

/// <summary>A capaian row: one region, jenis, year and triwulan.</summary>
public sealed class Achievement : IVersioned
{
    public int Id { get; set; }

    /// <summary>Concurrency token: 1 when created, incremented by every write.</summary>
    public int Version { get; set; } = 1;

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public int Year { get; set; }

    /// <summary>Triwulan (quarter), 1-4.</summary>
    public int Quarter { get; set; }

    public int ReportId { get; set; }

    public Report? Report { get; set; }

    /// <summary>The OPD that reported the row (the plan's responsible OPD).</summary>
    public int? OpdId { get; set; }

    public Opd? Opd { get; set; }

    /// <summary>Entitled recipients for the year (jumlah yang harus dilayani).</summary>
    public long Target { get; set; }

    /// <summary>Served since January, cumulative to the end of the quarter (terlayani).</summary>
    public long Served { get; set; }

    /// <summary>Mutu fulfilment in percent (0-100); null when not reported.</summary>
    public double? QualityRate { get; set; }

    /// <summary>Budget realised (realisasi) in this quarter, rupiah: a flow that adds up over the year.</summary>
    public long BudgetRealized { get; set; }

    public ReportStatus Status { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime? VerifiedAt { get; set; }

    /// <summary>served / target x 100, null when the target is 0; not capped.</summary>
    public double? AchievementRate => Rules.SpmRules.RateOf(Served, Target);
}
