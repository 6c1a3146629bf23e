using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Seeding;

/// <summary>
/// Everything the seed writes, generated in memory with ids already assigned (1..n per table, in
/// list order), so foreign keys are known before anything touches the database.
/// </summary>
public sealed class SeedData
{
    public required IReadOnlyList<Sector> Sectors { get; init; }

    public required IReadOnlyList<Region> Regions { get; init; }

    public required IReadOnlyList<Indicator> Indicators { get; init; }

    public required IReadOnlyList<Opd> Opds { get; init; }

    public required IReadOnlyList<OpdSector> OpdSectors { get; init; }

    public required IReadOnlyList<ReportingPeriod> ReportingPeriods { get; init; }

    public required IReadOnlyList<ScoringScheme> ScoringSchemes { get; init; }

    public required IReadOnlyList<ScoringBand> ScoringBands { get; init; }

    public required IReadOnlyList<Plan> Plans { get; init; }

    public required IReadOnlyList<Report> Reports { get; init; }

    public required IReadOnlyList<Achievement> Achievements { get; init; }
}
