using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Indicators;

[Collection(ServerFixtureGroup.Name)]
public sealed class CatalogQueryTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Catalog_has_six_bidang_and_the_29_plus_14_jenis_of_PP_2_2018()
    {
        var data = await factory.ExecuteDataAsync(
            """
            {
              sectors { code name indicatorCount }
              indicators(first: 50) { totalCount nodes { code name sector level recipient legalBasis unit } }
            }
            """);

        Assert.Equal(6, data["sectors"]!.AsArray().Count);
        Assert.Equal(43, data["sectors"]!.AsArray().Sum(s => (int)s!["indicatorCount"]!));
        Assert.Equal(43, (int)data["indicators"]!["totalCount"]!);
        var levels = data["indicators"]!["nodes"]!.AsArray().GroupBy(n => (string)n!["level"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(29, levels["REGENCY_CITY"]);
        Assert.Equal(14, levels["PROVINCE"]);

        // The per-sector counts agree with the rows themselves.
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        foreach (var sector in data["sectors"]!.AsArray())
        {
            var code = Enum.Parse<SectorCode>(((string)sector!["code"]!).Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
            Assert.Equal(await db.Indicators.CountAsync(i => i.Sector == code), (int)sector["indicatorCount"]!);
        }

        Snap.Match(data);
    }
}
