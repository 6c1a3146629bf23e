using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Achievements;

[Collection(ServerFixtureGroup.Name)]
public sealed class AchievementQueryTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Achievement_rows_answer_every_contract_field()
    {
        var data = await factory.ExecuteDataAsync(
            """
            {
              achievements(first: 5) {
                totalCount
                nodes {
                  id region { code } indicator { code sector } opd { name }
                  year quarter target served qualityRate budgetRealized
                  achievementRate spmIndex band scoringScheme { code version }
                  status submittedAt verifiedAt onTime
                }
              }
            }
            """);

        Snap.Match(data);
    }

    [Fact]
    public async Task Rate_index_and_band_follow_the_documented_default_scheme()
    {
        var data = await factory.ExecuteDataAsync(
            "{ achievements(first: 100) { nodes { target served qualityRate achievementRate spmIndex band } } }");

        foreach (var row in data["achievements"]!["nodes"]!.AsArray())
        {
            var target = (long)row!["target"]!;
            var served = (long)row["served"]!;
            var quality = (double?)row["qualityRate"];
            double? rate = target == 0 ? null : 100.0 * served / target;
            double? index = rate is null || quality is null ? null : (0.8 * Math.Min(rate.Value, 100)) + (0.2 * quality.Value);
            var band = index switch
            {
                null => null,
                >= 100 => "TUNTAS_PARIPURNA",
                >= 90 => "TUNTAS_UTAMA",
                >= 80 => "TUNTAS_MADYA",
                >= 70 => "TUNTAS_PRATAMA",
                >= 60 => "TUNTAS_MUDA",
                _ => "BELUM_TUNTAS",
            };

            Assert.Equal(rate, (double?)row["achievementRate"]);
            Assert.Equal(index, (double?)row["spmIndex"]);
            Assert.Equal(band, (string?)row["band"]);
        }
    }

    [Fact]
    public async Task Every_region_has_achievements_for_every_quarter_reported()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();

        var regionsWithout = await db.Regions.CountAsync(r => !db.Achievements.Any(a => a.RegionId == r.Id));
        var quartersPerRegion = await db.Achievements.GroupBy(a => a.RegionId)
            .Select(g => g.Select(a => a.Year * 10 + a.Quarter).Distinct().Count()).Distinct().ToListAsync();

        Assert.Equal(0, regionsWithout);
        Assert.Equal([12], quartersPerRegion);
    }

    [Fact]
    public async Task Served_never_decreases_through_the_quarters_of_a_year()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();

        // Rows whose served is below the same series' previous quarter.
        var decreasing = await db.Achievements.CountAsync(a => db.Achievements.Any(p =>
            p.RegionId == a.RegionId && p.IndicatorId == a.IndicatorId && p.Year == a.Year && p.Quarter == a.Quarter - 1 && p.Served > a.Served));

        Assert.Equal(0, decreasing);
    }
}
