using System.Text.RegularExpressions;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Seeding;
using SpmGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SpmGraph.Tests.Seeding;

/// <summary>The in-memory seed: determinism, the catalog, the reporting windows.</summary>
public sealed partial class SeedGeneratorTests(ITestOutputHelper output)
{
    // Checksums of the sample data as generated on the development machine (see the test below).
    private const string PinnedPlans = "4C586C57479A85F377A0DF3D0B65D670872FA8A9F0FCE029EC92F6DA7EDCEE75";
    private const string PinnedAchievements = "396EC6C29B875C086B9CE68CC4A01532A799718D5277C7ECE2EFB54B313D6759";
    private const string PinnedReports = "3E1B57F7542E1BBB40CECC0CB29D4918AEE424023E7119BDA8E3BA2DE532DA12";

    private static readonly Lazy<SeedData> Data = new(SeedGenerator.Generate);

    [Fact]
    public void Generating_twice_gives_identical_data()
    {
        var again = SeedGenerator.Generate();
        Assert.Equal(Checksums(Data.Value), Checksums(again));
    }

    [Fact]
    public void The_data_is_the_same_on_every_machine()
    {
        // Pinned checksums of the sample data. A change here means the seed changed: on purpose
        // (update the constants and say so in docs/seed.md) or by a platform difference (a bug).
        var checksums = Checksums(Data.Value);
        foreach (var (table, sum) in checksums)
        {
            output.WriteLine($"{table}: {sum}");
        }

        Assert.Equal(PinnedPlans, checksums["Plans"]);
        Assert.Equal(PinnedAchievements, checksums["Achievements"]);
        Assert.Equal(PinnedReports, checksums["Reports"]);
    }

    [Fact]
    public void The_catalog_has_29_regency_city_and_14_province_services_with_stable_codes()
    {
        var indicators = Data.Value.Indicators;
        Assert.Equal(43, indicators.Count);
        Assert.Equal(29, indicators.Count(i => i.Level == IndicatorLevel.RegencyCity));
        Assert.Equal(14, indicators.Count(i => i.Level == IndicatorLevel.Province));
        Assert.Equal(indicators.Count, indicators.Select(i => i.Code).Distinct().Count());

        var prefixes = new Dictionary<string, SectorCode>
        {
            ["DIK"] = SectorCode.Education,
            ["KES"] = SectorCode.Health,
            ["PU"] = SectorCode.PublicWorks,
            ["PR"] = SectorCode.Housing,
            ["TRANTIB"] = SectorCode.PublicOrder,
            ["SOS"] = SectorCode.Social,
        };
        foreach (var group in indicators.GroupBy(i => (i.Sector, i.Level)))
        {
            var ordinal = 0;
            foreach (var indicator in group)
            {
                var match = CodePattern().Match(indicator.Code);
                Assert.True(match.Success, indicator.Code);
                Assert.Equal(indicator.Sector, prefixes[match.Groups["sector"].Value]);
                Assert.Equal(indicator.Level, match.Groups["level"].Value == "KK" ? IndicatorLevel.RegencyCity : IndicatorLevel.Province);
                Assert.Equal(++ordinal, int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
                Assert.All(new[] { indicator.Name, indicator.Recipient, indicator.Unit }, s => Assert.False(string.IsNullOrWhiteSpace(s)));
                Assert.StartsWith("PP 2/2018; ", indicator.LegalBasis, StringComparison.Ordinal);
            }
        }

        Assert.Equal("Pelayanan kesehatan ibu hamil", indicators.Single(i => i.Code == "KES.KK.01").Name);
        Assert.Equal(12, indicators.Count(i => i.Sector == SectorCode.Health && i.Level == IndicatorLevel.RegencyCity));
        Assert.Equal([1, 2, 3, 4, 5, 6], Data.Value.Sectors.Select(s => s.Ordinal));
    }

    [Fact]
    public void The_catalog_page_lists_every_code()
    {
        var page = RepositoryPaths.InRepository("docs", "catalog.md");
        var text = File.ReadAllText(page);
        Assert.All(Data.Value.Indicators, i => Assert.Contains($"| `{i.Code}` | {i.Name} |", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_indicator_has_a_profile()
    {
        var profiles = IndicatorProfile.LoadEmbedded();
        Assert.Equal(Data.Value.Indicators.Select(i => i.Code).Order(), profiles.Keys.Order());
        Assert.Contains(profiles.Values, p => p.CostsPerFacility);
    }

    [Fact]
    public void Reporting_windows_open_after_the_quarter_and_close_around_the_20th_WIB()
    {
        var periods = Data.Value.ReportingPeriods;
        Assert.Equal(12, periods.Count);
        foreach (var period in periods)
        {
            Assert.Equal(DateTimeKind.Utc, period.OpensAt.Kind);
            Assert.Equal(DateTimeKind.Utc, period.ClosesAt.Kind);
            Assert.True(period.ClosesAt > period.OpensAt);

            // Midnight in Jakarta.
            Assert.Equal(17, period.OpensAt.Hour);
            Assert.Equal(17, period.ClosesAt.Hour);
            var quarterEnd = new DateTime(period.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(period.Quarter * 3);
            Assert.True(period.OpensAt.AddHours(7) >= quarterEnd);
            if (period.Year > 2023)
            {
                Assert.Equal(1, period.OpensAt.AddHours(7).Day);
                Assert.InRange(period.ClosesAt.AddHours(7).Day, 20, 22);
            }
        }

        var q1 = periods.Single(p => p.Year == 2023 && p.Quarter == 1);
        Assert.Equal(new DateTime(2023, 5, 4, 17, 0, 0, DateTimeKind.Utc), q1.ClosesAt);
    }

    [Fact]
    public void Streams_depend_only_on_their_key()
    {
        var a = SeedRandom.For("plan", "19.71", "KES.KK.01", 2024);
        var b = SeedRandom.For("plan", "19.71", "KES.KK.01", 2024);
        var c = SeedRandom.For("plan", "19.71", "KES.KK.01", 2025);
        var first = a.NextUInt64();
        Assert.Equal(first, b.NextUInt64());
        Assert.NotEqual(first, c.NextUInt64());

        // SplitMix64's published first output for seed 0.
        Assert.Equal(0xE220A8397B1DCDAFUL, new SeedRandom(0).NextUInt64());
    }

    private static Dictionary<string, string> Checksums(SeedData data) => new()
    {
        ["Sectors"] = SeedChecksum.Of(data.Sectors),
        ["Regions"] = SeedChecksum.Of(data.Regions),
        ["Indicators"] = SeedChecksum.Of(data.Indicators),
        ["Opds"] = SeedChecksum.Of(data.Opds),
        ["OpdSectors"] = SeedChecksum.Of(data.OpdSectors),
        ["ReportingPeriods"] = SeedChecksum.Of(data.ReportingPeriods),
        ["ScoringSchemes"] = SeedChecksum.Of(data.ScoringSchemes),
        ["ScoringBands"] = SeedChecksum.Of(data.ScoringBands),
        ["Plans"] = SeedChecksum.Of(data.Plans),
        ["Reports"] = SeedChecksum.Of(data.Reports),
        ["Achievements"] = SeedChecksum.Of(data.Achievements),
    };

    [GeneratedRegex(@"^(?<sector>DIK|KES|PU|PR|TRANTIB|SOS)\.(?<level>KK|P)\.(?<n>\d\d)$")]
    private static partial Regex CodePattern();
}
