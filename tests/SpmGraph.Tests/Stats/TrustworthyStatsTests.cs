using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Stats;

/// <summary>What a dashboard relies on: complete group lists, year-to-date time, full denominators, comparisons and batched nesting.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class TrustworthyStatsTests(SpmGraphFactory factory)
{
    private string National => factory.TokenFor(AccessRole.National);

    [Fact]
    public async Task Contract_stats_without_first_return_every_group()
    {
        await using var db = await ContextAsync();
        var quarters = await db.Achievements.Where(a => a.Year >= 2023).Select(a => new { a.Year, a.Quarter }).Distinct().CountAsync();
        var planProvinces = await db.Plans.Where(p => p.Year == 2024).Select(p => p.Region!.ParentId ?? p.RegionId).Distinct().CountAsync();
        var provinces = await db.Regions.CountAsync(r => r.Kind == RegionKind.Province);

        var trend = await factory.ExecuteDataAsync(ContractOperations.Operation("Trend"), new { from = 2023 });
        var budget = await factory.ExecuteDataAsync(ContractOperations.Operation("Budget"), new { year = 2024 });
        var timeliness = await factory.ExecuteDataAsync(ContractOperations.Operation("Timeliness"), new { year = 2024, quarter = 2 });

        Assert.Equal(12, quarters);
        Assert.Equal(quarters, trend["achievementStats"]!["nodes"]!.AsArray().Count);
        Assert.Equal(38, provinces);
        Assert.Equal(planProvinces, budget["planStats"]!["nodes"]!.AsArray().Count);
        Assert.Equal(provinces, timeliness["reportingStats"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task More_groups_than_the_maximum_are_refused_with_a_code_never_cut()
    {
        var refused = await factory.ExecuteAsAsync(National, "{ achievementStats(groupBy: [REGION, INDICATOR]) { nodes { count } } }");
        var paged = await factory.ExecuteDataAsAsync(National, "{ achievementStats(groupBy: [REGION, INDICATOR], first: 5) { totalCount pageInfo { hasNextPage } nodes { count } } }");
        var counted = await factory.ExecuteDataAsAsync(National, "{ achievementStats(groupBy: [REGION, INDICATOR]) { totalCount } }");

        var error = Assert.Single(refused["errors"]!.AsArray())!;
        Assert.Equal("TOO_MANY_GROUPS", (string?)error["extensions"]!["code"]);
        Assert.Contains("first", (string?)error["message"], StringComparison.Ordinal);
        Assert.Null(refused["data"]);
        Assert.Equal(5, paged["achievementStats"]!["nodes"]!.AsArray().Count);
        Assert.True((bool)paged["achievementStats"]!["pageInfo"]!["hasNextPage"]!);
        Assert.True((int)paged["achievementStats"]!["totalCount"]! > 1000);

        // Counting the groups reads none of them, so it is not refused.
        Assert.Equal((int)paged["achievementStats"]!["totalCount"]!, (int)counted["achievementStats"]!["totalCount"]!);
    }

    [Theory]
    [InlineData(2023, 4)]
    [InlineData(2024, 4)]
    [InlineData(2025, 4)]
    [InlineData(2024, 3)]
    public async Task A_year_group_equals_the_sums_of_its_latest_quarter_rows(int year, int upToQuarter)
    {
        var data = await factory.ExecuteDataAsAsync(National,
            $$"""{ achievementStats(where: { year: { eq: {{year}} }, quarter: { lte: {{upToQuarter}} } }, groupBy: [YEAR]) { nodes { key { year } count target served achievementRate servedInQuarter } } }""");

        await using var db = await ContextAsync();
        var latest = await db.Achievements.Where(a => a.Year == year && a.Quarter == upToQuarter).Select(a => new { a.Target, a.Served }).ToListAsync();
        var node = Assert.Single(data["achievementStats"]!["nodes"]!.AsArray())!;

        Assert.Equal(latest.Sum(r => r.Target), (long)node["target"]!);
        Assert.Equal(latest.Sum(r => r.Served), (long)node["served"]!);
        Assert.Equal(latest.Sum(r => r.Served) * 100.0 / latest.Sum(r => r.Target), (double)node["achievementRate"]!, new Tolerance());

        // A flow adds up over the quarters to the latest quarter's cumulative figure.
        Assert.Equal(latest.Sum(r => r.Served), (long)node["servedInQuarter"]!);
        Assert.Equal(latest.Count * upToQuarter, (int)node["count"]!);
    }

    [Fact]
    public async Task A_series_with_its_last_quarter_unreadable_counts_its_latest_readable_quarter()
    {
        // Anonymous callers do not see drafts: where Q4 is a draft, the year-to-date position is Q3's.
        var data = await factory.ExecuteDataAsync("{ achievementStats(where: { year: { eq: 2025 } }, groupBy: [YEAR]) { nodes { target served } } }");

        await using var db = await ContextAsync();
        var published = new[] { ReportStatus.Submitted, ReportStatus.Verified };
        var rows = await db.Achievements.Where(a => a.Year == 2025 && published.Contains(a.Status))
            .Select(a => new { a.RegionId, a.IndicatorId, a.Quarter, a.Target, a.Served }).ToListAsync();
        var latest = rows.GroupBy(r => (r.RegionId, r.IndicatorId)).Select(g => g.MaxBy(r => r.Quarter)!).ToList();
        var node = Assert.Single(data["achievementStats"]!["nodes"]!.AsArray())!;

        Assert.Contains(latest, r => r.Quarter < 4);
        Assert.Equal(latest.Sum(r => r.Target), (long)node["target"]!);
        Assert.Equal(latest.Sum(r => r.Served), (long)node["served"]!);
    }

    [Fact]
    public async Task Served_in_quarter_of_a_rows_four_quarters_adds_up_to_its_year_result()
    {
        var data = await factory.ExecuteDataAsAsync(National,
            """{ achievements(where: { region: { code: { eq: "19.71" } }, indicator: { code: { eq: "KES.KK.01" } }, year: { eq: 2024 } }, order: [{ quarter: ASC }]) { nodes { quarter served servedInQuarter } } }""");

        var rows = data["achievements"]!["nodes"]!.AsArray().Select(n => (Quarter: (int)n!["quarter"]!, Served: (long)n["served"]!, InQuarter: (long)n["servedInQuarter"]!)).ToList();

        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Quarter));
        Assert.Equal(rows[0].Served, rows[0].InQuarter);
        for (var i = 1; i < 4; i++)
        {
            Assert.Equal(rows[i].Served - rows[i - 1].Served, rows[i].InQuarter);
        }

        Assert.Equal(rows[3].Served, rows.Sum(r => r.InQuarter));
    }

    [Fact]
    public async Task Every_province_owes_reports_for_all_its_regions_whoever_asks()
    {
        const string query = "{ reportingStats(where: { year: { eq: 2025 }, quarter: { eq: 2 } }, groupBy: [PROVINCE]) { nodes { key { province { code } } regionCount reportCount reportedCount notReportedCount onTimeCount } } }";
        var anonymous = ByProvince(await factory.ExecuteDataAsync(query));
        var national = ByProvince(await factory.ExecuteDataAsAsync(National, query));

        await using var db = await ContextAsync();
        var regions = (await db.Regions.Select(r => r.Parent!.Code ?? r.Code).ToListAsync()).CountBy(c => c).ToDictionary();

        Assert.Equal(38, anonymous.Count);
        Assert.Equal(regions.Keys.Order(StringComparer.Ordinal), anonymous.Keys.Order(StringComparer.Ordinal));
        foreach (var (province, node) in anonymous)
        {
            Assert.Equal(regions[province], (int)node["regionCount"]!);
            Assert.Equal(regions[province], (int)node["reportedCount"]! + (int)node["notReportedCount"]!);
            Assert.True(JsonNode.DeepEquals(node, national[province]), province);
        }
    }

    [Theory]
    [InlineData("{ planStats(order: [{ quarter: ASC }]) { nodes { count } } }")]
    [InlineData("{ reportingStats(order: [{ sector: ASC }]) { nodes { reportCount } } }")]
    [InlineData("{ planStats(scheme: \"DEFAULT\") { nodes { count } } }")]
    [InlineData("{ reportingStats(scheme: \"DEFAULT\") { nodes { reportCount } } }")]
    [InlineData("{ reportingStats { nodes { key { sector } } } }")]
    [InlineData("{ reportingStats { nodes { key { indicator { code } } } } }")]
    [InlineData("{ planStats { nodes { key { quarter } } } }")]
    [InlineData("{ planStats(having: { spmIndex: { gt: 1 } }) { nodes { count } } }")]
    public async Task Arguments_and_keys_a_stats_type_does_not_have_are_validation_errors(string query)
    {
        var body = await factory.ExecuteAsync(query);

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.StartsWith("5.", (string?)error["extensions"]!["number"]);
        Assert.Null(body["data"]);
    }

    [Theory]
    [InlineData("QUARTER", 2024, 1)]
    [InlineData("YEAR", 2023, 2)]
    public async Task Previous_period_equals_the_same_stats_for_that_period_in_one_more_statement(string period, int year, int quarter)
    {
        const string measures = "count regionCount target served servedInQuarter budgetRealized achievementRate meanRegionRate completeCount qualityRate spmIndex band";
        factory.Sql.Reset();
        var data = await factory.ExecuteDataAsAsync(National,
            $$"""
            {
              achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 2 } }, groupBy: [PROVINCE, SECTOR], first: 40) {
                nodes { key { province { code } sector } {{measures}} previous(period: {{period}}) { key { province { code } sector } {{measures}} } change(period: {{period}}) { target achievementRate } }
              }
            }
            """);
        var statements = factory.Sql.Commands.Count(c => c.Contains("\"Achievements\"", StringComparison.Ordinal));
        var earlier = await factory.ExecuteDataAsAsync(National,
            $$"""{ achievementStats(where: { year: { eq: {{year}} }, quarter: { eq: {{quarter}} } }, groupBy: [PROVINCE, SECTOR], first: 100) { nodes { key { province { code } sector } {{measures}} } } }""");
        var expected = earlier["achievementStats"]!["nodes"]!.AsArray().ToDictionary(Key);

        var nodes = data["achievementStats"]!["nodes"]!.AsArray();
        Assert.Equal(40, nodes.Count);
        Assert.Equal(2, statements);
        foreach (var node in nodes)
        {
            var current = node!;
            var before = expected[Key(current)]!;
            Assert.True(JsonNode.DeepEquals(before, current["previous"]), Key(current));
            Assert.Equal((long)current["target"]! - (long)before["target"]!, (long)current["change"]!["target"]!);
            Assert.Equal((double)current["achievementRate"]! - (double)before["achievementRate"]!, (double)current["change"]!["achievementRate"]!, new Tolerance());
        }
    }

    [Fact]
    public async Task The_first_quarter_compares_with_the_last_quarter_of_the_year_before()
    {
        var data = await factory.ExecuteDataAsAsync(National,
            "{ achievementStats(where: { year: { gte: 2024 } }, groupBy: [YEAR, QUARTER], order: [{ year: ASC }, { quarter: ASC }]) { nodes { key { year quarter } served previous { key { year quarter } served } } } }");
        var earlier = await factory.ExecuteDataAsAsync(National,
            "{ achievementStats(where: { year: { eq: 2023 }, quarter: { eq: 4 } }) { nodes { served } } }");

        var first = data["achievementStats"]!["nodes"]![0]!;
        Assert.Equal((2024, 1), ((int)first["key"]!["year"]!, (int)first["key"]!["quarter"]!));
        Assert.Equal((2023, 4), ((int)first["previous"]!["key"]!["year"]!, (int)first["previous"]!["key"]!["quarter"]!));
        Assert.Equal((long)earlier["achievementStats"]!["nodes"]![0]!["served"]!, (long)first["previous"]!["served"]!);
    }

    [Fact]
    public async Task A_page_of_provinces_with_their_roll_ups_costs_a_constant_number_of_statements()
    {
        const string stats = """
            achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 } }, groupBy: [SECTOR]) { totalCount nodes { key { sector } count target served achievementRate band previous { target } } }
            planStats(where: { year: { eq: 2024 } }) { nodes { count budgetGap } }
            reportingStats(where: { year: { eq: 2024 }, quarter: { eq: 2 } }) { nodes { regionCount reportedCount } }
            """;
        factory.Sql.Reset();
        var data = await factory.ExecuteDataAsAsync(National, $$"""{ regions(where: { kind: { eq: PROVINCE } }, first: 38) { nodes { code {{stats}} } } }""");
        var statements = factory.Sql.Commands.Count(c => c.Contains("GROUP BY", StringComparison.Ordinal));
        var provinces = data["regions"]!["nodes"]!.AsArray();

        Assert.Equal(38, provinces.Count);
        Assert.True(statements <= 4, $"{statements} GROUP BY statements for 38 provinces");

        // Each province's nested roll-up equals the root field over its kabupaten/kota.
        foreach (var province in provinces.Take(3))
        {
            var code = (string)province!["code"]!;
            var root = await factory.ExecuteDataAsAsync(National,
                $$"""{ achievementStats(where: { year: { eq: 2024 }, quarter: { eq: 4 }, region: { parent: { code: { eq: "{{code}}" } } } }, groupBy: [SECTOR]) { totalCount nodes { key { sector } count target served achievementRate band previous { target } } } }""");
            Assert.True(JsonNode.DeepEquals(root["achievementStats"], province["achievementStats"]), code);
        }
    }

    [Theory]
    [InlineData(69.0, "TUNTAS_MUDA")]
    [InlineData(42.03, "BELUM_TUNTAS")]
    [InlineData(96.19, "TUNTAS_UTAMA")]
    [InlineData(100.0, "TUNTAS_PARIPURNA")]
    public async Task The_default_scheme_bands_published_figures_as_kemendagri_labelled_them(double index, string band)
    {
        await using var db = await ContextAsync();
        var active = await db.ScoringSchemes.Include(s => s.Bands).SingleAsync(s => s.IsActive);

        Assert.Equal(band, active.BandFor(index)?.Code);
        Assert.Contains("42.03", active.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheme_that_does_not_cap_the_rate_scores_over_achievement_in_full()
    {
        await using var db = await ContextAsync();
        var scheme = new ScoringScheme
        {
            Code = "TEST_UNCAPPED",
            Name = "Uncapped (test)",
            Version = 1,
            RecipientWeight = 0.8,
            QualityWeight = 0.2,
            CapRecipientRate = false,
            Source = "test",
            Bands = [new ScoringBand { Code = "ANY", Label = "Any", LowerBound = 0 }],
        };
        db.ScoringSchemes.Add(scheme);
        await db.SaveChangesAsync();
        await DataVersionStore.BumpAsync(db, default); // written behind the API: the caches must hear of it
        try
        {
            const string groups = """groupBy: [REGION, INDICATOR], where: { year: { eq: 2024 }, quarter: { eq: 4 }, qualityRate: { neq: null } }, having: { minRate: { gt: 100 } }, first: 20""";
            var data = await factory.ExecuteDataAsAsync(National,
                $$"""{ uncapped: achievementStats({{groups}}, scheme: "TEST_UNCAPPED") { nodes { target served qualityRate spmIndex } } capped: achievementStats({{groups}}, scheme: "DEFAULT@2") { nodes { qualityRate spmIndex } } }""");

            var uncapped = data["uncapped"]!["nodes"]!.AsArray();
            var capped = data["capped"]!["nodes"]!.AsArray();
            Assert.NotEmpty(uncapped);
            for (var i = 0; i < uncapped.Count; i++)
            {
                var row = uncapped[i]!;
                var rate = (long)row["served"]! * 100.0 / (long)row["target"]!;
                var quality = (double)row["qualityRate"]!;
                Assert.Equal((0.8 * rate) + (0.2 * quality), (double)row["spmIndex"]!, new Tolerance());
                Assert.Equal((0.8 * 100) + (0.2 * quality), (double)capped[i]!["spmIndex"]!, new Tolerance());
            }
        }
        finally
        {
            db.ScoringSchemes.Remove(scheme);
            await db.SaveChangesAsync();
            await DataVersionStore.BumpAsync(db, default); // written behind the API: the caches must hear of it
        }
    }

    private static Dictionary<string, JsonNode> ByProvince(JsonObject data) =>
        data["reportingStats"]!["nodes"]!.AsArray().ToDictionary(n => (string)n!["key"]!["province"]!["code"]!, n => n!);

    private static string Key(JsonNode? node) => (string)node!["key"]!["province"]!["code"]! + "|" + (string)node["key"]!["sector"]!;

    private Task<SpmDbContext> ContextAsync() =>
        factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
}
