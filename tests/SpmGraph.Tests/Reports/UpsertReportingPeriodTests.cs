using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Reports;

/// <summary>upsertReportingPeriod on the write host, in 2037.</summary>
[Collection(WriteHostGroup.Name)]
public sealed class UpsertReportingPeriodTests(SpmGraphFactory factory)
{
    private const int Year = 2037;
    private const string Selection = "reportingPeriod { year quarter opensAt closesAt version }";

    [Fact]
    public async Task A_new_window_is_created_and_moving_its_deadline_re_times_the_reports()
    {
        var opens = new DateTime(2037, 3, 31, 17, 0, 0, DateTimeKind.Utc);
        var created = await factory.MutateAsync("upsertReportingPeriod", "UpsertReportingPeriodInput", new { year = Year, quarter = 1, opensAt = opens, closesAt = opens.AddDays(19) }, Selection);
        Snap.Match(created);
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("51.01", Year, 1, served: 10)));
        var submitted = await factory.ReportStepAsync("submitReport", new { regionCode = "51.01", year = Year, quarter = 1 });
        Assert.True((bool)submitted["report"]!["onTime"]!);

        // Kemendagri moves the deadline to before the submission: the report is now late.
        var moved = await factory.MutateAsync(
            "upsertReportingPeriod",
            "UpsertReportingPeriodInput",
            new { year = Year, quarter = 1, opensAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), closesAt = new DateTime(2020, 1, 20, 0, 0, 0, DateTimeKind.Utc), expectedVersion = 1 },
            Selection);
        Writes.AssertSucceeded(moved);
        Assert.Equal(2, (int)moved["reportingPeriod"]!["version"]!);
        var read = await factory.ReadAsync("""{ reports(where: { region: { code: { eq: "51.01" } }, year: { eq: 2037 } }) { nodes { onTime reportingPeriod { closesAt } } } }""");
        Assert.False((bool)read["reports"]!["nodes"]![0]!["onTime"]!);
    }

    [Fact]
    public async Task A_window_that_does_not_close_after_it_opens_or_a_stale_version_is_refused()
    {
        var opens = new DateTime(2037, 6, 30, 17, 0, 0, DateTimeKind.Utc);
        var before = await factory.CountsAsync();

        var backwards = await factory.MutateAsync("upsertReportingPeriod", "UpsertReportingPeriodInput", new { year = Year, quarter = 2, opensAt = opens, closesAt = opens }, Selection);
        var badQuarter = await factory.MutateAsync("upsertReportingPeriod", "UpsertReportingPeriodInput", new { year = Year, quarter = 0, opensAt = opens, closesAt = opens.AddDays(1) }, Selection);
        var notNew = await factory.MutateAsync("upsertReportingPeriod", "UpsertReportingPeriodInput", new { year = 2024, quarter = 1, opensAt = opens, closesAt = opens.AddDays(1), expectedVersion = 0 }, Selection);

        Assert.Equal(["INVALID_WINDOW input.closesAt"], Writes.ErrorsOf(backwards));
        Assert.Equal(["INVALID_QUARTER input.quarter"], Writes.ErrorsOf(badQuarter));
        Assert.Equal(["CONFLICT input.expectedVersion"], Writes.ErrorsOf(notNew));
        Assert.Equal(before, await factory.CountsAsync());
    }
}
