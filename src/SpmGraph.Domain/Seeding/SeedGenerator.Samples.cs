using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Seeding;

public static partial class SeedGenerator
{
    private const int QuartersPerYear = 4;

    private static readonly string[] RejectionReasons =
    [
        "Data sasaran tidak sesuai dengan proyeksi penduduk BPS.",
        "Bukti dukung capaian belum diunggah.",
        "Capaian melebihi 100% tanpa penjelasan.",
        "Realisasi anggaran tidak sesuai dengan laporan realisasi APBD.",
        "Mutu layanan belum diisi untuk beberapa jenis pelayanan dasar.",
    ];

    /// <summary>
    /// One report per region, year and quarter; ids in (region, year, quarter) order so an
    /// achievement finds its report by arithmetic.
    /// </summary>
    private static List<Report> CreateReports(List<Region> regions, RegionFacts[] facts, List<ReportingPeriod> periods)
    {
        var reports = new List<Report>(regions.Count * periods.Count);
        foreach (var region in regions)
        {
            foreach (var period in periods)
            {
                var rng = SeedRandom.For("report", region.Code, null, period.Year, period.Quarter);
                var latest = period.Year == LastReportYear && period.Quarter == QuartersPerYear;
                var report = new Report
                {
                    Id = reports.Count + 1,
                    RegionId = region.Id,
                    Year = period.Year,
                    Quarter = period.Quarter,
                    ReportingPeriodId = period.Id,
                    Status = ReportStatus.Draft,
                };
                reports.Add(report);

                // Never submitted: a few everywhere, more for the quarter that just closed.
                if (rng.Chance(latest ? 0.09 : 0.024))
                {
                    continue;
                }

                // Most submit in the last days before the deadline (u^2 skews towards it).
                var windowMinutes = (period.ClosesAt - period.OpensAt).TotalMinutes;
                var u = rng.NextDouble();
                report.SubmittedAt = rng.Chance(facts[region.Id].Lateness)
                    ? period.ClosesAt.AddMinutes(Math.Floor(30 + (40_000 * u * u)))
                    : period.ClosesAt.AddMinutes(-Math.Floor(60 + ((windowMinutes - 180) * u * u)));

                if (rng.Chance(0.021))
                {
                    report.Status = ReportStatus.Rejected;
                    report.RejectionReason = RejectionReasons[rng.NextInt(RejectionReasons.Length)];
                }
                else if (rng.Chance(latest ? 0.5 : period.Year == LastReportYear && period.Quarter == 3 ? 0.12 : 0.01))
                {
                    report.Status = ReportStatus.Submitted;
                }
                else
                {
                    // The province (or, for a province, Kemendagri) checks within about three weeks.
                    report.Status = ReportStatus.Verified;
                    report.VerifiedAt = report.SubmittedAt.Value.AddMinutes(Math.Floor(rng.NextDouble(240, 28_000)));
                }
            }
        }

        return reports;
    }

    /// <summary>
    /// Plans for 2023-2028 and quarterly achievements for 2023-2025 of every region and applicable
    /// jenis. Both come from the same loop because an achievement's target, OPD and budget are
    /// its plan's; every figure is drawn from a stream keyed by region, jenis and year.
    /// </summary>
    private static (List<Plan> Plans, List<Achievement> Achievements) CreatePlansAndAchievements(
        List<Region> regions,
        List<Indicator> indicators,
        IReadOnlyDictionary<string, IndicatorProfile> profiles,
        RegionFacts[] facts,
        int[,] agencyOpds,
        List<Report> reports,
        int firstReportYear)
    {
        const int planYears = LastPlanYear - FirstPlanYear + 1;
        var reportYears = LastReportYear - firstReportYear + 1;
        var provinceIndicators = indicators.Where(i => i.Level == IndicatorLevel.Province).ToList();
        var regencyIndicators = indicators.Where(i => i.Level == IndicatorLevel.RegencyCity).ToList();
        var lineCount = regions.Sum(r => r.Kind == RegionKind.Province ? provinceIndicators.Count : regencyIndicators.Count);
        var plans = new List<Plan>(lineCount * (planYears + FirstPlanYear - firstReportYear));
        var achievements = new List<Achievement>(lineCount * reportYears * QuartersPerYear);

        // Costs rise about 3% a year; the factors come from repeated multiplication, not Math.Pow.
        var inflation = new double[planYears];
        inflation[0] = 1.0;
        for (var y = 1; y < planYears; y++)
        {
            inflation[y] = inflation[y - 1] * 1.03;
        }

        for (var regionIndex = 0; regionIndex < regions.Count; regionIndex++)
        {
            var region = regions[regionIndex];
            var fact = facts[region.Id];
            foreach (var indicator in region.Kind == RegionKind.Province ? provinceIndicators : regencyIndicators)
            {
                var profile = profiles[indicator.Code];
                var opdId = agencyOpds[region.Id, (int)profile.Agency];

                // Traits of this region's delivery of this jenis, stable across years.
                var line = SeedRandom.For("line", region.Code, indicator.Code);
                var baseTarget = fact.Size * profile.PerVillage * line.NextDouble(0.85, 1.15);
                var growth = 1.0 + line.NextDouble(0.005, 0.025);
                var rateEffect = line.NextNormal() * 6;
                var qualityBase = 76 + (fact.Performance * 0.5) + (line.NextNormal() * 8);

                void AddYear(int year, double growthFactor, double inflationFactor)
                {
                    var plan = CreatePlan(region, indicator, profile, fact, year, baseTarget * growthFactor, inflationFactor);
                    plan.Id = plans.Count + 1;
                    plan.OpdId = opdId;
                    plans.Add(plan);

                    if (year <= LastReportYear)
                    {
                        var firstReport = (regionIndex * reportYears * QuartersPerYear) + ((year - firstReportYear) * QuartersPerYear);
                        AddAchievements(achievements, plan, region, indicator, profile, fact, rateEffect, qualityBase, reports, firstReport);
                    }
                }

                // Benchmark scales add years before the plan period; their factors shrink by
                // repeated division, so the usual years keep their exact figures.
                for (var year = firstReportYear; year < FirstPlanYear; year++)
                {
                    var growthBack = 1.0;
                    var inflationBack = inflation[0];
                    for (var y = year; y < FirstPlanYear; y++)
                    {
                        growthBack /= growth;
                        inflationBack /= 1.03;
                    }

                    AddYear(year, growthBack, inflationBack);
                }

                var growthFactor = 1.0;
                for (var year = FirstPlanYear; year <= LastPlanYear; year++, growthFactor *= growth)
                {
                    AddYear(year, growthFactor, inflation[year - FirstPlanYear]);
                }
            }
        }

        return (plans, achievements);
    }

    private static Plan CreatePlan(Region region, Indicator indicator, IndicatorProfile profile, RegionFacts fact, int year, double rawTarget, double inflation)
    {
        var rng = SeedRandom.For("plan", region.Code, indicator.Code, year);
        var target = (long)Math.Round(rawTarget, MidpointRounding.AwayFromZero);

        // Disaster housing in a small region: some years nobody is entitled at all.
        var zeroRoll = rng.NextDouble();
        target = !profile.ZeroTarget ? Math.Max(1, target)
            : region.VillageCount < 20 && zeroRoll < 0.35 ? 0
            : target;

        var unitCost = Math.Max(1_000, RoundTo(profile.UnitCost * fact.PriceLevel * inflation, 1_000));
        long needed;
        if (profile.CostsPerFacility)
        {
            // Costed per facility (IPAL komunal, regional water or sewage module), not per household.
            var facilities = (target + profile.FacilitySize!.Value - 1) / profile.FacilitySize.Value;
            needed = RoundTo(facilities * profile.FacilityCost!.Value * fact.PriceLevel * inflation, 1_000_000);
        }
        else
        {
            needed = target * unitCost;
        }

        // About 12% of lines get less than they need, more in fiscally stressed regions; a few get nothing.
        long allocated;
        var underRoll = rng.NextDouble();
        var zeroAllocation = rng.NextDouble();
        var share = rng.NextDouble();
        if (underRoll < 0.134 * fact.FiscalStress)
        {
            allocated = zeroAllocation < 0.04 ? 0 : RoundDownTo(needed * (0.3 + (0.65 * share)), 1_000);
        }
        else
        {
            allocated = RoundUpTo(needed * (1.0 + (0.15 * share)), 1_000);
        }

        return new Plan
        {
            RegionId = region.Id,
            IndicatorId = indicator.Id,
            Year = year,
            Target = target,
            UnitCost = unitCost,
            BudgetNeeded = needed,
            BudgetNeededIsExplicit = profile.CostsPerFacility,
            BudgetAllocated = allocated,
            ProgramCode = profile.ProgramCode,
            PlanPeriod = PlanPeriod,
        };
    }

    /// <summary>The four cumulative quarterly rows of one plan year.</summary>
    private static void AddAchievements(
        List<Achievement> achievements,
        Plan plan,
        Region region,
        Indicator indicator,
        IndicatorProfile profile,
        RegionFacts fact,
        double rateEffect,
        double qualityBase,
        List<Report> reports,
        int firstReport)
    {
        var rng = SeedRandom.For("achievement", region.Code, indicator.Code, plan.Year);
        // Years before 2023 (benchmark scales) level off at the 2019 level instead of falling to zero.
        var yearIndex = Math.Max(plan.Year - FirstReportYear, -4);

        // The year's result: the jenis's typical rate, the region's tendency, a mild yearly
        // improvement and noise; now and then a line that went badly wrong.
        var rate = profile.TypicalRate + fact.Performance + rateEffect + (2.5 * yearIndex) + (rng.NextNormal() * 6);
        var troubled = rng.Chance(0.03);
        var troubleFactor = rng.NextDouble(0.15, 0.55);
        if (troubled)
        {
            rate *= troubleFactor;
        }

        // Over-achievement happens (recipients from outside the region) but stays modest.
        if (rate > 100)
        {
            rate = 100 + ((rate - 100) * 0.4);
        }

        rate = Math.Clamp(rate, 2, 125);
        var servedInYear = (long)Math.Round(plan.Target * rate / 100, MidpointRounding.AwayFromZero);

        // Cumulative shares of the year's result at the end of Q1..Q4, increasing, Q4 = 1.
        var served1 = rng.NextDouble(0.18, 0.30);
        var served2 = served1 + rng.NextDouble(0.20, 0.30);
        var served3 = Math.Min(0.97, served2 + rng.NextDouble(0.20, 0.28));
        double[] servedShare = [served1, served2, served3, 1.0];

        // Spending is back-loaded, as APBD spending is.
        var realization = rng.NextDouble(0.62, 0.97);
        var spent1 = rng.NextDouble(0.08, 0.18);
        var spent2 = spent1 + rng.NextDouble(0.20, 0.30);
        var spent3 = Math.Min(0.95, spent2 + rng.NextDouble(0.20, 0.30));
        double[] spentShare = [spent1, spent2, spent3, 1.0];

        for (var quarter = 1; quarter <= QuartersPerYear; quarter++)
        {
            var report = reports[firstReport + quarter - 1];
            var quality = qualityBase + (0.8 * (quarter - 1)) + (1.5 * yearIndex) + (rng.NextNormal() * 3);
            var qualityMissing = rng.Chance(0.012);
            achievements.Add(new Achievement
            {
                Id = achievements.Count + 1,
                RegionId = plan.RegionId,
                IndicatorId = plan.IndicatorId,
                Year = plan.Year,
                Quarter = quarter,
                ReportId = report.Id,
                OpdId = plan.OpdId,
                Target = plan.Target,
                Served = (long)Math.Round(servedInYear * servedShare[quarter - 1], MidpointRounding.AwayFromZero),
                QualityRate = plan.Target == 0 || qualityMissing ? null : Math.Round(Math.Clamp(quality, 0, 100) * 10, MidpointRounding.AwayFromZero) / 10,
                // The quarter's own spending: the rise of the cumulative realisation since the previous quarter.
                BudgetRealized = RoundDownTo(plan.BudgetAllocated * realization * spentShare[quarter - 1], 1_000)
                    - (quarter == 1 ? 0 : RoundDownTo(plan.BudgetAllocated * realization * spentShare[quarter - 2], 1_000)),
                Status = report.Status,
                SubmittedAt = report.SubmittedAt,
                VerifiedAt = report.VerifiedAt,
            });
        }
    }

    private static long RoundTo(double value, long step) =>
        (long)Math.Round(value / step, MidpointRounding.AwayFromZero) * step;

    private static long RoundDownTo(double value, long step) => (long)Math.Floor(value / step) * step;

    private static long RoundUpTo(double value, long step) => (long)Math.Ceiling(value / step) * step;
}
