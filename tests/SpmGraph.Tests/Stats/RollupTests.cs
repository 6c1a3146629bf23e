using System.Text.Json.Nodes;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Stats;

/// <summary>
/// Stats read from the achievement rollups answer as the same stats read from every row: the shared host
/// (rollups on) against a second instance on the same database with GraphQL:Stats:UseRollups off.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class RollupTests(SpmGraphFactory factory)
{
    private const string Measures = "count regionCount target served budgetRealized achievementRate meanRegionRate minRate maxRate completeCount qualityRate spmIndex band";

    /// <summary>Requests the rollups can answer: periods, regions, provinces, kinds and sectors, in `where`, `groupBy`, `having` and `order`.</summary>
    private static readonly (string Name, string Query, object? Variables)[] Rolled =
    [
        ("op5", ContractOperations.Operation("ProvinceRollup"), new { province = "19", year = 2024, quarter = 2 }),
        ("op6", ContractOperations.Operation("Trend"), new { from = 2022 }),
        ("op7", ContractOperations.Operation("Ranking"), new { year = 2024, quarter = 3 }),
        ("kind and sector", $$"""{ achievementStats(where: { year: { eq: 2025 }, quarter: { eq: 1 } }, groupBy: [REGION_KIND, SECTOR]) { totalCount nodes { key { regionKind sector } {{Measures}} } } }""", null),
        ("regions of 16", $$"""{ achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 }, region: { parent: { code: { eq: "16" } } } }, groupBy: [REGION], having: { spmIndex: { gt: 50 } }, order: [{ spmIndex: DESC }], first: 50) { totalCount nodes { key { region { code } } {{Measures}} } } }""", null),
        ("health by quarter", $$"""{ achievementStats(where: { year: { eq: 2024 }, indicator: { sector: { eq: HEALTH } } }, groupBy: [QUARTER]) { nodes { key { quarter } {{Measures}} } } }""", null),
        ("one quarter", $$"""{ achievementStats(where: { year: { eq: 2023 }, quarter: { eq: 3 } }) { totalCount nodes { {{Measures}} } } }""", null),
        ("a region's quarters", $$"""{ achievementStats(where: { region: { code: { eq: "19.71" } } }, groupBy: [YEAR, QUARTER], order: [{ year: DESC }, { quarter: DESC }], first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { key { year quarter } {{Measures}} } } }""", null),
        ("with the quarter before", """{ achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 2 } }, groupBy: [SECTOR]) { nodes { key { sector } spmIndex previous { spmIndex } change { spmIndex achievementRate } } } }""", null),
    ];

    public static TheoryData<string> Callers => ["anonymous", "NATIONAL", "PROVINCE 16", "REGION 19.71"];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Rolled_up_stats_answer_as_the_same_stats_over_every_row(string caller)
    {
        await using var everyRow = new SpmGraphFactory(factory, answerCache: false, new Dictionary<string, string> { ["GraphQL:Stats:UseRollups"] = "false" });
        var credential = Credential(caller);
        foreach (var (name, query, variables) in Rolled)
        {
            factory.Sql.Reset();
            var rolledUp = await factory.ExecuteAsAsync(credential, query, variables);
            Assert.True(factory.Sql.Commands.Any(c => c.Contains("\"AchievementRollups\"", StringComparison.Ordinal)), $"{name} did not read the rollups");

            everyRow.Sql.Reset();
            var expected = await everyRow.ExecuteAsAsync(credential, query, variables);
            Assert.DoesNotContain(everyRow.Sql.Commands, c => c.Contains("\"AchievementRollups\"", StringComparison.Ordinal));
            Assert.Null(expected["errors"]);
            AssertSame(expected, rolledUp, name);
        }
    }

    [Fact]
    public async Task A_scheme_that_does_not_cap_the_rate_scores_the_rollups_as_every_row()
    {
        var scheme = AchievementStatsTests.TestScheme("TEST_UNCAPPED", 0.6, 0.4, cap: false, (70, "HIGH"), (0, "LOW"));
        await AchievementStatsTests.WithSchemeAsync(factory, scheme, async () =>
        {
            await using var everyRow = new SpmGraphFactory(factory, answerCache: false, new Dictionary<string, string> { ["GraphQL:Stats:UseRollups"] = "false" });
            const string query = """{ achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 } }, groupBy: [PROVINCE], scheme: "TEST_UNCAPPED", order: [{ spmIndex: DESC }]) { nodes { key { province { code } } spmIndex band scheme { code } } } }""";
            var national = factory.TokenFor(AccessRole.National);
            factory.Sql.Reset();
            var rolledUp = await factory.ExecuteAsAsync(national, query);
            var expected = await everyRow.ExecuteAsAsync(national, query);

            Assert.Contains(factory.Sql.Commands, c => c.Contains("\"AchievementRollups\"", StringComparison.Ordinal));
            Assert.Null(expected["errors"]);
            AssertSame(expected, rolledUp, "uncapped");
        });
    }

    private static readonly string[] SchemesInTurn = ["DEFAULT", "TEST_HEAVY_QUALITY", "DEFAULT"];

    [Fact]
    public async Task One_grouping_asked_under_two_schemes_scores_each_with_its_own_weights()
    {
        var scheme = AchievementStatsTests.TestScheme("TEST_HEAVY_QUALITY", 0.3, 0.7, cap: true, (60, "HIGH"), (0, "LOW"));
        await AchievementStatsTests.WithSchemeAsync(factory, scheme, async () =>
        {
            await using var everyRow = new SpmGraphFactory(factory, answerCache: false, new Dictionary<string, string> { ["GraphQL:Stats:UseRollups"] = "false" });
            var national = factory.TokenFor(AccessRole.National);
            foreach (var code in SchemesInTurn)
            {
                var query = $$"""{ achievementStats(where: { year: { eq: 2023 }, quarter: { eq: 2 } }, groupBy: [SECTOR], scheme: "{{code}}") { nodes { key { sector } spmIndex band scheme { code } } } }""";
                factory.Sql.Reset();
                var rolledUp = await factory.ExecuteAsAsync(national, query);
                var expected = await everyRow.ExecuteAsAsync(national, query);

                Assert.Contains(factory.Sql.Commands, c => c.Contains("\"AchievementRollups\"", StringComparison.Ordinal));
                Assert.Null(expected["errors"]);
                AssertSame(expected, rolledUp, code);
            }
        });
    }

    [Theory]
    [InlineData("""{ achievementStats(where: { year: { eq: 2024 } }, groupBy: [SECTOR]) { nodes { served } } }""", "several quarters of a series: its latest counts")]
    [InlineData("""{ achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 } }, groupBy: [INDICATOR]) { nodes { served } } }""", "a dimension the rollups do not keep")]
    [InlineData("""{ achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 }, target: { gt: 100 } }) { nodes { served } } }""", "a filter on the rows' values")]
    [InlineData("""{ achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 } }) { nodes { servedInQuarter } } }""", "a measure without a rollup form")]
    [InlineData("""{ regions(where: { code: { eq: "16" } }) { nodes { achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 } }) { nodes { served } } } } }""", "a region's nested stats")]
    public async Task Requests_the_rollups_cannot_answer_read_every_row(string query, string why)
    {
        factory.Sql.Reset();
        var body = await factory.ExecuteAsAsync(factory.TokenFor(AccessRole.National), query);

        Assert.Null(body["errors"]);
        Assert.False(factory.Sql.Commands.Any(c => c.Contains("\"AchievementRollups\"", StringComparison.Ordinal)), $"read the rollups despite {why}");
        Assert.True(factory.Sql.Commands.Any(c => c.Contains("\"Achievements\"", StringComparison.Ordinal) && c.Contains("GROUP BY", StringComparison.Ordinal)), $"no GROUP BY over every row for {why}");
    }

    private string? Credential(string caller) => caller.Split(' ') switch
    {
        ["anonymous"] => null,
        [var role] => factory.TokenFor(Enum.Parse<AccessRole>(role, ignoreCase: true)),
        [var role, var region] => factory.TokenFor(Enum.Parse<AccessRole>(role, ignoreCase: true), region),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>The same JSON, doubles equal up to summation-order rounding.</summary>
    private static void AssertSame(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                var other = Assert.IsType<JsonObject>(actual);
                Assert.Equal(obj.Select(p => p.Key), other.Select(p => p.Key));
                foreach (var (key, value) in obj)
                {
                    AssertSame(value, other[key], path + "." + key);
                }

                break;
            case JsonArray array:
                var items = Assert.IsType<JsonArray>(actual);
                Assert.Equal(array.Count, items.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    AssertSame(array[i], items[i], $"{path}[{i}]");
                }

                break;
            case JsonValue value when value.TryGetValue<double>(out var number) && !value.TryGetValue<string>(out _):
                Assert.True(new Tolerance().Equals(number, actual!.GetValue<double>()), $"{path}: expected {number}, got {actual}");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
                break;
        }
    }
}
