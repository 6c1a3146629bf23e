using System.Linq.Expressions;
using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Rules;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Scoring;

namespace SpmGraph.GraphQL.Stats;

/// <summary>A group of capaian rows with its measures (only those asked for are computed).</summary>
public sealed class AchievementStatsRow : StatsRow
{
    public int Count { get; set; }

    public int RegionCount { get; set; }

    public long Target { get; set; }

    public long Served { get; set; }

    public long ServedInQuarter { get; set; }

    public long BudgetRealized { get; set; }

    public double? AchievementRate { get; set; }

    public double? MeanRegionRate { get; set => field = Mean(value); }

    public double? MinRate { get; set; }

    public double? MaxRate { get; set; }

    public int CompleteCount { get; set; }

    public double? QualityRate { get; set => field = Mean(value); }

    public double? SpmIndex { get; set => field = Mean(value); }
}

/// <summary>The SPM measures over achievement rows: the catalog each field, input and sort key is generated from.</summary>
public static class AchievementStats
{
    private const string YearToDate = " Reads each series' latest quarter in the selection (year-to-date), never the sum of its quarters.";

    // Before Definition: static fields initialise in order.
    private static readonly Expression<Func<IEnumerable<Achievement>, double?>> PooledRate =
        Inline.Apply<IEnumerable<Achievement>, double?>(SpmRules.Rate, g => g.Sum(a => a.Served), g => g.Sum(a => a.Target));

    public static StatsDefinition<Achievement, AchievementStatsRow> Definition { get; } = new StatsDefinition<Achievement, AchievementStatsRow>(
            "AchievementStats",
            "A group of quarterly achievement rows and its measures. Rates and indices are percentages. served is cumulative within a year, "
            + "so measures built on target or served take each row series' (region, indicator, year) latest quarter in the selection: "
            + "groupBy: [YEAR] over 2024 equals the sums of 2024's Q4 rows. Series of different years add up; servedInQuarter and budgetRealized are flows and add up over quarters.")
        .WithScheme()
        .Periods(a => a.Year, a => a.Quarter)
        .CumulativeSeries(
            selection =>
                from a in selection
                join last in from b in selection
                             group b by new { b.RegionId, b.IndicatorId, b.Year } into series
                             select new { series.Key.RegionId, series.Key.IndicatorId, series.Key.Year, Quarter = series.Max(b => b.Quarter) }
                    on new { a.RegionId, a.IndicatorId, a.Year } equals new { last.RegionId, last.IndicatorId, last.Year }
                select new StatsFlagged<Achievement> { Row = a, Latest = a.Quarter == last.Quarter },
            fixedBy: "quarter")
        .Dimension(StatsDimension.Region, a => a.RegionId)
        .Dimension(StatsDimension.Province, a => a.Region!.ParentId ?? a.RegionId)
        .Dimension(StatsDimension.RegionKind, a => a.Region!.Kind)
        .Dimension(StatsDimension.Sector, a => a.Indicator!.Sector)
        .Dimension(StatsDimension.Indicator, a => a.IndicatorId)
        .Dimension(StatsDimension.Year, a => a.Year)
        .Dimension(StatsDimension.Quarter, a => a.Quarter)
        .Dimension(StatsDimension.Opd, a => a.OpdId)
        .Measure(r => r.Count, "Achievement rows in the group (every quarter of a series counts).", g => g.Count())
        .Measure(r => r.RegionCount, "Distinct regions in the group.", g => g.Select(a => a.RegionId).Distinct().Count())
        .Measure(r => r.Target, "Sum of targets (each year's entitled population)." + YearToDate, g => g.Sum(a => a.Target), cumulative: true)
        .Measure(r => r.Served, "Sum of served (cumulative within the year)." + YearToDate, g => g.Sum(a => a.Served), cumulative: true)
        .Measure(r => r.ServedInQuarter, "Sum of the rows' servedInQuarter (served in the quarter itself: served minus the previous quarter's); a flow that adds up over quarters.", c => ServedInQuarter(c.Visible))
        .Measure(r => r.BudgetRealized, "Sum of budget realised in the rows' quarters, whole rupiah; a flow that adds up over quarters.", g => g.Sum(a => a.BudgetRealized))
        .Measure(r => r.AchievementRate, "Pooled: sum(served) / sum(target) x 100; null when the targets sum to 0." + YearToDate, PooledRate, cumulative: true)
        .Measure(r => r.MeanRegionRate, "Mean over rows of served / target x 100 (rows with target 0 left out)." + YearToDate, GroupRows<Achievement>.Average(EntityRules.AchievementRate), cumulative: true)
        .Measure(r => r.MinRate, "Lowest row rate (rows with target 0 left out)." + YearToDate, GroupRows<Achievement>.Min(EntityRules.AchievementRate), cumulative: true)
        .Measure(r => r.MaxRate, "Highest row rate (rows with target 0 left out)." + YearToDate, GroupRows<Achievement>.Max(EntityRules.AchievementRate), cumulative: true)
        .Measure(r => r.CompleteCount, "Rows with served >= target (target > 0)." + YearToDate, GroupRows<Achievement>.Count(EntityRules.AchievementComplete), cumulative: true)
        .Measure(r => r.QualityRate, "Mean qualityRate over the group's rows (rows without one left out).", g => g.Average(a => a.QualityRate))
        .Measure(r => r.SpmIndex, "Mean of the rows' spmIndex (rows without one left out), with the scheme below." + YearToDate, c => GroupRows<Achievement>.Average(EntityRules.AchievementIndex(c.Scheme.RecipientWeight, c.Scheme.QualityWeight, c.Scheme.CapRecipientRate)), cumulative: true)
        .RollUp(new StatsRollup<Achievement, AchievementRollup, AchievementStatsRow>((db, bySector) => db.Set<AchievementRollup>().Where(r => r.BySector == bySector))
            .Key(a => a.RegionId, r => r.RegionId)
            .Key(a => a.Region, r => r.Region)
            .Key(a => a.Year, r => r.Year)
            .Key(a => a.Quarter, r => r.Quarter)
            .Key(a => a.Status, r => r.Status)
            .Key(a => a.Indicator!.Sector, r => r.Sector!.Value, detailed: true)
            .Required(a => a.Indicator)
            .Measure(r => r.Count, g => g.Sum(r => r.RowCount))
            .Measure(r => r.RegionCount, g => g.Select(r => r.RegionId).Distinct().Count())
            .Measure(r => r.Target, g => g.Sum(r => r.Target))
            .Measure(r => r.Served, g => g.Sum(r => r.Served))
            .Measure(r => r.BudgetRealized, g => g.Sum(r => r.BudgetRealized))
            .Measure(r => r.AchievementRate, Inline.Apply<IEnumerable<AchievementRollup>, double?>(SpmRules.Rate, g => g.Sum(r => r.Served), g => g.Sum(r => r.Target)))
            .Measure(r => r.MeanRegionRate, g => g.Sum(r => r.RatedCount) == 0 ? null : g.Sum(r => r.RateSum) / g.Sum(r => r.RatedCount))
            .Measure(r => r.MinRate, g => g.Min(r => r.MinRate))
            .Measure(r => r.MaxRate, g => g.Max(r => r.MaxRate))
            .Measure(r => r.CompleteCount, g => g.Sum(r => r.CompleteCount))
            .Measure(r => r.QualityRate, g => g.Sum(r => r.QualityCount) == 0 ? null : g.Sum(r => r.QualitySum) / g.Sum(r => r.QualityCount))
            .Measure(r => r.SpmIndex, RolledUpIndex))
        .Field("band", ["spmIndex"], type => type.Field<StringGraphType>("band")
            .Description("The scheme's band of spmIndex, e.g. TUNTAS_MADYA.")
            .ResolveAsync(async ctx => (await ctx.Service<ScoringSchemeCatalog>().ByIdAsync(ctx.Source.SchemeId))?.BandFor(ctx.Source.SpmIndex)?.Code))
        .Field("scheme", [], type => type.Field<NonNullGraphType<ScoringSchemeGraphType>>("scheme")
            .Description("The scoring scheme that produced spmIndex and band.")
            .ResolveAsync(async ctx => await ctx.Service<ScoringSchemeCatalog>().ByIdAsync(ctx.Source.SchemeId)));

    /// <summary>
    /// The mean index of the rollups' rows: the rule is linear in its weights, so it is the rule applied to the
    /// mean recipient part (capped per row when the scheme caps) and the mean quality part.
    /// </summary>
    private static Expression<Func<IEnumerable<AchievementRollup>, double?>> RolledUpIndex(ScoringScheme scheme)
    {
        Expression<Func<IEnumerable<AchievementRollup>, double>> recipient = scheme.CapRecipientRate
            ? g => g.Sum(r => r.IndexedCappedRateSum)
            : g => g.Sum(r => r.IndexedRateSum);
        Expression<Func<IEnumerable<AchievementRollup>, double>> quality = g => g.Sum(r => r.IndexedQualitySum);
        Expression<Func<IEnumerable<AchievementRollup>, int>> count = g => g.Sum(r => r.IndexedCount);
        var g = Expression.Parameter(typeof(IEnumerable<AchievementRollup>), "g");
        var n = Expression.Convert(Inline.Body(count, g), typeof(double));
        var index = Inline.Body(
            SpmRules.Index,
            Expression.Convert(Expression.Divide(Inline.Body(recipient, g), n), typeof(double?)),
            Expression.Convert(Expression.Divide(Inline.Body(quality, g), n), typeof(double?)),
            Expression.Constant(scheme.RecipientWeight),
            Expression.Constant(scheme.QualityWeight),
            Expression.Constant(false));
        var none = Expression.Equal(Inline.Body(count, g), Expression.Constant(0));
        return Expression.Lambda<Func<IEnumerable<AchievementRollup>, double?>>(Expression.Condition(none, Expression.Constant(null, typeof(double?)), index), g);
    }

    /// <summary>Served in each row's own quarter: its served minus that of the latest earlier quarter of its series the caller may read.</summary>
    private static Expression<Func<IEnumerable<Achievement>, long>> ServedInQuarter(IQueryable<Achievement> visible) =>
        g => g.Sum(a => a.Served - (visible
            .Where(b => b.RegionId == a.RegionId && b.IndicatorId == a.IndicatorId && b.Year == a.Year && b.Quarter < a.Quarter)
            .OrderByDescending(b => b.Quarter)
            .Select(b => (long?)b.Served)
            .FirstOrDefault() ?? 0L));
}

public sealed class AchievementDimensionGraphType() : StatsDimensionGraphType<AchievementStatsRow>(AchievementStats.Definition);

public sealed class AchievementStatsKeyGraphType() : StatsKeyGraphType<AchievementStatsRow>(AchievementStats.Definition);

public sealed class AchievementStatsGraphType() : StatsGraphType<AchievementStatsRow>(AchievementStats.Definition, typeof(AchievementStatsKeyGraphType), typeof(AchievementStatsChangeGraphType));

public sealed class AchievementStatsChangeGraphType() : StatsChangeGraphType<AchievementStatsRow>(AchievementStats.Definition);

public sealed class AchievementStatsHavingInputGraphType() : StatsHavingInputGraphType<AchievementStatsRow>(AchievementStats.Definition);

public sealed class AchievementStatsSortInputGraphType() : StatsSortInputGraphType<AchievementStatsRow>(AchievementStats.Definition);
