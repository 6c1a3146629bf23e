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
        new(2, "CitiesOfProvince", new { province = "16" }, "same fields; PostGraphile's cursors and pageInfo"),
        new(4, "Achievements", new { region = "19.71", year = 2024 }, "raw columns only: no achievementRate, spmIndex, band or onTime (no computed columns in the database)"),
        new(5, "ProvinceRollup", new { province = "16", year = 2024, quarter = 4 }, "6 aliased aggregates, one per sector (groupedAggregates groups by own columns only); count, regionCount, sums, min/max/mean of quality; no rates, completeCount, spmIndex, band"),
        new(6, "Trend", new { from = 2023 }, "groupedAggregates by YEAR, QUARTER with sums; no rates or spmIndex"),
        new(7, "Ranking", new { year = 2024, quarter = 4 }, "cannot group by province (a column of the region's parent): groups by REGION_ID instead, no spmIndex or band"),
        new(8, "Laggards", new { year = 2024, quarter = 4 }, "groupedAggregates by REGION_ID, INDICATOR_ID with sums; no having on a rate, no order by rate, no paging of groups"),
        new(10, "Timeliness", new { year = 2024, quarter = 2 }, "reporting periods and reports grouped by REGION_ID and STATUS; no owed-report denominators, no onTime"),
    ];

    /// <summary>The JSON body SpmGraph and the raw endpoint get: the contract's text, the name and the variables.</summary>
    public string SpmGraphBody(string document) =>
        JsonSerializer.Serialize(new { query = document, operationName = Name, variables = Variables });

    /// <summary>PostGraphile's body: its own document with the same variables.</summary>
    public string PeerBody(string document) =>
        JsonSerializer.Serialize(new { query = document, variables = Variables });
}
