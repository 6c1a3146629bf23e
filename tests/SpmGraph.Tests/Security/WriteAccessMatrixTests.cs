using System.Text.Json.Nodes;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Security;

/// <summary>Each mutation x each caller x own and other region: exactly the expected allow or deny.</summary>
[Collection(WriteHostGroup.Name)]
public sealed class WriteAccessMatrixTests(SpmGraphFactory factory)
{
    private const int Year = 2038;
    private const string Region = "35.07";
    private const string Province = "35";

    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["recordAchievement"] = "RecordAchievementInput",
        ["upsertPlan"] = "UpsertPlanInput",
        ["submitReport"] = "SubmitReportInput",
        ["verifyReport"] = "VerifyReportInput",
        ["rejectReport"] = "RejectReportInput",
        ["reopenReport"] = "ReopenReportInput",
        ["upsertReportingPeriod"] = "UpsertReportingPeriodInput",
        ["addScoringScheme"] = "AddScoringSchemeInput",
        ["activateScoringScheme"] = "ActivateScoringSchemeInput",
    };

    /// <summary>Who may call each mutation, as README's role section says it (the matrix below checks the server).</summary>
    private static readonly Dictionary<string, string> ReadmeCallers = new()
    {
        ["recordAchievement"] = "the region itself",
        ["upsertPlan"] = "the region itself",
        ["submitReport"] = "the region itself",
        ["verifyReport"] = "the region's verifier",
        ["rejectReport"] = "the region's verifier",
        ["reopenReport"] = "the region's verifier; the region itself while the report is not VERIFIED (SUBMITTED or REJECTED)",
        ["upsertReportingPeriod"] = "`NATIONAL`",
        ["addScoringScheme"] = "`NATIONAL`",
        ["activateScoringScheme"] = "`NATIONAL`",
    };

    /// <summary>Who may do what to kab/kota 35.07 (its province is 35).</summary>
    public static TheoryData<string, string, bool> Matrix()
    {
        var callers = new[] { "anonymous", "national", "province-own", "province-other", "region-own", "region-sibling", "region-other" };
        var allowed = new Dictionary<string, string[]>
        {
            ["recordAchievement"] = ["region-own"],
            ["upsertPlan"] = ["region-own"],
            ["submitReport"] = ["region-own"],
            ["verifyReport"] = ["province-own"],
            ["rejectReport"] = ["province-own"],
            ["reopenReport"] = ["region-own", "province-own"],
            ["upsertReportingPeriod"] = ["national"],
            ["addScoringScheme"] = ["national"],
            ["activateScoringScheme"] = ["national"],
        };
        var data = new TheoryData<string, string, bool>();
        foreach (var (mutation, who) in allowed)
        {
            foreach (var caller in callers)
            {
                data.Add(mutation, caller, who.Contains(caller));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_mutation_is_allowed_exactly_to_its_callers(string mutation, string caller, bool allowed)
    {
        var credential = caller switch
        {
            "national" => factory.TokenFor(AccessRole.National),
            "province-own" => factory.TokenFor(AccessRole.Province, Province),
            "province-other" => factory.TokenFor(AccessRole.Province, "36"),
            "region-own" => factory.TokenFor(AccessRole.Region, Region),
            "region-sibling" => factory.TokenFor(AccessRole.Region, "35.08"),
            "region-other" => factory.TokenFor(AccessRole.Region, "36.01"),
            _ => null,
        };

        var body = await factory.ExecuteAsAsync(
            credential,
            $"mutation($input: {Inputs[mutation]}!) {{ {mutation}(input: $input) {{ errors {{ code path }} }} }}",
            new { input = Input(mutation) });

        Assert.Null(body["errors"]);
        var codes = body["data"]![mutation]!["errors"]!.AsArray().Select(e => (string)e!["code"]!).ToList();
        if (allowed)
        {
            // Past the access check: the writer may still refuse the made-up input on its merits.
            Assert.DoesNotContain("FORBIDDEN", codes);
            Assert.DoesNotContain("UNAUTHENTICATED", codes);
        }
        else
        {
            Assert.Equal([credential is null ? "UNAUTHENTICATED" : "FORBIDDEN"], codes);
        }
    }

    [Fact]
    public async Task Readme_names_who_may_call_every_mutation_of_the_schema()
    {
        var schema = await factory.ExecuteDataAsync("{ __schema { mutationType { fields { name } } } }");
        var mutations = schema["__schema"]!["mutationType"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!).Order().ToList();
        var readme = File.ReadAllLines(RepositoryPaths.InRepository("README.md"))
            .SkipWhile(l => l != "| mutation | who may call it |").Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'), cells => cells[2]);

        Assert.Equal(mutations, readme.Keys.Order());
        Assert.Equal(mutations, Inputs.Keys.Order());
        Assert.Equal(ReadmeCallers.OrderBy(c => c.Key), readme.OrderBy(c => c.Key));
    }

    private static JsonObject Input(string mutation) => mutation switch
    {
        "recordAchievement" => new JsonObject
        {
            ["regionCode"] = Region,
            ["indicatorCode"] = "KES.KK.01",
            ["year"] = Year,
            ["quarter"] = 1,
            ["target"] = 10,
            ["served"] = 1,
            ["qualityRate"] = 50.0,
            ["budgetRealized"] = 0,
        },
        "upsertPlan" => new JsonObject
        {
            ["regionCode"] = Region,
            ["indicatorCode"] = "KES.KK.01",
            ["year"] = Year,
            ["opdId"] = "T3BkOjE=",
            ["target"] = 10,
            ["unitCost"] = 1000,
            ["budgetAllocated"] = 0,
            ["programCode"] = "1.02.02",
        },
        "rejectReport" => new JsonObject { ["regionCode"] = Region, ["year"] = Year, ["quarter"] = 1, ["reason"] = "test" },

        // Refused on their merits when allowed (weights that do not sum to 1, a scheme that does not exist): nothing is written.
        "addScoringScheme" => new JsonObject
        {
            ["code"] = "MATRIX_TEST",
            ["name"] = "Matrix test",
            ["recipientWeight"] = 2.0,
            ["qualityWeight"] = 2.0,
            ["source"] = "test",
            ["bands"] = new JsonArray(new JsonObject { ["code"] = "ALL", ["label"] = "All", ["lowerBound"] = 0.0 }),
        },
        "activateScoringScheme" => new JsonObject { ["code"] = "MATRIX_NONE", ["version"] = 1 },
        "upsertReportingPeriod" => new JsonObject
        {
            ["year"] = Year,
            ["quarter"] = 1,
            ["opensAt"] = "2038-03-31T17:00:00Z",
            ["closesAt"] = "2038-04-19T17:00:00Z",
        },
        _ => new JsonObject { ["regionCode"] = Region, ["year"] = Year, ["quarter"] = 1 },
    };
}
