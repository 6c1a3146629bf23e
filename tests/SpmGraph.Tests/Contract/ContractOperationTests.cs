using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Contract;

/// <summary>The contract's operations run exactly as written against the seeded database.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class ContractOperationTests(SpmGraphFactory factory)
{
    public static TheoryData<string, string, object> Queries => new()
    {
        { "RegionCard", "19", new { code = "19" } },
        { "RegionCard", "19.71", new { code = "19.71" } },
        { "CitiesOfProvince", "32", new { province = "32" } },
        { "Catalog", "all", new { } },
        { "Achievements", "19.71-2024", new { region = "19.71", year = 2024 } },
        { "Reports", "16-2024-Q2", new { province = "16", year = 2024, quarter = 2 } },
        { "ProvinceRollup", "16-2024-Q4", new { province = "16", year = 2024, quarter = 4 } },
        { "Trend", "2023", new { from = 2023 } },
        { "Ranking", "2024-Q4", new { year = 2024, quarter = 4 } },
        { "Laggards", "2024-Q4", new { year = 2024, quarter = 4 } },
        { "Budget", "2024", new { year = 2024 } },
        { "Timeliness", "2024-Q2", new { year = 2024, quarter = 2 } },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Contract_query_runs_as_written(string operation, string snapshot, object variables)
    {
        var data = await factory.ExecuteDataAsync(ContractOperations.Operation(operation), variables);

        Snap.Match(data, $"{operation}_{snapshot}");
    }

    [Fact]
    public async Task Cities_of_a_province_page_with_the_cursor_the_contract_passes_back()
    {
        var query = ContractOperations.Operation("CitiesOfProvince");
        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var page = (await factory.ExecuteDataAsync(query, new { province = "32", after }))["regions"]!;
            seen.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["code"]!));
            hasNext = (bool)page["pageInfo"]!["hasNextPage"]!;
            after = (string?)page["pageInfo"]!["endCursor"];
            Assert.Equal(9, (int)page["totalCount"]!);
        }
        while (hasNext);

        // Jawa Barat has nine kota; the contract sorts them by name, descending.
        Assert.Equal(9, seen.Count);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        var names = (await factory.ExecuteDataAsync(query, new { province = "32" }))["regions"]!["nodes"]!.AsArray().Select(n => (string)n!["name"]!).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.Ordinal), names);
    }
}
