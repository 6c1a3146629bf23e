using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Stats;

/// <summary>The achievement rollups after writes, on the write host (in 2044, a year no other test writes).</summary>
[Collection(WriteHostGroup.Name)]
public sealed class RollupWriteTests(SpmGraphFactory factory)
{
    private const string Stats = """{ achievementStats(where: { year: { eq: 2044 }, quarter: { eq: 1 }, region: { code: { eq: "19.71" } } }, groupBy: [SECTOR], order: [{ sector: ASC }]) { nodes { key { sector } count target served achievementRate completeCount } } }""";

    [Fact]
    public async Task A_write_is_in_the_next_rolled_up_read()
    {
        await factory.PeriodsAsync(2044);
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("19.71", 2044, 1, served: 400, indicator: "KES.KK.01", target: 1_000)));
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("19.71", 2044, 1, served: 500, indicator: "KES.KK.02", target: 500)));
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("19.71", 2044, 1, served: 50, indicator: "DIK.KK.01", target: 200)));

        factory.Sql.Reset();
        var first = await factory.ReadAsync(Stats);
        Assert.Contains(factory.Sql.Commands, c => c.Contains("\"AchievementRollups\"", StringComparison.Ordinal));
        Assert.Equal(
            """[{"key":{"sector":"EDUCATION"},"count":1,"target":200,"served":50,"achievementRate":25,"completeCount":0},{"key":{"sector":"HEALTH"},"count":2,"target":1500,"served":900,"achievementRate":60,"completeCount":1}]""",
            first["achievementStats"]!["nodes"]!.ToJsonString());

        // A changed row and the report's submission: the drafts become public.
        Writes.AssertSucceeded(await factory.RecordAsync(Writes.Row("19.71", 2044, 1, served: 1_000, indicator: "KES.KK.01", target: 1_000)));
        Assert.Empty((await factory.ExecuteDataAsync(Stats))["achievementStats"]!["nodes"]!.AsArray());
        Writes.AssertSucceeded(await factory.ReportStepAsync("submitReport", new { regionCode = "19.71", year = 2044, quarter = 1 }));

        var health = (await factory.ExecuteDataAsync(Stats))["achievementStats"]!["nodes"]![1]!;
        Assert.Equal("""{"key":{"sector":"HEALTH"},"count":2,"target":1500,"served":1500,"achievementRate":100,"completeCount":2}""", health.ToJsonString());
        await AssertRollupsAreTheSumsOfTheRowsAsync();
    }

    [Fact]
    public async Task The_rollups_are_the_sums_of_the_rows_after_whatever_was_written()
    {
        await AssertRollupsAreTheSumsOfTheRowsAsync();
    }

    [Fact]
    public async Task A_database_with_achievements_but_no_rollups_gets_them_built_once()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var before = await db.Set<AchievementRollup>().CountAsync();
        await db.Set<AchievementRollup>().ExecuteDeleteAsync();

        Assert.True(await AchievementRollups.EnsureBuiltAsync(db, default));
        Assert.False(await AchievementRollups.EnsureBuiltAsync(db, default));
        Assert.Equal(before, await db.Set<AchievementRollup>().CountAsync());
        await AssertRollupsAreTheSumsOfTheRowsAsync();
    }

    /// <summary>Every rollup row against the same sums computed here from every achievement row.</summary>
    private async Task AssertRollupsAreTheSumsOfTheRowsAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var rows = await db.Achievements.AsNoTracking()
            .Select(a => new { a.RegionId, a.Year, a.Quarter, a.Status, a.Indicator!.Sector, a.Target, a.Served, a.QualityRate, a.BudgetRealized })
            .ToListAsync();
        var rollups = await db.Set<AchievementRollup>().AsNoTracking().ToListAsync();
        var expected = rows.GroupBy(r => (r.RegionId, r.Year, r.Quarter, r.Status, Sector: (SectorCode?)null))
            .Concat(rows.GroupBy(r => (r.RegionId, r.Year, r.Quarter, r.Status, Sector: (SectorCode?)r.Sector)))
            .ToDictionary(g => g.Key, g => g.ToList());
        var tolerance = new Tolerance();

        Assert.Equal(expected.Count, rollups.Count);
        foreach (var rollup in rollups)
        {
            Assert.Equal(rollup.Sector is not null, rollup.BySector);
            var group = expected[(rollup.RegionId, rollup.Year, rollup.Quarter, rollup.Status, rollup.Sector)];
            var rates = group.Where(r => r.Target > 0).Select(r => r.Served * 100.0 / r.Target).ToList();
            var indexed = group.Where(r => r.Target > 0 && r.QualityRate is not null).ToList();
            Assert.Equal(group.Count, rollup.RowCount);
            Assert.Equal(group.Sum(r => r.Target), rollup.Target);
            Assert.Equal(group.Sum(r => r.Served), rollup.Served);
            Assert.Equal(group.Sum(r => r.BudgetRealized), rollup.BudgetRealized);
            Assert.Equal(rates.Count, rollup.RatedCount);
            Assert.Equal(rates.Sum(), rollup.RateSum, tolerance);
            Assert.Equal(rates.Count == 0 ? null : rates.Min(), rollup.MinRate, tolerance);
            Assert.Equal(rates.Count == 0 ? null : rates.Max(), rollup.MaxRate, tolerance);
            Assert.Equal(group.Count(r => r.Target > 0 && r.Served >= r.Target), rollup.CompleteCount);
            Assert.Equal(group.Count(r => r.QualityRate is not null), rollup.QualityCount);
            Assert.Equal(group.Sum(r => r.QualityRate ?? 0), rollup.QualitySum, tolerance);
            Assert.Equal(indexed.Count, rollup.IndexedCount);
            Assert.Equal(indexed.Sum(r => r.Served * 100.0 / r.Target), rollup.IndexedRateSum, tolerance);
            Assert.Equal(indexed.Sum(r => Math.Min(r.Served * 100.0 / r.Target, 100)), rollup.IndexedCappedRateSum, tolerance);
            Assert.Equal(indexed.Sum(r => r.QualityRate!.Value), rollup.IndexedQualitySum, tolerance);
        }
    }
}
