using System.Text.Json.Nodes;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Regions;

/// <summary>
/// A province's kabupaten/kota, a region's OPDs and lists of regions are paged over the rows kept in memory,
/// exactly as SQL pages them.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class KeptChildrenTests(SpmGraphFactory factory)
{
    // A filter every row passes sends the same page to SQL: the independent answer to compare with.
    private const string EveryRow = "where: { code: { neq: \"-\" } }";
    private const string EveryOpd = "where: { name: { neq: \"-\" } }";

    public static TheoryData<string, string> Pages => new()
    {
        { "children", "first: 50, order: [{ name: ASC }]" },
        { "children", "first: 4, order: [{ name: DESC }]" },
        { "children", "last: 3" },
        { "children", "first: 3, after: @1" },
        { "children", "last: 2, before: @3" },
        { "children", "first: 5, order: [{ villageCount: DESC }, { code: ASC }]" },
        { "children", "first: 5, order: [{ kind: ASC }, { name: ASC }]" },
        { "opds", "first: 20" },
        { "opds", "last: 4, order: [{ name: ASC }]" },
        { "opds", "first: 3, after: @2, order: [{ name: DESC }]" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_from_memory_is_the_page_sql_reads(string field, string arguments)
    {
        // `@n` is the cursor of position n (cursors are positions, the same in every list).
        var cursors = await factory.ExecuteDataAsync("""{ region(code: "32") { children(first: 5) { edges { cursor } } } }""");
        var edges = cursors["region"]!["children"]!["edges"]!.AsArray();
        for (var position = 0; position < edges.Count; position++)
        {
            arguments = arguments.Replace($"@{position}", $"\"{(string)edges[position]!["cursor"]!}\"", StringComparison.Ordinal);
        }

        var filter = field == "children" ? EveryRow : EveryOpd;
        var selection = field == "children" ? "code name kind" : "id name sectors";
        const string Regions = "p32: region(code: \"32\") { ...page } p19: region(code: \"19\") { ...page } k: region(code: \"19.71\") { ...page }";
        var kept = await factory.ExecuteDataAsync($$"""{ {{Regions}} } fragment page on Region { {{field}}({{arguments}}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { {{selection}} } } } }""");
        var read = await factory.ExecuteDataAsync($$"""{ {{Regions}} } fragment page on Region { {{field}}({{arguments}}, {{filter}}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { {{selection}} } } } }""");

        Assert.Equal(read.ToJsonString(), kept.ToJsonString());
        Assert.True(kept["p32"]![field]!["edges"]!.AsArray().Count > 0);
    }

    public static TheoryData<string> RegionLists => new()
    {
        "where: { kind: { eq: CITY }, parent: { code: { eq: \"16\" } } }, order: [{ name: DESC }], first: 5",
        "where: { parent: null }, order: [{ name: ASC }], first: 10, after: @2",
        "where: { parent: { code: { in: [\"11\", \"32\", \"94\"] } }, kind: { neq: REGENCY } }, last: 6",
        "where: { or: [{ code: { eq: \"19.71\" } }, { parent: { name: { eq: \"Aceh\" } } }] }, order: [{ villageCount: DESC }], first: 7",
        "where: { not: { parent: { code: { eq: \"32\" } } }, kind: { in: [CITY] } }, last: 3, before: @4",
        "first: 100, after: @1",
    };

    [Theory]
    [MemberData(nameof(RegionLists))]
    public async Task A_list_of_regions_from_memory_is_the_list_sql_reads(string arguments)
    {
        var cursors = await factory.ExecuteDataAsync("{ regions(first: 5) { edges { cursor } } }");
        var edges = cursors["regions"]!["edges"]!.AsArray();
        for (var position = 0; position < edges.Count; position++)
        {
            arguments = arguments.Replace($"@{position}", $"\"{(string)edges[position]!["cursor"]!}\"", StringComparison.Ordinal);
        }

        // A comparison every row passes is left to SQL: the independent answer to compare with.
        var bySql = arguments.StartsWith("where: {", StringComparison.Ordinal)
            ? arguments.Replace("where: {", "where: { districtCount: { gte: 0 },", StringComparison.Ordinal)
            : "where: { districtCount: { gte: 0 } }, " + arguments;
        const string Page = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code name kind parent { code } } }";
        factory.Sql.Reset();
        var kept = await factory.ExecuteDataAsync($"{{ regions({arguments}) {{ {Page} }} }}");
        var keptCommands = factory.Sql.Commands.ToList();
        factory.Sql.Reset();
        var read = await factory.ExecuteDataAsync($"{{ regions({bySql}) {{ {Page} }} }}");

        Assert.Equal(read.ToJsonString(), kept.ToJsonString());
        Assert.True((int)kept["regions"]!["totalCount"]! > 0);
        Assert.DoesNotContain(keptCommands, c => c.Contains("FROM \"Regions\"", StringComparison.Ordinal) && !c.Contains("DataVersion", StringComparison.Ordinal));
        Assert.Contains(factory.Sql.Commands, c => c.Contains("FROM \"Regions\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_region_card_reads_nothing_but_the_data_version()
    {
        var card = ContractOperations.Operation("RegionCard");
        var variables = new { code = "19" };
        await factory.ExecuteDataAsync(card, variables);

        factory.Sql.Reset();
        var data = await factory.ExecuteDataAsync(card, variables);

        var statement = Assert.Single(factory.Sql.Commands);
        Assert.Contains("DataVersion", statement, StringComparison.Ordinal);
        Assert.Equal(7, (int)data["region"]!["children"]!["totalCount"]!);
        Assert.Equal(["Kabupaten Bangka", "Kabupaten Bangka Barat", "Kabupaten Bangka Selatan", "Kabupaten Bangka Tengah", "Kabupaten Belitung", "Kabupaten Belitung Timur", "Kota Pangkal Pinang"],
            data["region"]!["children"]!["nodes"]!.AsArray().Select(n => (string)n!["name"]!).ToArray());
        Assert.IsType<JsonArray>(data["region"]!["opds"]!["nodes"]);
    }
}
