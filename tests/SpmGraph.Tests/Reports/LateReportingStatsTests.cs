using System.Text.Json.Nodes;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Reports;

[Collection(WriteHostGroup.Name)]
public sealed class LateReportingStatsTests(SpmGraphFactory factory)
{
    private const int Year = 2042;

    [Fact]
    public async Task A_late_submission_shows_on_time_false_and_lowers_its_provinces_on_time_rate()
    {
        // The window is open; three kab/kota submit in time, then it closes and a fourth submits late.
        await factory.PeriodAsync(Year, 1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        foreach (var region in new[] { "62.01", "62.02", "61.01", "61.02" })
        {
            Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row(region, Year, 1, served: 10)));
        }

        var lastInTime = DateTime.MinValue;
        foreach (var region in new[] { "62.01", "62.02", "61.01" })
        {
            var submitted = await factory.ReportStepAsync("submitReport", Key(region));
            Writes.AssertSucceeded(submitted);
            Assert.True((bool)submitted["report"]!["onTime"]!);
            lastInTime = Max(lastInTime, (DateTime)submitted["report"]!["submittedAt"]!);
        }

        await factory.PeriodAsync(Year, 1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), lastInTime.AddMilliseconds(1));
        var late = await factory.ReportStepAsync("submitReport", Key("61.02"));

        Writes.AssertSucceeded(late);
        Assert.False((bool)late["report"]!["onTime"]!);
        var stats = (await factory.ReadAsync(
                $$"""{ reportingStats(where: { year: { eq: {{Year}} }, quarter: { eq: 1 } }, groupBy: [PROVINCE]) { nodes { key { province { code } } reportCount reportedCount onTimeCount lateCount onTimeRate } } }"""))
            ["reportingStats"]!["nodes"]!.AsArray().ToDictionary(n => (string)n!["key"]!["province"]!["code"]!);
        Assert.Equal(100.0, (double)stats["62"]!["onTimeRate"]!);
        Assert.Equal(50.0, (double)stats["61"]!["onTimeRate"]!);
        Assert.Equal(1, (int)stats["61"]!["lateCount"]!);
        Assert.Equal(2, (int)stats["61"]!["reportedCount"]!);
    }

    private static JsonObject Key(string region) => new() { ["regionCode"] = region, ["year"] = Year, ["quarter"] = 1 };

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
