using System.Text.Json;

namespace SpmGraph.Benchmark;

/// <summary>
/// A contract operation the benchmark drives, with the variables the contract tests use
/// (tests/SpmGraph.Tests/Contract/ContractOperationTests.cs) and PostGraphile's own version of it
/// in peer/queries/NAME.graphql, when PostGraphile can express it.
/// </summary>
internal sealed record BenchOperation(int Number, string Name, object Variables, string PeerNote)
{
    public static readonly IReadOnlyList<BenchOperation> All =
    [
        new(1, "RegionCard", new { code = "19.71" }, "same fields"),
        new(2, "CitiesOfProvince", new { province = "16" }, "same fields, PostGraphile's own cursors"),
        new(4, "Achievements", new { region = "19.71", year = 2024 }, "stored columns and the period's closesAt; ordered by indicator id (no order by a related column); no achievementRate, spmIndex, band or onTime (they need SQL functions)"),
        new(5, "ProvinceRollup", new { province = "16", year = 2024, quarter = 4 }, "groupedAggregates by INDICATOR_ID (29 groups; sector is the indicator's column, and groups are of the table's own columns only): counts, sums, quality mean/min/max; no rates, completeCount, spmIndex, band"),
        new(6, "Trend", new { from = 2023 }, "groupedAggregates by YEAR, QUARTER with sums; no rates or spmIndex"),
        new(7, "Ranking", new { year = 2024, quarter = 4 }, "groupedAggregates by REGION_ID (552 groups for the client to add up: no grouping by the region's parent); no spmIndex, band, order by a measure or paging of groups"),
        new(8, "Laggards", new { year = 2024, quarter = 4 }, "cannot answer: having and order on a rate (served / target) need a SQL function, and groups do not page"),
        new(10, "Timeliness", new { year = 2024, quarter = 2 }, "cannot answer: reports by province (the region's parent), every owed report as the denominator and onTime need SQL functions or views"),
    ];

    /// <summary>PostGraphile's document, peer/queries/NAME.graphql; none when it cannot answer the operation.</summary>
    public string PeerQueryFile(string benchmarkFolder) => Path.Combine(benchmarkFolder, "peer", "queries", Name + ".graphql");

    /// <summary>The JSON body SpmGraph and the raw endpoint get: the contract's text, the name and the variables.</summary>
    public string SpmGraphBody(string document) =>
        JsonSerializer.Serialize(new { query = document, operationName = Name, variables = Variables });

    /// <summary>PostGraphile's body: its own document with the same variables.</summary>
    public string PeerBody(string document) =>
        JsonSerializer.Serialize(new { query = document, variables = Variables });
}
