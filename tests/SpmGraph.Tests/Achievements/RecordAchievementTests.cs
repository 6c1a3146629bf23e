using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Achievements;

/// <summary>recordAchievement on the write host, in 2030 (a year the seed does not have).</summary>
[Collection(WriteHostGroup.Name)]
public sealed class RecordAchievementTests(SpmGraphFactory factory) : IAsyncLifetime
{
    private const int Year = 2030;

    public Task InitializeAsync() => factory.PeriodsAsync(Year);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Recording_a_row_creates_a_draft_row_and_its_report_with_audit_entries()
    {
        var before = await factory.CountsAsync();

        var data = await factory.ContractWriteAsync("RecordAchievement", new
        {
            input = new { regionCode = "19.71", indicatorCode = "KES.KK.01", year = Year, quarter = 1, target = 1_200, served = 300, qualityRate = 87.5, budgetRealized = 15_000_000 },
        });

        var payload = data["recordAchievement"]!;
        Assert.StartsWith("Achievement:", GlobalIdText((string)payload["achievement"]!["id"]!), StringComparison.Ordinal);
        Snap.Match(Writes.WithoutIds(payload));
        var after = await factory.CountsAsync();
        Assert.Equal(before with { Achievements = before.Achievements + 1, Reports = before.Reports + 1, AuditEntries = before.AuditEntries + 2 }, after);

        // The read side sees it at once: the row, and the region's DRAFT report for the quarter.
        var read = await factory.ReadAsync(
            """
            query($year: Int!) {
              achievements(where: { region: { code: { eq: "19.71" } }, year: { eq: $year }, quarter: { eq: 1 } }) { nodes { served status submittedAt onTime version } }
              reports(where: { region: { code: { eq: "19.71" } }, year: { eq: $year }, quarter: { eq: 1 } }) { nodes { status rowCount submittedAt } }
            }
            """,
            new { year = Year });
        Assert.Equal("""[{"served":300,"status":"DRAFT","submittedAt":null,"onTime":null,"version":1}]""", read["achievements"]!["nodes"]!.ToJsonString());
        Assert.Equal("""[{"status":"DRAFT","rowCount":1,"submittedAt":null}]""", read["reports"]!["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task Correcting_a_row_bumps_its_version_and_audits_the_old_and_new_values()
    {
        var first = await factory.RecordAsync(Writes.Row("19.01", Year, 1, served: 100, quality: 80));
        Writes.AssertSucceeded(first);
        Assert.Equal(1, (int)first["achievement"]!["version"]!);

        var corrected = await factory.RecordAsync(
            Writes.Row("19.01", Year, 1, served: 120, quality: null),
            "achievement { version served qualityRate history { action actor changes { field oldValue newValue } } }");

        Writes.AssertSucceeded(corrected);
        var achievement = corrected["achievement"]!;
        Assert.Equal(2, (int)achievement["version"]!);
        var history = achievement["history"]!.AsArray();
        Assert.Equal(["UPDATED", "CREATED"], history.Select(h => (string)h!["action"]!));
        Assert.All(history, h => Assert.Equal("test-region-19.01", (string)h!["actor"]!));
        Assert.Equal(
            """[{"field":"qualityRate","oldValue":"80","newValue":null},{"field":"served","oldValue":"100","newValue":"120"}]""",
            history[0]!["changes"]!.ToJsonString());
        var created = history[1]!["changes"]!.AsArray().ToDictionary(c => (string)c!["field"]!, c => (string?)c!["newValue"]);
        Assert.Equal("100", created["served"]);
        Assert.Equal("DRAFT", created["status"]);
        Assert.All(history[1]!["changes"]!.AsArray(), c => Assert.Null((string?)c!["oldValue"]));
    }

    [Fact]
    public async Task Recording_the_same_values_again_writes_nothing()
    {
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("19.02", Year, 1, served: 500)));
        var before = await factory.CountsAsync();

        var again = await factory.RecordAsync(Writes.Row("19.02", Year, 1, served: 500));

        Writes.AssertSucceeded(again);
        Assert.Equal(1, (int)again["achievement"]!["version"]!);
        Assert.Equal(before, await factory.CountsAsync());
    }

    public static TheoryData<string, string, object?, string> InvalidInputs => new()
    {
        { "target", "target", -1L, "NEGATIVE_VALUE input.target" },
        { "served", "served", -5L, "NEGATIVE_VALUE input.served" },
        { "budget", "budgetRealized", -1L, "NEGATIVE_VALUE input.budgetRealized" },
        { "quality above 100", "qualityRate", 100.5, "OUT_OF_RANGE input.qualityRate" },
        { "quality below 0", "qualityRate", -0.1, "OUT_OF_RANGE input.qualityRate" },
        { "quarter", "quarter", 5, "INVALID_QUARTER input.quarter" },
        { "year", "year", 1999, "INVALID_YEAR input.year" },
        { "region", "regionCode", "99.99", "UNKNOWN_REGION input.regionCode" },
        { "indicator", "indicatorCode", "KES.KK.99", "UNKNOWN_INDICATOR input.indicatorCode" },
        { "provinsi jenis on a kota", "indicatorCode", "KES.P.01", "WRONG_LEVEL input.indicatorCode" },
        { "kab/kota jenis on a province", "regionCode", "19", "WRONG_LEVEL input.indicatorCode" },
        { "no reporting period", "year", 2099, "UNKNOWN_PERIOD input.quarter" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task An_invalid_input_is_refused_with_its_own_code_and_nothing_is_written(string _, string field, object? value, string expected)
    {
        var input = Writes.Row("19.03", Year, 2, served: 10);
        input[field] = value;
        var before = await factory.CountsAsync();

        var payload = await factory.RecordAsync(input);

        Assert.Equal([expected], Writes.ErrorsOf(payload));
        Assert.Null(payload["achievement"]);
        Assert.False(string.IsNullOrWhiteSpace((string)payload["errors"]![0]!["message"]!));
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task Every_error_of_an_input_is_reported_not_just_the_first()
    {
        var input = Writes.Row("99.99", Year, 1, served: -1, quality: 120);
        input["quarter"] = 0;

        var payload = await factory.RecordAsync(input);

        Assert.Equal(
            ["INVALID_QUARTER input.quarter", "NEGATIVE_VALUE input.served", "OUT_OF_RANGE input.qualityRate", "UNKNOWN_REGION input.regionCode"],
            Writes.ErrorsOf(payload));
    }

    [Fact]
    public async Task Served_may_not_fall_below_an_earlier_quarter_nor_rise_above_a_later_one()
    {
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("19.04", Year, 1, served: 100)));
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("19.04", Year, 3, served: 300)));
        var before = await factory.CountsAsync();

        Assert.Equal(["SERVED_DECREASES input.served"], Writes.ErrorsOf(await factory.RecordAsync(Writes.Row("19.04", Year, 2, served: 99))));
        Assert.Equal(["SERVED_DECREASES input.served"], Writes.ErrorsOf(await factory.RecordAsync(Writes.Row("19.04", Year, 2, served: 301))));
        Assert.Equal(["SERVED_DECREASES input.served"], Writes.ErrorsOf(await factory.RecordAsync(Writes.Row("19.04", Year, 4, served: 299))));
        Assert.Equal(["SERVED_DECREASES input.served"], Writes.ErrorsOf(await factory.RecordAsync(Writes.Row("19.04", Year, 1, served: 301))));
        Assert.Equal(before, await factory.CountsAsync());

        // Equal is fine (nobody new was served), and so is anything in between.
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("19.04", Year, 2, served: 100)));
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("19.04", Year, 4, served: 300)));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_writes_nothing()
    {
        var first = await factory.RecordAsync(Writes.Row("19.05", Year, 1, served: 10));
        Writes.AssertSucceeded(first);
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("19.05", Year, 1, served: 20)));
        var before = await factory.CountsAsync();

        var stale = Writes.Row("19.05", Year, 1, served: 30);
        stale["expectedVersion"] = 1;
        var payload = await factory.RecordAsync(stale);

        Assert.Equal(["CONFLICT input.expectedVersion"], Writes.ErrorsOf(payload));
        Assert.Equal(before, await factory.CountsAsync());

        stale["expectedVersion"] = 2;
        var current = await factory.RecordAsync(stale);
        Writes.AssertSucceeded(current);
        Assert.Equal(3, (int)current["achievement"]!["version"]!);
    }

    private static string GlobalIdText(string id) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(id));
}
