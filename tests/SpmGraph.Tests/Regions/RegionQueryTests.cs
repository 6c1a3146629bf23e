using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Regions;

[Collection(ServerFixtureGroup.Name)]
public sealed class RegionQueryTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Kota_Pangkal_Pinang_has_Bangka_Belitung_as_parent()
    {
        var data = await factory.ExecuteDataAsync("""{ region(code: "19.71") { name parent { name } } }""");

        Assert.Equal("Kota Pangkal Pinang", (string?)data["region"]!["name"]);
        Assert.Equal("Kepulauan Bangka Belitung", (string?)data["region"]!["parent"]!["name"]);
    }

    [Fact]
    public async Task Unknown_region_code_is_null_not_an_error()
    {
        var body = await factory.ExecuteAsync("""{ region(code: "99.99") { name } }""");

        Assert.Null(body["errors"]);
        Assert.Null(body["data"]!["region"]);
    }

    [Fact]
    public async Task Region_counts_match_the_official_numbers()
    {
        var data = await factory.ExecuteDataAsync("{ regions(first: 0) { totalCount } }");
        Assert.Equal(552, (int)data["regions"]!["totalCount"]!);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var byKind = await db.Regions.GroupBy(r => r.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(38, byKind[RegionKind.Province]);
        Assert.Equal(416, byKind[RegionKind.Regency]);
        Assert.Equal(98, byKind[RegionKind.City]);

        // Every kabupaten/kota hangs under a province, and the provinces' children add up to 514.
        var provinces = await factory.ExecuteDataAsync(
            string.Join(" ", (await db.Regions.Where(r => r.Kind == RegionKind.Province).Select(r => r.Code).ToListAsync())
                .Select(c => $"p{c.Replace(".", "_", StringComparison.Ordinal)}: region(code: \"{c}\") {{ children(first: 0) {{ totalCount }} }}"))
                .Insert(0, "{ ") + " }");
        Assert.Equal(514, provinces.Select(p => (int)p.Value!["children"]!["totalCount"]!).Sum());
    }
}
