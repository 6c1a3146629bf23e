using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Regions;

/// <summary>The regions, indicators and OPDs' bidang that rows link to come from memory, read once per data version.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class ReferenceRowsTests(SpmGraphFactory factory)
{
    private const string Linked = """
        { region(code: "19.71") { name opds(first: 20) { nodes { sectors } } }
          plans(first: 20, where: { year: { eq: 2024 } }) { nodes { region { code name parent { code } } indicator { code sector } opd { sectors } } } }
        """;

    [Fact]
    public async Task Linked_regions_indicators_and_bidang_take_no_statement_once_read()
    {
        await factory.ExecuteDataAsync(Linked);

        factory.Sql.Reset();
        var data = await factory.ExecuteDataAsync(Linked);

        Assert.All(data["plans"]!["nodes"]!.AsArray(), n => Assert.NotNull((string?)n!["region"]!["code"]));
        Assert.Contains(data["region"]!["opds"]!["nodes"]!.AsArray(), n => n!["sectors"]!.AsArray().Count > 0);
        Assert.DoesNotContain(factory.Sql.Commands, c => c.Contains("\"Code\" = @code", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Sql.Commands, c => c.Contains("FROM \"Indicators\"", StringComparison.Ordinal) || c.Contains("FROM \"OpdSectors\"", StringComparison.Ordinal));
    }
}

/// <summary>The same, on the write host: a change behind the API is seen once the data version moves.</summary>
[Collection(WriteHostGroup.Name)]
public sealed class ReferenceRowsVersionTests(SpmGraphFactory factory)
{
    private const string Card = """{ region(code: "19.71") { name } plans(first: 1, where: { region: { code: { eq: "19.71" } } }) { nodes { region { name } } } }""";

    [Fact]
    public async Task A_region_changed_behind_the_api_is_seen_after_the_next_version_bump()
    {
        var before = await factory.ExecuteDataAsync(Card);
        var name = (string)before["region"]!["name"]!;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        try
        {
            await db.Regions.Where(r => r.Code == "19.71").ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "Kota Uji"));
            await DataVersionStore.BumpAsync(db, default);

            var after = await factory.ExecuteDataAsync(Card);

            Assert.Equal("Kota Uji", (string?)after["region"]!["name"]);
            Assert.Equal("Kota Uji", (string?)after["plans"]!["nodes"]![0]!["region"]!["name"]);
        }
        finally
        {
            await db.Regions.Where(r => r.Code == "19.71").ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, name));
            await DataVersionStore.BumpAsync(db, default);
        }

        Assert.Equal(name, (string?)(await factory.ExecuteDataAsync(Card))["plans"]!["nodes"]![0]!["region"]!["name"]);
    }

    [Fact]
    public async Task A_bidang_taken_from_an_opd_behind_the_api_is_seen_after_the_next_version_bump()
    {
        const string Opds = """{ region(code: "19.71") { opds(first: 1) { nodes { sectors } } } }""";
        static JsonArray Sectors(JsonNode data) => data["region"]!["opds"]!["nodes"]![0]!["sectors"]!.AsArray();
        var before = Sectors(await factory.ExecuteDataAsync(Opds));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var opd = await db.Opds.Where(o => o.Region!.Code == "19.71").OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var taken = await db.OpdSectors.AsNoTracking().Where(s => s.OpdId == opd).OrderBy(s => s.Sector).FirstAsync();
        try
        {
            await db.OpdSectors.Where(s => s.OpdId == opd && s.Sector == taken.Sector).ExecuteDeleteAsync();
            await DataVersionStore.BumpAsync(db, default);

            var after = Sectors(await factory.ExecuteDataAsync(Opds));

            Assert.Equal(before.Count - 1, after.Count);
            Assert.All(after, s => Assert.Contains(before, b => (string?)b == (string?)s));
        }
        finally
        {
            db.OpdSectors.Add(taken);
            await db.SaveChangesAsync();
            await DataVersionStore.BumpAsync(db, default);
        }

        Assert.Equal(before.ToJsonString(), Sectors(await factory.ExecuteDataAsync(Opds)).ToJsonString());
    }
}
