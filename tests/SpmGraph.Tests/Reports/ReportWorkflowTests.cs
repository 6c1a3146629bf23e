using System.Text.Json.Nodes;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Reports;

/// <summary>submitReport, verifyReport, rejectReport and reopenReport on the write host, in 2031.</summary>
[Collection(WriteHostGroup.Name)]
public sealed class ReportWorkflowTests(SpmGraphFactory factory) : IAsyncLifetime
{
    private const int Year = 2031;

    public Task InitializeAsync() => factory.PeriodsAsync(Year);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Submitting_makes_the_report_and_every_row_submitted_now_and_on_time_before_the_period_closes()
    {
        await RecordTwoRowsAsync("33.01", quarter: 1);
        var before = DateTime.UtcNow.AddSeconds(-1);

        var data = await factory.ContractWriteAsync("SubmitReport", new { input = new { regionCode = "33.01", year = Year, quarter = 1 } });

        var payload = data["submitReport"]!;
        var submittedAt = ((DateTime)payload["report"]!["submittedAt"]!).ToUniversalTime();
        Assert.InRange(submittedAt, before, DateTime.UtcNow.AddSeconds(1));
        payload["report"]!["submittedAt"] = "(now)";
        Snap.Match(payload);

        var rows = await RowsAsync("33.01", 1);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal("SUBMITTED", (string)r!["status"]!);
            Assert.Equal(submittedAt, ((DateTime)r["submittedAt"]!).ToUniversalTime());
            Assert.True((bool)r["onTime"]!);
        });
    }

    [Fact]
    public async Task A_report_submitted_after_its_period_closed_is_late()
    {
        // The 2019 Q4 window closed in January 2020: a submission today is late.
        var opens = new DateTime(2019, 12, 31, 17, 0, 0, DateTimeKind.Utc);
        await factory.PeriodAsync(2019, 4, opens, opens.AddDays(19));
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("33.02", 2019, 4, served: 900)));

        var payload = await factory.ReportStepAsync("submitReport", new { regionCode = "33.02", year = 2019, quarter = 4 });

        Writes.AssertSucceeded(payload);
        Assert.Equal("SUBMITTED", (string)payload["report"]!["status"]!);
        Assert.False((bool)payload["report"]!["onTime"]!);
        var read = await factory.ReadAsync("""{ reports(where: { region: { code: { eq: "33.02" } }, year: { eq: 2019 }, onTime: { eq: false } }) { totalCount } }""");
        Assert.Equal(1, (int)read["reports"]!["totalCount"]!);
    }

    [Fact]
    public async Task The_province_verifies_a_submitted_report_and_its_rows()
    {
        await RecordTwoRowsAsync("33.03", quarter: 1);
        Writes.AssertSucceeded(await factory.ReportStepAsync("submitReport", Key("33.03", 1)));

        var data = await factory.ContractWriteAsync("VerifyReport", new { input = Key("33.03", 1) });

        var report = data["verifyReport"]!["report"]!;
        Assert.Equal("VERIFIED", (string)report["status"]!);
        var verifiedAt = (DateTime)report["verifiedAt"]!;
        Assert.All(await RowsAsync("33.03", 1), r =>
        {
            Assert.Equal("VERIFIED", (string)r!["status"]!);
            Assert.Equal(verifiedAt, (DateTime)r["verifiedAt"]!);
        });
    }

    [Fact]
    public async Task A_rejected_report_is_corrected_as_draft_rows_and_submitted_again()
    {
        await RecordTwoRowsAsync("33.04", quarter: 1);
        Writes.AssertSucceeded(await factory.ReportStepAsync("submitReport", Key("33.04", 1)));
        Assert.Equal(["REQUIRED input.reason"], Writes.ErrorsOf(await factory.ReportStepAsync("rejectReport", new { regionCode = "33.04", year = Year, quarter = 1, reason = "  " })));

        var data = await factory.ContractWriteAsync("RejectReport", new { input = new { regionCode = "33.04", year = Year, quarter = 1, reason = "Bukti dukung capaian belum diunggah." } });

        Assert.Equal("""{"report":{"status":"REJECTED"},"errors":[]}""", data["rejectReport"]!.ToJsonString());
        Assert.All(await RowsAsync("33.04", 1), r => Assert.Equal("REJECTED", (string)r!["status"]!));

        // The region corrects a row (no reopen needed) and submits again; the reason is cleared.
        var corrected = await factory.RecordAsync(Writes.Row("33.04", Year, 1, served: 450), "achievement { status }");
        Assert.Equal("DRAFT", (string)corrected["achievement"]!["status"]!);
        var again = await factory.ReportStepAsync("submitReport", Key("33.04", 1));
        Writes.AssertSucceeded(again);
        Assert.Equal("SUBMITTED", (string)again["report"]!["status"]!);
        Assert.Null(again["report"]!["rejectionReason"]);
    }

    [Fact]
    public async Task Rows_of_a_submitted_report_are_locked_until_it_is_reopened()
    {
        await RecordTwoRowsAsync("33.05", quarter: 1);
        Writes.AssertSucceeded(await factory.ReportStepAsync("submitReport", Key("33.05", 1)));
        var before = await factory.CountsAsync();

        Assert.Equal(["REPORT_LOCKED input"], Writes.ErrorsOf(await factory.RecordAsync(Writes.Row("33.05", Year, 1, served: 999))));
        Assert.Equal(["REPORT_LOCKED input"], Writes.ErrorsOf(await factory.RecordAsync(Writes.Row("33.05", Year, 1, served: 5, indicator: "KES.KK.03"))));
        Assert.Equal(before, await factory.CountsAsync());

        var reopened = await factory.ReportStepAsync("reopenReport", Key("33.05", 1));
        Writes.AssertSucceeded(reopened);
        Assert.Equal("""{"status":"DRAFT","submittedAt":null,"verifiedAt":null,"onTime":null}""", Pick(reopened["report"]!, "status", "submittedAt", "verifiedAt", "onTime"));
        Assert.All(await RowsAsync("33.05", 1), r => Assert.Equal("DRAFT", (string)r!["status"]!));
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("33.05", Year, 1, served: 999)));
    }

    [Fact]
    public async Task A_region_reopens_its_own_submitted_report_but_only_its_province_reopens_a_verified_one()
    {
        await RecordTwoRowsAsync("33.09", quarter: 3);
        Writes.AssertSucceeded(await factory.ReportStepAsync("submitReport", Key("33.09", 3)));
        Writes.AssertSucceeded(await StepAsAsync(factory.TokenFor(Domain.Model.AccessRole.Region, "33.09"), "reopenReport", Key("33.09", 3)));
        Writes.AssertSucceeded(await factory.ReportStepAsync("submitReport", Key("33.09", 3)));
        var verified = await factory.ReportStepAsync("verifyReport", Key("33.09", 3));
        Writes.AssertSucceeded(verified);
        var before = await factory.CountsAsync();

        var byRegion = await StepAsAsync(factory.TokenFor(Domain.Model.AccessRole.Region, "33.09"), "reopenReport", Key("33.09", 3));
        var afterRefusal = await factory.CountsAsync();
        var unchanged = await factory.ReadAsync("""{ reports(where: { region: { code: { eq: "33.09" } }, year: { eq: 2031 }, quarter: { eq: 3 } }) { nodes { status verifiedAt version } } }""");
        var byProvince = await StepAsAsync(factory.TokenFor(Domain.Model.AccessRole.Province, "33"), "reopenReport", Key("33.09", 3));

        Assert.Equal(["FORBIDDEN input"], Writes.ErrorsOf(byRegion));
        Assert.Equal(before, afterRefusal);
        var report = Assert.Single(unchanged["reports"]!["nodes"]!.AsArray())!;
        Assert.Equal("VERIFIED", (string?)report["status"]);
        Assert.Equal((string?)verified["report"]!["verifiedAt"], (string?)report["verifiedAt"]);
        Assert.Equal((int)verified["report"]!["version"]!, (int)report["version"]!);
        Writes.AssertSucceeded(byProvince);
        Assert.Equal("DRAFT", (string?)byProvince["report"]!["status"]);
    }

    [Fact]
    public async Task Only_national_reopens_a_provinces_verified_report()
    {
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("33", Year, 3, served: 40, indicator: "KES.P.01", target: 100)));
        Writes.AssertSucceeded(await factory.ReportStepAsync("submitReport", Key("33", 3)));
        Writes.AssertSucceeded(await factory.ReportStepAsync("verifyReport", Key("33", 3)));

        var byProvince = await StepAsAsync(factory.TokenFor(Domain.Model.AccessRole.Province, "33"), "reopenReport", Key("33", 3));
        var byNational = await StepAsAsync(factory.TokenFor(Domain.Model.AccessRole.National), "reopenReport", Key("33", 3));

        Assert.Equal(["FORBIDDEN input"], Writes.ErrorsOf(byProvince));
        Writes.AssertSucceeded(byNational);
        Assert.Equal("DRAFT", (string?)byNational["report"]!["status"]);
    }

    [Fact]
    public async Task A_step_the_status_does_not_allow_is_INVALID_STATE_and_writes_nothing()
    {
        await RecordTwoRowsAsync("33.06", quarter: 1);
        var before = await factory.CountsAsync();

        Assert.Equal(["INVALID_STATE input"], Writes.ErrorsOf(await factory.ReportStepAsync("verifyReport", Key("33.06", 1))));
        Assert.Equal(["INVALID_STATE input"], Writes.ErrorsOf(await factory.ReportStepAsync("rejectReport", new { regionCode = "33.06", year = Year, quarter = 1, reason = "x" })));
        Assert.Equal(["INVALID_STATE input"], Writes.ErrorsOf(await factory.ReportStepAsync("reopenReport", Key("33.06", 1))));
        Assert.Equal(before, await factory.CountsAsync());

        Writes.AssertSucceeded(await factory.ReportStepAsync("submitReport", Key("33.06", 1)));
        Writes.AssertSucceeded(await factory.ReportStepAsync("verifyReport", Key("33.06", 1)));
        before = await factory.CountsAsync();
        Assert.Equal(["INVALID_STATE input"], Writes.ErrorsOf(await factory.ReportStepAsync("submitReport", Key("33.06", 1))));
        Assert.Equal(["INVALID_STATE input"], Writes.ErrorsOf(await factory.ReportStepAsync("rejectReport", new { regionCode = "33.06", year = Year, quarter = 1, reason = "x" })));
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task Steps_on_missing_reports_and_periods_are_refused()
    {
        var before = await factory.CountsAsync();

        Assert.Equal(["EMPTY_REPORT input"], Writes.ErrorsOf(await factory.ReportStepAsync("submitReport", Key("33.07", 2))));
        Assert.Equal(["UNKNOWN_REPORT input"], Writes.ErrorsOf(await factory.ReportStepAsync("verifyReport", Key("33.07", 2))));
        Assert.Equal(["UNKNOWN_PERIOD input.quarter"], Writes.ErrorsOf(await factory.ReportStepAsync("submitReport", new { regionCode = "33.07", year = 2098, quarter = 1 })));
        Assert.Equal(["UNKNOWN_REGION input.regionCode"], Writes.ErrorsOf(await factory.ReportStepAsync("submitReport", new { regionCode = "00.00", year = Year, quarter = 1 })));
        Assert.Equal(["INVALID_QUARTER input.quarter"], Writes.ErrorsOf(await factory.ReportStepAsync("submitReport", new { regionCode = "33.07", year = Year, quarter = 9 })));
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task Every_step_is_in_the_reports_history()
    {
        await RecordTwoRowsAsync("33.08", quarter: 2);
        foreach (var step in new[] { "submitReport", "reopenReport", "submitReport", "verifyReport" })
        {
            Writes.AssertSucceeded(await factory.ReportStepAsync(step, Key("33.08", 2)));
        }

        var data = await factory.ReadAsync(
            """{ reports(where: { region: { code: { eq: "33.08" } }, year: { eq: 2031 } }) { nodes { version history { action changes { field newValue } } } } }""");

        var report = Assert.Single(data["reports"]!["nodes"]!.AsArray())!;
        // Created, bumped by its second row, then one version per step.
        Assert.Equal(6, (int)report["version"]!);
        var statuses = report["history"]!.AsArray()
            .Select(h => h!["changes"]!.AsArray().Single(c => (string)c!["field"]! == "status")!["newValue"]!.GetValue<string>());
        Assert.Equal(["VERIFIED", "SUBMITTED", "DRAFT", "SUBMITTED", "DRAFT"], statuses);
    }

    private static object Key(string region, int quarter) => new { regionCode = region, year = Year, quarter };

    /// <summary>A workflow step as a given caller (ReportStepAsync picks the caller entitled to the step).</summary>
    private async Task<JsonObject> StepAsAsync(string credential, string step, object input)
    {
        var inputType = char.ToUpperInvariant(step[0]) + step[1..] + "Input";
        var data = await factory.ExecuteDataAsAsync(credential, $"mutation($input: {inputType}!) {{ {step}(input: $input) {{ report {{ status verifiedAt version }} {Writes.UserErrors} }} }}", new { input });
        return data[step]!.AsObject();
    }

    private async Task RecordTwoRowsAsync(string region, int quarter)
    {
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row(region, Year, quarter, served: 400)));
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row(region, Year, quarter, served: 70, indicator: "KES.KK.02", target: 100)));
    }

    private async Task<JsonArray> RowsAsync(string region, int quarter)
    {
        var data = await factory.ReadAsync(
            "query($region: String!, $year: Int!, $quarter: Int!) { achievements(where: { region: { code: { eq: $region } }, year: { eq: $year }, quarter: { eq: $quarter } }) { nodes { status submittedAt verifiedAt onTime } } }",
            new { region, year = Year, quarter });
        return data["achievements"]!["nodes"]!.AsArray();
    }

    private static string Pick(JsonNode node, params string[] fields) =>
        new JsonObject(fields.Select(f => KeyValuePair.Create(f, node[f]?.DeepClone()))).ToJsonString();
}
