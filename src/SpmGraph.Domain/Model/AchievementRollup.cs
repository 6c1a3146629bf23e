namespace SpmGraph.Domain.Model;

/// <summary>
/// Achievement rows summed per region, year, triwulan and status: over all sectors, and per bidang
/// (<see cref="BySector"/>). The roll-ups of the statistics read these few rows instead of every
/// achievement. Built from the achievements by SQL (<see cref="Data.AchievementRollups"/>) after the
/// seed and in the transaction of every write of achievements, so they are never behind.
/// </summary>
public sealed class AchievementRollup
{
    public int Id { get; set; }

    /// <summary>True for a row of one sector; false for the row over all sectors (<see cref="Sector"/> null).</summary>
    public bool BySector { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public int Year { get; set; }

    public int Quarter { get; set; }

    public SectorCode? Sector { get; set; }

    public ReportStatus Status { get; set; }

    /// <summary>Achievement rows summed.</summary>
    public int RowCount { get; set; }

    public long Target { get; set; }

    public long Served { get; set; }

    public long BudgetRealized { get; set; }

    /// <summary>Rows with a rate (target above 0), and the sum and extremes of their rates.</summary>
    public int RatedCount { get; set; }

    public double RateSum { get; set; }

    public double? MinRate { get; set; }

    public double? MaxRate { get; set; }

    /// <summary>Rows with served at or above a target above 0.</summary>
    public int CompleteCount { get; set; }

    /// <summary>Rows with a quality rate, and its sum.</summary>
    public int QualityCount { get; set; }

    public double QualitySum { get; set; }

    /// <summary>Rows with an index (a rate and a quality rate), and the sums the index is linear in (see <see cref="Data.AchievementRollups"/>).</summary>
    public int IndexedCount { get; set; }

    public double IndexedRateSum { get; set; }

    public double IndexedCappedRateSum { get; set; }

    public double IndexedQualitySum { get; set; }
}
