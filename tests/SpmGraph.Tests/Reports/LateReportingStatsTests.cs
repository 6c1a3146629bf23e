using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
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
        // Every region of the province owes a report, so the rate is over all of them, not the four that wrote one.
        var owed62 = (int)stats["62"]!["reportCount"]!;
        var owed61 = (int)stats["61"]!["reportCount"]!;
        Assert.Equal(await RegionsOfAsync("62"), owed62);
        Assert.Equal(await RegionsOfAsync("61"), owed61);
        Assert.Equal(2, (int)stats["62"]!["onTimeCount"]!);
        Assert.Equal(2 * 100.0 / owed62, (double)stats["62"]!["onTimeRate"]!, 9);
        Assert.Equal(1 * 100.0 / owed61, (double)stats["61"]!["onTimeRate"]!, 9);
        Assert.Equal(1, (int)stats["61"]!["lateCount"]!);
        Assert.Equal(2, (int)stats["61"]!["reportedCount"]!);
    }

    [Fact]
    public async Task A_period_nobody_reported_on_shows_every_province_with_nothing_reported()
    {
        await factory.PeriodAsync(2043, 1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        const string query = "{ reportingStats(where: { year: { eq: 2043 }, quarter: { eq: 1 } }, groupBy: [PROVINCE]) { nodes { key { province { code } } regionCount reportedCount notReportedCount onTimeRate } } }";

        foreach (var data in new[] { await factory.ReadAsync(query), await factory.ExecuteDataAsync(query) })
        {
            var nodes = data["reportingStats"]!["nodes"]!.AsArray();
            Assert.Equal(38, nodes.Count);
            Assert.All(nodes, n => Assert.Equal(0, (int)n!["reportedCount"]!));
            Assert.All(nodes, n => Assert.Equal(0.0, (double)n!["onTimeRate"]!));
            Assert.All(nodes, n => Assert.Equal((int)n!["regionCount"]!, (int)n["notReportedCount"]!));
            Assert.Equal(552, nodes.Sum(n => (int)n!["regionCount"]!));
        }
    }

    private async Task<int> RegionsOfAsync(string province)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        return await db.Regions.CountAsync(r => r.Code == province || r.Parent!.Code == province);
    }

    private static JsonObject Key(string region) => new() { ["regionCode"] = region, ["year"] = Year, ["quarter"] = 1 };

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
