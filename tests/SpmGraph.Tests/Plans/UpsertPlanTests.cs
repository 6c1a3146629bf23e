using System.Text.Json.Nodes;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Plans;

/// <summary>upsertPlan on the write host, in 2035 (the seed plans 2023-2028).</summary>
[Collection(WriteHostGroup.Name)]
public sealed class UpsertPlanTests(SpmGraphFactory factory)
{
    private const int Year = 2035;
    private const string PlanSelection = "plan { id version target unitCost budgetNeeded budgetAllocated budgetGap unbudgeted programCode planPeriod opd { name } }";

    [Fact]
    public async Task A_new_plan_line_needs_target_times_unit_cost()
    {
        var opd = await OpdAsync("19.71", "Dinas Kesehatan");
        var before = await factory.CountsAsync();

        var data = await factory.ContractWriteAsync("UpsertPlan", new
        {
            input = new { regionCode = "19.71", indicatorCode = "KES.KK.01", year = Year, opdId = opd, target = 2_000, unitCost = 450_000, budgetAllocated = 800_000_000, programCode = "1.02.02" },
        });

        var plan = data["upsertPlan"]!;
        Assert.Equal(2_000L * 450_000, (long)plan["plan"]!["budgetNeeded"]!);
        Snap.Match(Writes.WithoutIds(plan));
        Assert.Equal(before with { Plans = before.Plans + 1, AuditEntries = before.AuditEntries + 1 }, await factory.CountsAsync());
    }

    [Fact]
    public async Task A_stated_budget_need_is_kept_and_updates_are_audited()
    {
        var opd = await OpdAsync("19.01", "Dinas Pekerjaan Umum");
        var input = new Dictionary<string, object?>
        {
            ["regionCode"] = "19.01",
            ["indicatorCode"] = "PU.KK.02",
            ["year"] = Year,
            ["opdId"] = opd,
            ["target"] = 1_200,
            ["unitCost"] = 1_000_000,
            ["budgetAllocated"] = 3_000_000_000,
            ["budgetNeeded"] = 4_500_000_000,
        };
        var created = await factory.MutateAsync("upsertPlan", "UpsertPlanInput", input, PlanSelection);
        Writes.AssertSucceeded(created);
        Assert.Equal(4_500_000_000, (long)created["plan"]!["budgetNeeded"]!);
        Assert.Equal(1_500_000_000, (long)created["plan"]!["budgetGap"]!);
        Assert.True((bool)created["plan"]!["unbudgeted"]!);
        Assert.Equal("Periode 2035", (string)created["plan"]!["planPeriod"]!);

        input["budgetAllocated"] = 4_600_000_000;
        input["budgetNeeded"] = null;
        var updated = await factory.MutateAsync("upsertPlan", "UpsertPlanInput", input, "plan { version budgetNeeded unbudgeted history { action actor changes { field oldValue newValue } } }");

        Writes.AssertSucceeded(updated);
        var plan = updated["plan"]!;
        Assert.Equal(1_200L * 1_000_000, (long)plan["budgetNeeded"]!);
        Assert.False((bool)plan["unbudgeted"]!);
        Assert.Equal(2, (int)plan["version"]!);
        Assert.Equal(
            """[{"field":"budgetAllocated","oldValue":"3000000000","newValue":"4600000000"},{"field":"budgetNeeded","oldValue":"4500000000","newValue":"1200000000"},{"field":"budgetNeededIsExplicit","oldValue":"true","newValue":"false"}]""",
            plan["history"]![0]!["changes"]!.ToJsonString());
    }

    [Fact]
    public async Task An_invalid_plan_is_refused_with_its_own_code_and_nothing_is_written()
    {
        var ownOpd = await OpdAsync("19.02", "Dinas Kesehatan");
        var otherOpd = await OpdAsync("19.71", "Dinas Kesehatan");
        var before = await factory.CountsAsync();

        Assert.Equal(["UNKNOWN_OPD input.opdId"], Writes.ErrorsOf(await UpsertAsync(Plan("19.02", "not-an-id"))));
        Assert.Equal(["OPD_OF_OTHER_REGION input.opdId"], Writes.ErrorsOf(await UpsertAsync(Plan("19.02", otherOpd))));
        Assert.Equal(["NEGATIVE_VALUE input.unitCost"], Writes.ErrorsOf(await UpsertAsync(Plan("19.02", ownOpd, unitCost: -1))));
        Assert.Equal(["INVALID_FORMAT input.programCode"], Writes.ErrorsOf(await UpsertAsync(Plan("19.02", ownOpd, programCode: "program 2"))));
        Assert.Equal(["WRONG_LEVEL input.indicatorCode"], Writes.ErrorsOf(await UpsertAsync(Plan("19.02", ownOpd, indicator: "KES.P.02"))));
        Assert.Equal(["INVALID_YEAR input.year"], Writes.ErrorsOf(await UpsertAsync(Plan("19.02", ownOpd, year: 2101))));
        Assert.Equal(
            ["NEGATIVE_VALUE input.target", "UNKNOWN_REGION input.regionCode", "UNKNOWN_OPD input.opdId"],
            Writes.ErrorsOf(await UpsertAsync(Plan("77.77", "not-an-id", target: -3))));
        Assert.Equal(before, await factory.CountsAsync());
    }

    private Task<JsonObject> UpsertAsync(object input) => factory.MutateAsync("upsertPlan", "UpsertPlanInput", input, PlanSelection);

    private static Dictionary<string, object?> Plan(string region, string opd, string indicator = "KES.KK.04", int year = Year, long target = 100, long unitCost = 10_000, string? programCode = "1.02.02") => new()
    {
        ["regionCode"] = region,
        ["indicatorCode"] = indicator,
        ["year"] = year,
        ["opdId"] = opd,
        ["target"] = target,
        ["unitCost"] = unitCost,
        ["budgetAllocated"] = 1_000_000,
        ["programCode"] = programCode,
    };

    /// <summary>The id the API shows for the region's OPD whose name starts so.</summary>
    private async Task<string> OpdAsync(string region, string namePrefix)
    {
        var data = await factory.ReadAsync("query($code: String!) { region(code: $code) { opds(first: 50) { nodes { id name } } } }", new { code = region });
        return (string)data["region"]!["opds"]!["nodes"]!.AsArray().First(o => ((string)o!["name"]!).StartsWith(namePrefix, StringComparison.Ordinal))!["id"]!;
    }
}
