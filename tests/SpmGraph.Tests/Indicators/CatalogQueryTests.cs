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

    [Fact]
    public async Task Each_sector_pages_its_own_indicators_in_one_batch()
    {
        factory.Sql.Reset();
        var data = await factory.ExecuteDataAsync(
            "{ sectors { code indicatorCount indicators(first: 50, order: [{ code: DESC }]) { totalCount nodes { code sector } } } }");

        Assert.Single(factory.Sql.Commands, c => c.Contains("\"Indicators\"", StringComparison.Ordinal) && c.Contains("ROW_NUMBER", StringComparison.Ordinal));
        foreach (var sector in data["sectors"]!.AsArray())
        {
            var nodes = sector!["indicators"]!["nodes"]!.AsArray();
            var codes = nodes.Select(n => (string)n!["code"]!).ToList();
            Assert.Equal((int)sector["indicatorCount"]!, (int)sector["indicators"]!["totalCount"]!);
            Assert.Equal(codes.Count, (int)sector["indicatorCount"]!);
            Assert.All(nodes, n => Assert.Equal((string?)sector["code"], (string?)n!["sector"]));
            Assert.Equal(codes.OrderByDescending(c => c, StringComparer.Ordinal), codes);
        }
    }
}
