using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Stats;

/// <summary>Nested stats fields share a statement only when they ask the same: the order written is part of what they ask.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class NestedStatsBatchTests(SpmGraphFactory factory)
{
    private const string Rows = """where: { year: { eq: 2024 }, quarter: { eq: 4 } }, groupBy: [SECTOR]""";

    [Fact]
    public async Task Aliases_ordering_by_the_same_measures_written_in_another_order_each_get_their_own_order()
    {
        const string ByServedFirst = "order: { served: DESC, target: ASC }";
        const string ByTargetFirst = "order: { target: ASC, served: DESC }";
        var both = await factory.ExecuteDataAsync($$"""
            { regions(where: { code: { in: ["16", "32"] } }) { nodes { code
                a: achievementStats({{Rows}}, {{ByServedFirst}}) { nodes { key { sector } } }
                b: achievementStats({{Rows}}, {{ByTargetFirst}}) { nodes { key { sector } } } } } }
            """);

        foreach (var (alias, order) in new[] { ("a", ByServedFirst), ("b", ByTargetFirst) })
        {
            // Each alias as it reads alone.
            var alone = await factory.ExecuteDataAsync($$"""
                { regions(where: { code: { in: ["16", "32"] } }) { nodes { code {{alias}}: achievementStats({{Rows}}, {{order}}) { nodes { key { sector } } } } } }
                """);
            Assert.Equal(alone["regions"]!["nodes"]!.ToJsonString(), Strip(both, alias));
        }

        Assert.NotEqual(Strip(both, "a").Replace("\"a\"", "", StringComparison.Ordinal), Strip(both, "b").Replace("\"b\"", "", StringComparison.Ordinal));
    }

    /// <summary>The regions' nodes with only the code and one alias.</summary>
    private static string Strip(System.Text.Json.Nodes.JsonObject data, string alias)
    {
        var nodes = data["regions"]!["nodes"]!.DeepClone().AsArray();
        foreach (var node in nodes)
        {
            node!.AsObject().Remove(alias == "a" ? "b" : "a");
        }

        return nodes.ToJsonString();
    }
}
