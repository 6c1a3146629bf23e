using System.Text.Json.Nodes;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Scoring;

[Collection(WriteHostGroup.Name)]
public sealed class ScoringSchemeMutationTests(SpmGraphFactory factory)
{
    private const string Add = "mutation($input: AddScoringSchemeInput!) { addScoringScheme(input: $input) { scoringScheme { code version isActive recipientWeight bands { code lowerBound } } errors { code path } } }";
    private const string Activate = "mutation($input: ActivateScoringSchemeInput!) { activateScoringScheme(input: $input) { scoringScheme { code version isActive } errors { code } } }";

    [Fact]
    public async Task Adding_a_scheme_again_makes_its_next_version_and_activating_it_changes_what_stats_use()
    {
        var national = factory.TokenFor(AccessRole.National);
        var first = (await factory.ExecuteDataAsAsync(national, Add, new { input = Input("TEST_EQUAL", 0.5, 0.5) }))["addScoringScheme"]!;
        var second = (await factory.ExecuteDataAsAsync(national, Add, new { input = Input("TEST_EQUAL", 0.7, 0.3) }))["addScoringScheme"]!;

        Assert.Equal(1, (int)first["scoringScheme"]!["version"]!);
        Assert.Equal(2, (int)second["scoringScheme"]!["version"]!);
        Assert.False((bool)second["scoringScheme"]!["isActive"]!);

        try
        {
            var activated = (await factory.ExecuteDataAsAsync(national, Activate, new { input = new { code = "TEST_EQUAL", version = 2 } }))["activateScoringScheme"]!;
            var read = await factory.ReadAsync("{ scoringSchemes { code version isActive } achievementStats(where: { year: { eq: 2024 } }) { nodes { scheme { code version } } } }");

            Assert.True((bool)activated["scoringScheme"]!["isActive"]!);
            Assert.Equal(
                ["TEST_EQUAL:2"],
                read["scoringSchemes"]!.AsArray().Where(s => (bool)s!["isActive"]!).Select(s => $"{s!["code"]}:{s["version"]}"));
            Assert.Equal("TEST_EQUAL", (string?)read["achievementStats"]!["nodes"]![0]!["scheme"]!["code"]);
        }
        finally
        {
            await factory.ExecuteDataAsAsync(national, Activate, new { input = new { code = "DEFAULT", version = 2 } });
        }
    }

    [Theory]
    [InlineData(0.9, 0.2, true, "INVALID_WEIGHTS")]
    [InlineData(0.8, 0.2, false, "INVALID_BANDS")]
    public async Task A_scheme_that_cannot_score_every_index_is_refused(double recipient, double quality, bool bandFromZero, string code)
    {
        var input = Input("TEST_BAD", recipient, quality, bandFromZero);
        var payload = (await factory.ExecuteDataAsAsync(factory.TokenFor(AccessRole.National), Add, new { input }))["addScoringScheme"]!;

        Assert.Null(payload["scoringScheme"]);
        Assert.Equal([code], payload["errors"]!.AsArray().Select(e => (string)e!["code"]!));
    }

    [Fact]
    public async Task Adding_and_activating_a_scheme_are_audited_like_every_write()
    {
        var national = factory.TokenFor(AccessRole.National);
        var added = (await factory.ExecuteDataAsAsync(national, Add, new { input = Input("TEST_AUDIT", 0.6, 0.4) }))["addScoringScheme"]!;
        Assert.Empty(added["errors"]!.AsArray());
        try
        {
            var activated = (await factory.ExecuteDataAsAsync(national, Activate, new { input = new { code = "TEST_AUDIT", version = 1 } }))["activateScoringScheme"]!;
            Assert.Empty(activated["errors"]!.AsArray());

            var log = await factory.ReadAsync("""
                { auditLog(where: { entityType: { eq: SCORING_SCHEME } }, order: [{ at: DESC }], first: 3) {
                    nodes { action actor region { code } changes { field oldValue newValue } } } }
                """);

            var entries = log["auditLog"]!["nodes"]!.AsArray();
            var created = entries.Single(e => (string)e!["action"]! == "CREATED")!;
            var fields = created["changes"]!.AsArray().ToDictionary(c => (string)c!["field"]!, c => (string?)c!["newValue"]);
            Assert.Equal("TEST_AUDIT", fields["code"]);
            Assert.Equal("1", fields["version"]);
            Assert.Equal("0.6", fields["recipientWeight"]);
            Assert.Equal("HIGH (High) from 75; LOW (Low) from 0", fields["bands"]);
            Assert.Equal("test-national-", (string?)created["actor"]);
            Assert.Null(created["region"]);

            // The activated scheme and the one it replaced, each an UPDATED entry of isActive.
            var updates = entries.Where(e => (string)e!["action"]! == "UPDATED").Select(e => e!["changes"]!.ToJsonString()).Order().ToList();
            Assert.Equal(
                ["""[{"field":"isActive","oldValue":"false","newValue":"true"}]""", """[{"field":"isActive","oldValue":"true","newValue":"false"}]"""],
                updates);
        }
        finally
        {
            await factory.ExecuteDataAsAsync(national, Activate, new { input = new { code = "DEFAULT", version = 2 } });
        }
    }

    [Fact]
    public async Task Adding_a_version_someone_else_added_first_is_a_conflict()
    {
        var national = factory.TokenFor(AccessRole.National);
        var input = Input("TEST_RACE", 0.8, 0.2);
        input["expectedVersion"] = 0;
        var first = (await factory.ExecuteDataAsAsync(national, Add, new { input }))["addScoringScheme"]!;
        var before = await factory.CountsAsync();
        var second = (await factory.ExecuteDataAsAsync(national, Add, new { input }))["addScoringScheme"]!;

        Assert.Empty(first["errors"]!.AsArray());
        Assert.Equal(["CONFLICT"], second["errors"]!.AsArray().Select(e => (string)e!["code"]!));
        Assert.Null(second["scoringScheme"]);
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task Activating_a_scheme_that_does_not_exist_is_unknown_scheme()
    {
        var payload = (await factory.ExecuteDataAsAsync(factory.TokenFor(AccessRole.National), Activate, new { input = new { code = "NO_SUCH_SCHEME", version = 7 } }))["activateScoringScheme"]!;

        Assert.Equal(["UNKNOWN_SCHEME"], payload["errors"]!.AsArray().Select(e => (string)e!["code"]!));
    }

    [Fact]
    public async Task Only_national_callers_manage_schemes()
    {
        var payload = (await factory.ExecuteDataAsAsync(factory.TokenFor(AccessRole.Province, "16"), Add, new { input = Input("TEST_PROVINCE", 0.8, 0.2) }))["addScoringScheme"]!;

        Assert.Equal(["FORBIDDEN"], payload["errors"]!.AsArray().Select(e => (string)e!["code"]!));
    }

    private static JsonObject Input(string code, double recipient, double quality, bool bandFromZero = true) => new()
    {
        ["code"] = code,
        ["name"] = "Test scheme",
        ["recipientWeight"] = recipient,
        ["qualityWeight"] = quality,
        ["source"] = "test",
        ["bands"] = new JsonArray(
            new JsonObject { ["code"] = "HIGH", ["label"] = "High", ["lowerBound"] = 75 },
            new JsonObject { ["code"] = "LOW", ["label"] = "Low", ["lowerBound"] = bandFromZero ? 0 : 10 }),
    };
}
