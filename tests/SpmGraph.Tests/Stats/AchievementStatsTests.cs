using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Stats;

/// <summary>Every achievement measure checked against the same figures computed here over the raw rows.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class AchievementStatsTests(SpmGraphFactory factory)
{
    // Measures are checked over every row, so these read as NATIONAL (scopes have their own tests).
    private string National => factory.TokenFor(AccessRole.National);

    private const string Measures = "count regionCount target served servedInQuarter budgetRealized achievementRate meanRegionRate minRate maxRate completeCount qualityRate spmIndex band";

    /// <summary>A `where` and the same selection as a predicate over the raw rows.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "PROVINCE", "{ year: { eq: 2024 }, quarter: { eq: 4 } }", "2024-Q4" },
        { "SECTOR QUARTER", "{ year: { eq: 2023 }, region: { parent: { code: { eq: \"16\" } } } }", "2023-kabkota-16" },
        { "REGION_KIND YEAR", "{ indicator: { code: { startsWith: \"KES\" } }, region: { code: { startsWith: \"75\" } } }", "health-75" },
        { "INDICATOR OPD", "{ region: { code: { eq: \"19.71\" } }, year: { eq: 2025 } }", "19.71-2025" },
        { "REGION INDICATOR", "{ target: { eq: 0 } }", "target-0" },
        { "REGION", "{ qualityRate: { eq: null }, year: { eq: 2024 } }", "no-quality-2024" },
        { "", "{ region: { code: { eq: \"19.71\" } }, indicator: { code: { eq: \"KES.KK.01\" } }, year: { eq: 2024 }, quarter: { eq: 2 } }", "one-row" },
        { "", "{ year: { gte: 2023 } }", "all" },
    };

    private static readonly Dictionary<string, Func<RawAchievement, bool>> Selections = new()
    {
        ["2024-Q4"] = r => r.Year == 2024 && r.Quarter == 4,
        ["2023-kabkota-16"] = r => r.Year == 2023 && r.ParentCode == "16",
        ["health-75"] = r => r.IndicatorCode.StartsWith("KES", StringComparison.Ordinal) && r.RegionCode.StartsWith("75", StringComparison.Ordinal),
        ["19.71-2025"] = r => r.RegionCode == "19.71" && r.Year == 2025,
        ["target-0"] = r => r.Target == 0,
        ["no-quality-2024"] = r => r.QualityRate is null && r.Year == 2024,
        ["one-row"] = r => r.RegionCode == "19.71" && r.IndicatorCode == "KES.KK.01" && r.Year == 2024 && r.Quarter == 2,
        ["all"] = r => r.Year >= 2023,
        ["2024-Q4-health"] = r => r.Year == 2024 && r.Quarter == 4 && r.Sector == SectorCode.Health,
        ["2024-Q4-kabkota-16"] = r => r.Year == 2024 && r.Quarter == 4 && r.ParentCode == "16",
        ["2024-Q4-16"] = r => r.Year == 2024 && r.Quarter == 4 && r.RegionCode == "16",
        ["2024-Q4-kabkota-19"] = r => r.Year == 2024 && r.Quarter == 4 && r.ParentCode == "19",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Measures_equal_an_independent_computation_over_the_raw_rows(string groupBy, string where, string selection)
    {
        var dimensions = groupBy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var data = await factory.ExecuteDataAsAsync(National,
            $$"""
            {
              achievementStats(where: {{where}}, groupBy: [{{string.Join(", ", dimensions)}}], first: 100) {
                totalCount
                nodes { key { region { code } province { code } regionKind sector indicator { code } year quarter opd { name } } {{Measures}} }
              }
            }
            """);

        var rows = await RawRowsAsync(selection);
        var expected = rows.GroupBy(r => KeyOf(r, dimensions)).ToDictionary(g => g.Key, g => g.ToList());
        var nodes = data["achievementStats"]!["nodes"]!.AsArray();

        Assert.NotEmpty(rows);
        Assert.Equal(expected.Count, (int)data["achievementStats"]!["totalCount"]!);
        Assert.Equal(Math.Min(expected.Count, 100), nodes.Count);
        foreach (var node in nodes)
        {
            var group = expected[KeyOf(node!["key"]!, dimensions)];
            AssertMeasures(group, node, recipientWeight: 0.8, qualityWeight: 0.2);
        }
    }

    [Fact]
    public async Task A_year_with_no_data_has_no_groups_and_one_empty_ungrouped_group()
    {
        var data = await factory.ExecuteDataAsAsync(National,
            "{ achievementStats(where: { year: { eq: 1999 } }, groupBy: [PROVINCE]) { totalCount nodes { count } } none: achievementStats(where: { year: { eq: 1999 } }) { totalCount nodes { count } } }");

        Assert.Equal(0, (int)data["achievementStats"]!["totalCount"]!);
        Assert.Empty(data["achievementStats"]!["nodes"]!.AsArray());

        // Without groupBy there is always one group over what `where` selects, here nothing.
        Assert.Equal(1, (int)data["none"]!["totalCount"]!);
        Assert.Equal(0, (int)Assert.Single(data["none"]!["nodes"]!.AsArray())!["count"]!);
    }

    [Fact]
    public async Task Having_and_order_on_measures_match_the_in_memory_groups()
    {
        var data = await factory.ExecuteDataAsAsync(National,
            """
            {
              achievementStats(
                where: { year: { eq: 2024 }, quarter: { eq: 4 }, indicator: { sector: { eq: HEALTH } } }
                groupBy: [REGION, INDICATOR]
                having: { achievementRate: { lt: 60 }, count: { gte: 1 } }
                order: [{ achievementRate: ASC }]
                first: 100
              ) { totalCount nodes { key { region { code } indicator { code } } achievementRate } }
            }
            """);

        var rows = await RawRowsAsync("2024-Q4-health");
        var expected = rows.GroupBy(r => (r.RegionCode, r.IndicatorCode))
            .Select(g => (g.Key, Rate: g.Sum(r => r.Target) == 0 ? (double?)null : g.Sum(r => r.Served) * 100.0 / g.Sum(r => r.Target)))
            .Where(g => g.Rate < 60)
            .OrderBy(g => g.Rate).ThenBy(g => g.Key.RegionCode, StringComparer.Ordinal).ThenBy(g => g.Key.IndicatorCode, StringComparer.Ordinal)
            .ToList();
        var nodes = data["achievementStats"]!["nodes"]!.AsArray();

        Assert.Equal(expected.Count, (int)data["achievementStats"]!["totalCount"]!);
        Assert.Equal(
            expected.Take(100).Select(g => g.Rate!.Value),
            nodes.Select(n => (double)n!["achievementRate"]!),
            new Tolerance());
        Assert.All(nodes, n => Assert.True((double)n!["achievementRate"]! < 60));
    }

    [Fact]
    public async Task Province_rollup_sums_its_kab_kota_targets()
    {
        var data = await factory.ExecuteDataAsAsync(National,
            """
            {
              region(code: "16") {
                achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 } }) { nodes { count regionCount target served achievementRate } }
                withSelf: achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 } }, includeSelf: true) { nodes { count regionCount target } }
              }
              achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 }, region: { parent: { code: { eq: "16" } } } }) { nodes { count regionCount target served achievementRate } }
            }
            """);

        var kabKota = await RawRowsAsync("2024-Q4-kabkota-16");
        var province = await RawRowsAsync("2024-Q4-16");
        var nested = data["region"]!["achievementStats"]!["nodes"]![0]!;

        Assert.Equal(kabKota.Sum(r => r.Target), (long)nested["target"]!);
        Assert.Equal(17, (int)nested["regionCount"]!);
        Assert.True(JsonNode.DeepEquals(nested, data["achievementStats"]!["nodes"]![0]));
        Assert.Equal(kabKota.Sum(r => r.Target) + province.Sum(r => r.Target), (long)data["region"]!["withSelf"]!["nodes"]![0]!["target"]!);
        Assert.Equal(18, (int)data["region"]!["withSelf"]!["nodes"]![0]!["regionCount"]!);
    }

    [Fact]
    public async Task Another_scheme_computes_the_index_with_its_weights_and_says_so()
    {
        var scheme = TestScheme("TEST_EQUAL", 0.5, 0.5, cap: true, (75, "HIGH"), (0, "LOW"));
        await WithSchemeAsync(factory, scheme, async () =>
        {
            const string where = "{ year: { eq: 2024 }, quarter: { eq: 4 }, region: { parent: { code: { eq: \"19\" } } } }";
            var data = await factory.ExecuteDataAsAsync(National,
                $$"""{ achievementStats(where: {{where}}, groupBy: [SECTOR], scheme: "TEST_EQUAL") { nodes { key { sector } {{Measures}} scheme { code recipientWeight } } } }""");
            var rows = await RawRowsAsync("2024-Q4-kabkota-19");

            foreach (var node in data["achievementStats"]!["nodes"]!.AsArray())
            {
                var group = rows.Where(r => r.Sector == Enum.Parse<SectorCode>(((string)node!["key"]!["sector"]!).Replace("_", "", StringComparison.Ordinal), true)).ToList();
                AssertMeasures(group, node!, recipientWeight: 0.5, qualityWeight: 0.5, bands: [(75, "HIGH"), (0, "LOW")]);
                Assert.Equal("TEST_EQUAL", (string?)node!["scheme"]!["code"]);
            }
        });
    }

    /// <summary>An inactive scheme of the tests' own, with two bands or more.</summary>
    internal static ScoringScheme TestScheme(string code, double recipientWeight, double qualityWeight, bool cap, params (double Lower, string Code)[] bands) => new()
    {
        Code = code,
        Name = code + " (test)",
        Version = 1,
        RecipientWeight = recipientWeight,
        QualityWeight = qualityWeight,
        CapRecipientRate = cap,
        IsActive = false,
        Source = "test",
        Bands = [.. bands.Select(b => new ScoringBand { Code = b.Code, Label = b.Code, LowerBound = b.Lower })],
    };

    /// <summary>Runs <paramref name="test"/> with <paramref name="scheme"/> written behind the API, then removes it.</summary>
    internal static async Task WithSchemeAsync(SpmGraphFactory factory, ScoringScheme scheme, Func<Task> test)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        db.ScoringSchemes.Add(scheme);
        await db.SaveChangesAsync();
        await DataVersionStore.BumpAsync(db, default); // written behind the API: the caches must hear of it
        try
        {
            await test();
        }
        finally
        {
            db.ScoringSchemes.Remove(scheme);
            await db.SaveChangesAsync();
            await DataVersionStore.BumpAsync(db, default);
        }
    }

    [Theory]
    [InlineData("{ achievementStats(scheme: \"NOPE\") { nodes { spmIndex } } }", "UNKNOWN_SCHEME")]
    [InlineData("{ achievementStats(groupBy: [PLANET]) { nodes { count } } }", null)]
    [InlineData("{ achievementStats(having: { band: { eq: \"X\" } }) { nodes { count } } }", null)]
    [InlineData("{ planStats(groupBy: [QUARTER]) { nodes { count } } }", null)]
    public async Task Unknown_dimensions_schemes_and_unfilterable_measures_are_clear_errors(string query, string? code)
    {
        var body = await factory.ExecuteAsAsync(National, query);

        var error = Assert.Single(body["errors"]!.AsArray());
        if (code is not null)
        {
            Assert.Equal(code, (string?)error!["extensions"]!["code"]);
        }
        else
        {
            // A validation error: the document never ran.
            Assert.StartsWith("5.", (string?)error!["extensions"]!["number"]);
        }
    }

    [Fact]
    public async Task A_stats_query_is_one_group_by_statement()
    {
        factory.Sql.Reset();
        await factory.ExecuteDataAsAsync(National,
            "{ achievementStats(where: { year: { eq: 2024 } }, groupBy: [YEAR, QUARTER], order: [{ quarter: ASC }]) { nodes { key { year quarter } target served achievementRate spmIndex band } } }");

        // Whole quarters: the statement reads the rollups of the achievements.
        var statements = factory.Sql.Commands.Where(c => c.Contains("\"Achievements\"", StringComparison.Ordinal) || c.Contains("\"AchievementRollups\"", StringComparison.Ordinal)).ToList();
        var statement = Assert.Single(statements);
        Assert.Contains("GROUP BY", statement, StringComparison.Ordinal);
        // Only the asked-for measures are computed.
        Assert.DoesNotContain("COUNT(DISTINCT", statement, StringComparison.Ordinal);
    }

    internal static void AssertMeasures(List<RawAchievement> group, JsonNode node, double recipientWeight, double qualityWeight, (double Lower, string Code)[]? bands = null)
    {
        bands ??= [(100, "TUNTAS_PARIPURNA"), (90, "TUNTAS_UTAMA"), (80, "TUNTAS_MADYA"), (70, "TUNTAS_PRATAMA"), (60, "TUNTAS_MUDA"), (0, "BELUM_TUNTAS")];
        var tolerance = new Tolerance();

        // served is cumulative within a year: measures on target or served read each series' latest quarter in the group.
        var latest = group.GroupBy(r => (r.RegionCode, r.IndicatorCode, r.Year)).Select(s => s.MaxBy(r => r.Quarter)!).ToList();
        var rated = latest.Where(r => r.Target > 0).Select(r => r.Served * 100.0 / r.Target).ToList();
        var indices = latest.Where(r => r.Target > 0 && r.QualityRate is not null)
            .Select(r => (recipientWeight * Math.Min(r.Served * 100.0 / r.Target, 100)) + (qualityWeight * r.QualityRate!.Value)).ToList();
        var qualities = group.Where(r => r.QualityRate is not null).Select(r => r.QualityRate!.Value).ToList();
        var target = latest.Sum(r => r.Target);
        double? index = indices.Count == 0 ? null : indices.Average();

        Assert.Equal(group.Count, (int)node["count"]!);
        Assert.Equal(group.Select(r => r.RegionCode).Distinct().Count(), (int)node["regionCount"]!);
        Assert.Equal(target, (long)node["target"]!);
        Assert.Equal(latest.Sum(r => r.Served), (long)node["served"]!);
        Assert.Equal(group.Sum(r => r.ServedInQuarter), (long)node["servedInQuarter"]!);
        Assert.Equal(group.Sum(r => r.BudgetRealized), (long)node["budgetRealized"]!);
        Assert.Equal(target == 0 ? null : latest.Sum(r => r.Served) * 100.0 / target, (double?)node["achievementRate"], tolerance);
        Assert.Equal(rated.Count == 0 ? null : rated.Average(), (double?)node["meanRegionRate"], tolerance);
        Assert.Equal(rated.Count == 0 ? null : rated.Min(), (double?)node["minRate"], tolerance);
        Assert.Equal(rated.Count == 0 ? null : rated.Max(), (double?)node["maxRate"], tolerance);
        Assert.Equal(latest.Count(r => r.Target > 0 && r.Served >= r.Target), (int)node["completeCount"]!);
        Assert.Equal(qualities.Count == 0 ? null : qualities.Average(), (double?)node["qualityRate"], tolerance);
        Assert.Equal(index, (double?)node["spmIndex"], tolerance);
        Assert.Equal(index is null ? null : bands.OrderByDescending(b => b.Lower).First(b => index >= b.Lower).Code, (string?)node["band"]);
    }

    /// <summary>All achievement rows read straight from the database (once), then selected here in memory.</summary>
    private async Task<List<RawAchievement>> RawRowsAsync(string selection)
    {
        var predicate = Selections[selection];
        return [.. (await AllRows.GetAsync(factory)).Where(predicate)];
    }

    private static string KeyOf(RawAchievement row, string[] dimensions) => string.Join("|", dimensions.Select(d => d switch
    {
        "REGION" => row.RegionCode,
        "PROVINCE" => row.ProvinceCode,
        "REGION_KIND" => row.Kind,
        "SECTOR" => row.Sector.ToString(),
        "INDICATOR" => row.IndicatorCode,
        "YEAR" => row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "QUARTER" => row.Quarter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "OPD" => row.OpdName ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(dimensions)),
    }));

    private static string KeyOf(JsonNode key, string[] dimensions) => string.Join("|", dimensions.Select(d => d switch
    {
        "REGION" => (string)key["region"]!["code"]!,
        "PROVINCE" => (string)key["province"]!["code"]!,
        "REGION_KIND" => (string)key["regionKind"]!,
        "SECTOR" => Enum.Parse<SectorCode>(((string)key["sector"]!).Replace("_", "", StringComparison.Ordinal), true).ToString(),
        "INDICATOR" => (string)key["indicator"]!["code"]!,
        "YEAR" => ((int)key["year"]!).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "QUARTER" => ((int)key["quarter"]!).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "OPD" => (string?)key["opd"]?["name"] ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(dimensions)),
    }));
}

public sealed record RawAchievement(string RegionCode, string? ParentCode, string Kind, SectorCode Sector, string IndicatorCode, string? OpdName, int Year, int Quarter, long Target, long Served, double? QualityRate, long BudgetRealized)
{
    /// <summary>Served minus the served of the latest earlier quarter of the series (set when all rows are loaded).</summary>
    public long ServedInQuarter { get; init; }

    public string ProvinceCode => ParentCode ?? RegionCode;
}

/// <summary>The seeded achievement rows, loaded once for the test run (the tests never write achievements).</summary>
internal static class AllRows
{
    private static Task<List<RawAchievement>>? _rows;

    public static Task<List<RawAchievement>> GetAsync(SpmGraphFactory factory) => _rows ??= LoadAsync(factory);

    private static async Task<List<RawAchievement>> LoadAsync(SpmGraphFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var rows = await db.Achievements.AsNoTracking()
            .Select(a => new { Region = a.Region!.Code, Parent = a.Region.Parent!.Code, a.Region.Kind, a.Indicator!.Sector, Indicator = a.Indicator.Code, Opd = a.Opd!.Name, a.Year, a.Quarter, a.Target, a.Served, a.QualityRate, a.BudgetRealized })
            .ToListAsync();
        var bySeries = rows.ToLookup(r => (r.Region, r.Indicator, r.Year));
        return [.. rows.Select(r => new RawAchievement(r.Region, r.Parent, r.Kind.ToString().ToUpperInvariant(), r.Sector, r.Indicator, r.Opd, r.Year, r.Quarter, r.Target, r.Served, r.QualityRate, r.BudgetRealized)
        {
            ServedInQuarter = r.Served - (bySeries[(r.Region, r.Indicator, r.Year)].Where(p => p.Quarter < r.Quarter).MaxBy(p => p.Quarter)?.Served ?? 0),
        })];
    }
}

/// <summary>Doubles equal up to summation-order rounding.</summary>
public sealed class Tolerance : IEqualityComparer<double?>, IEqualityComparer<double>
{
    public bool Equals(double? x, double? y) => x is null || y is null ? x is null && y is null : Equals(x.Value, y.Value);

    public bool Equals(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));

    public int GetHashCode(double? obj) => 0;

    public int GetHashCode(double obj) => 0;
}
