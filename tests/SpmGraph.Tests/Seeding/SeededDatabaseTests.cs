using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Seeding;
using Xunit.Abstractions;

namespace SpmGraph.Tests.Seeding;

/// <summary>What the seed writes into a fresh database (of the suite's provider), checked with queries on it.</summary>
public sealed class SeededDatabaseTests(SeededDatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<SeededDatabaseFixture>
{
    private const int Regencies = 416;
    private const int Cities = 98;
    private const int Provinces = 38;
    private const int RegencyCityLines = (Regencies + Cities) * 29;
    private const int ProvinceLines = Provinces * 14;

    [Fact]
    public async Task Counts_match_the_catalog_and_the_regions()
    {
        output.WriteLine($"Migrate: {fixture.MigrateTime.TotalMilliseconds:N0} ms; seed: {fixture.SeedTime.TotalMilliseconds:N0} ms");
        foreach (var line in fixture.Log.Lines)
        {
            output.WriteLine(line);
        }

        await using var db = fixture.CreateContext();
        Assert.Equal(Provinces, await db.Regions.CountAsync(r => r.Kind == RegionKind.Province));
        Assert.Equal(Regencies, await db.Regions.CountAsync(r => r.Kind == RegionKind.Regency));
        Assert.Equal(Cities, await db.Regions.CountAsync(r => r.Kind == RegionKind.City));
        Assert.Equal(6, await db.Sectors.CountAsync());
        Assert.Equal(29, await db.Indicators.CountAsync(i => i.Level == IndicatorLevel.RegencyCity));
        Assert.Equal(14, await db.Indicators.CountAsync(i => i.Level == IndicatorLevel.Province));
        Assert.Equal(12, await db.ReportingPeriods.CountAsync());
        Assert.Equal(552 * 12, await db.Reports.CountAsync());
        Assert.Equal((RegencyCityLines + ProvinceLines) * 12, await db.Achievements.CountAsync());
        Assert.Equal((RegencyCityLines + ProvinceLines) * 6, await db.Plans.CountAsync());
        Assert.Contains(fixture.Log.Lines, l => l.StartsWith("Seeding: 185,256 achievements", StringComparison.Ordinal));
        Assert.Contains(fixture.Log.Lines, l => l.StartsWith("Seeding: done in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pangkal_Pinang_is_a_city_of_Bangka_Belitung()
    {
        await using var db = fixture.CreateContext();
        var city = await db.Regions.Include(r => r.Parent).SingleAsync(r => r.Code == "19.71");
        Assert.Equal("Kota Pangkal Pinang", city.Name);
        Assert.Equal(RegionKind.City, city.Kind);
        Assert.Equal("19", city.Parent!.Code);
        Assert.Equal("Kepulauan Bangka Belitung", city.Parent.Name);
        Assert.True(city.VillageCount > 0 && city.DistrictCount > 0);

        // Enums are stored by name: the bulk writer applied the model's converters.
        var kind = await db.Database.SqlQuery<string>($"SELECT \"Kind\" AS \"Value\" FROM \"Regions\" WHERE \"Code\" = '19.71'").SingleAsync();
        Assert.Equal("City", kind);
    }

    [Fact]
    public async Task Served_never_falls_and_quarterly_spending_stays_within_the_allocation()
    {
        await using var db = fixture.CreateContext();
        var falls = await (
            from a in db.Achievements
            join b in db.Achievements
                on new { a.RegionId, a.IndicatorId, a.Year, Quarter = a.Quarter + 1 }
                equals new { b.RegionId, b.IndicatorId, b.Year, b.Quarter }
            where b.Served < a.Served || b.Target != a.Target
            select a.Id).CountAsync();
        Assert.Equal(0, falls);

        // budgetRealized is the quarter's own spending (a flow): never negative, and a year's sum stays within its plan's allocation.
        Assert.Equal(0, await db.Achievements.CountAsync(a => a.BudgetRealized < 0));
        var overspent = await db.Plans.CountAsync(p =>
            db.Achievements.Where(a => a.RegionId == p.RegionId && a.IndicatorId == p.IndicatorId && a.Year == p.Year).Sum(a => a.BudgetRealized) > p.BudgetAllocated);
        Assert.Equal(0, overspent);
    }

    [Fact]
    public async Task Every_region_reports_every_applicable_indicator()
    {
        await using var db = fixture.CreateContext();
        Assert.Equal(0, await db.Regions.CountAsync(r => !db.Achievements.Any(a => a.RegionId == r.Id)));

        // Provinces report the provinsi jenis only, kab/kota the kab/kota jenis only.
        var mismatched = await (
            from a in db.Achievements
            join r in db.Regions on a.RegionId equals r.Id
            join i in db.Indicators on a.IndicatorId equals i.Id
            where (r.Kind == RegionKind.Province) != (i.Level == IndicatorLevel.Province)
            select a.Id).CountAsync();
        Assert.Equal(0, mismatched);
    }

    [Fact]
    public async Task Achievements_follow_their_plan_and_report()
    {
        await using var db = fixture.CreateContext();
        var offPlan = await (
            from a in db.Achievements
            join p in db.Plans on new { a.RegionId, a.IndicatorId, a.Year } equals new { p.RegionId, p.IndicatorId, p.Year }
            where a.Target != p.Target || a.OpdId != p.OpdId
            select a.Id).CountAsync();
        Assert.Equal(0, offPlan);

        var offReport = await (
            from a in db.Achievements
            join r in db.Reports on a.ReportId equals r.Id
            where a.RegionId != r.RegionId || a.Year != r.Year || a.Quarter != r.Quarter
                || a.Status != r.Status || a.SubmittedAt != r.SubmittedAt || a.VerifiedAt != r.VerifiedAt
            select a.Id).CountAsync();
        Assert.Equal(0, offReport);
    }

    [Fact]
    public async Task Report_statuses_and_timeliness_vary()
    {
        await using var db = fixture.CreateContext();
        var total = await db.Reports.CountAsync();
        var drafts = await db.Reports.CountAsync(r => r.Status == ReportStatus.Draft);
        var rejected = await db.Reports.CountAsync(r => r.Status == ReportStatus.Rejected);
        var pending = await db.Reports.CountAsync(r => r.Status == ReportStatus.Submitted);
        var submitted = await db.Reports.CountAsync(r => r.SubmittedAt != null);
        var late = await db.Reports.CountAsync(r => r.SubmittedAt > r.ReportingPeriod!.ClosesAt);
        var sumselSubmitted = await db.Reports.CountAsync(r => r.SubmittedAt != null && r.Region!.Code.StartsWith("16"));
        var sumselLate = await db.Reports.CountAsync(r => r.SubmittedAt > r.ReportingPeriod!.ClosesAt && r.Region!.Code.StartsWith("16"));
        output.WriteLine($"Reports {total}: draft {drafts}, rejected {rejected}, submitted-not-verified {pending}, late {late} of {submitted} submitted; Sumsel late {sumselLate} of {sumselSubmitted}");

        Assert.InRange(drafts, total * 0.015, total * 0.05);
        Assert.InRange(rejected, total * 0.01, total * 0.035);
        Assert.InRange(late, submitted * 0.05, submitted * 0.11);
        Assert.True(sumselLate * (double)submitted > 2.0 * late * sumselSubmitted, "Sumatera Selatan should be late far more often than the nation");

        // The workflow's invariants.
        Assert.Equal(0, await db.Reports.CountAsync(r => r.Status == ReportStatus.Draft && (r.SubmittedAt != null || r.VerifiedAt != null)));
        Assert.Equal(0, await db.Reports.CountAsync(r => r.Status == ReportStatus.Rejected && (r.SubmittedAt == null || r.VerifiedAt != null || r.RejectionReason == null)));
        Assert.Equal(0, await db.Reports.CountAsync(r => r.Status == ReportStatus.Verified && (r.VerifiedAt == null || r.VerifiedAt <= r.SubmittedAt)));
        Assert.Equal(0, await db.Reports.CountAsync(r => r.SubmittedAt != null && r.SubmittedAt < r.ReportingPeriod!.OpensAt));

        // The last quarter is still being verified.
        var lastQuarterPending = await db.Reports.CountAsync(r => r.Year == 2025 && r.Quarter == 4 && r.Status == ReportStatus.Submitted);
        Assert.True(lastQuarterPending > pending / 2, "most unverified reports belong to 2025 Q4");
    }

    [Fact]
    public async Task Plans_have_gaps_zero_targets_and_explicit_budgets()
    {
        await using var db = fixture.CreateContext();
        var total = await db.Plans.CountAsync();
        var unbudgeted = await db.Plans.CountAsync(p => p.BudgetAllocated < p.BudgetNeeded);
        var nothingAllocated = await db.Plans.CountAsync(p => p.BudgetAllocated == 0 && p.BudgetNeeded > 0);
        output.WriteLine($"Plans {total}: unbudgeted {unbudgeted}, of them nothing allocated {nothingAllocated}");

        Assert.InRange(unbudgeted, total * 0.09, total * 0.15);
        Assert.True(nothingAllocated > 0);
        Assert.True(await db.Plans.AnyAsync(p => p.BudgetNeededIsExplicit));
        Assert.Equal(0, await db.Plans.CountAsync(p => !p.BudgetNeededIsExplicit && p.BudgetNeeded != p.Target * p.UnitCost));
        Assert.Equal(0, await db.Plans.CountAsync(p => p.OpdId == null || p.ProgramCode == null || p.PlanPeriod != "Periode 2023 - 2028"));
        Assert.True(await db.Achievements.AnyAsync(a => a.Target == 0));
        Assert.Equal(0, await db.Achievements.CountAsync(a => a.Target == 0 && a.Served != 0));
    }

    [Fact]
    public async Task Achievement_rates_and_quality_look_like_real_reporting()
    {
        await using var db = fixture.CreateContext();
        var q4 = await db.Achievements.Where(a => a.Quarter == 4 && a.Target > 0).Select(a => (double)a.Served / a.Target).ToListAsync();
        q4.Sort();
        output.WriteLine($"Q4 rates: p10 {q4[q4.Count / 10]:P0}, median {q4[q4.Count / 2]:P0}, p90 {q4[q4.Count * 9 / 10]:P0}, over 100% {q4.Count(r => r > 1)}");
        Assert.InRange(q4[q4.Count / 2], 0.65, 0.9);
        Assert.Contains(q4, r => r > 1);
        Assert.Contains(q4, r => r < 0.3);

        // Q1 is roughly a quarter of the year's result.
        var q1Share = await db.Achievements.Where(a => a.Quarter == 1).SumAsync(a => (double)a.Served)
            / await db.Achievements.Where(a => a.Quarter == 4).SumAsync(a => (double)a.Served);
        Assert.InRange(q1Share, 0.15, 0.35);

        Assert.Equal(0, await db.Achievements.CountAsync(a => a.QualityRate < 0 || a.QualityRate > 100));
        Assert.True(await db.Achievements.AnyAsync(a => a.QualityRate == null));
    }

    [Fact]
    public async Task Opds_are_named_like_real_agencies_and_serve_their_plans()
    {
        await using var db = fixture.CreateContext();
        string[] names =
        [
            "Dinas Kesehatan Kota Pangkal Pinang",
            "Dinas Pendidikan Kota Pangkal Pinang",
            "Dinas Kesehatan Kabupaten Bangka",
            "Dinas Pendidikan Provinsi Jawa Barat",
            "Satuan Polisi Pamong Praja Provinsi Kepulauan Bangka Belitung",
        ];
        foreach (var name in names)
        {
            Assert.True(await db.Opds.AnyAsync(o => o.Name == name), name);
        }

        Assert.True(await db.Opds.AnyAsync(o => o.Name.StartsWith("Dinas Pekerjaan Umum dan Perumahan Rakyat ") && o.Sectors.Count == 2));
        Assert.True(await db.Opds.AnyAsync(o => o.Name.StartsWith("Dinas Pemadam Kebakaran Kota ")));

        // A plan's OPD belongs to the plan's region and serves the jenis's bidang.
        var wrongOpd = await (
            from p in db.Plans
            join i in db.Indicators on p.IndicatorId equals i.Id
            join o in db.Opds on p.OpdId equals o.Id
            where o.RegionId != p.RegionId || !db.OpdSectors.Any(s => s.OpdId == o.Id && s.Sector == i.Sector)
            select p.Id).CountAsync();
        Assert.Equal(0, wrongOpd);
    }

    [Fact]
    public async Task Written_rows_equal_the_generated_ones()
    {
        var generated = SeedGenerator.Generate();
        await using var db = fixture.CreateContext();
        Assert.Equal(SeedChecksum.Of(generated.ReportingPeriods), SeedChecksum.Of(await db.ReportingPeriods.AsNoTracking().OrderBy(p => p.Id).ToListAsync()));
        Assert.Equal(SeedChecksum.Of(generated.Reports), SeedChecksum.Of(await db.Reports.AsNoTracking().OrderBy(r => r.Id).ToListAsync()));
        Assert.Equal(SeedChecksum.Of(generated.Plans), SeedChecksum.Of(await db.Plans.AsNoTracking().OrderBy(p => p.Id).ToListAsync()));
        Assert.Equal(SeedChecksum.Of(generated.Achievements), SeedChecksum.Of(await db.Achievements.AsNoTracking().OrderBy(a => a.Id).ToListAsync()));

        var scheme = await db.ScoringSchemes.Include(s => s.Bands).SingleAsync(s => s.IsActive);
        Assert.Equal(("DEFAULT", 2, 0.8, 0.2, true), (scheme.Code, scheme.Version, scheme.RecipientWeight, scheme.QualityWeight, scheme.CapRecipientRate));
        Assert.Equal(["TUNTAS_PARIPURNA", "TUNTAS_UTAMA", "TUNTAS_MADYA", "TUNTAS_PRATAMA", "TUNTAS_MUDA", "BELUM_TUNTAS"], scheme.Bands.OrderByDescending(b => b.LowerBound).Select(b => b.Code));
        Assert.Equal([100.0, 90, 80, 70, 60, 0], scheme.Bands.OrderByDescending(b => b.LowerBound).Select(b => b.LowerBound));

        // The first guess stays as an inactive version, for comparison.
        var first = await db.ScoringSchemes.Include(s => s.Bands).SingleAsync(s => s.Code == "DEFAULT" && s.Version == 1);
        Assert.False(first.IsActive);
        Assert.Equal(["TUNTAS_PARIPURNA", "TUNTAS_UTAMA", "TUNTAS_MADYA", "TUNTAS_PRATAMA", "BELUM_TUNTAS", "TIDAK_TUNTAS"], first.Bands.OrderByDescending(b => b.LowerBound).Select(b => b.Code));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var db = fixture.CreateContext();
        var before = await db.Achievements.CountAsync();
        var log = new RecordingLogger();
        await new SpmSeeder(log).SeedIfEmptyAsync(db, CancellationToken.None);
        Assert.Equal(before, await db.Achievements.CountAsync());
        Assert.Contains(log.Lines, l => l.Contains("skipped", StringComparison.Ordinal));
    }
}
