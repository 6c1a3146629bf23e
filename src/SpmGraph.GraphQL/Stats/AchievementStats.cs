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
        .Measure(r => r.CompleteCount, "Rows with served >= target (target > 0)." + YearToDate, g => g.Count(a => a.Target > 0 && a.Served >= a.Target), cumulative: true)
        .Measure(r => r.QualityRate, "Mean qualityRate over the group's rows (rows without one left out).", g => g.Average(a => a.QualityRate))
        .Measure(r => r.SpmIndex, "Mean of the rows' spmIndex (rows without one left out), with the scheme below." + YearToDate, c => GroupRows<Achievement>.Average(Index(c.Scheme)), cumulative: true)
        .Field("band", ["spmIndex"], type => type.Field<StringGraphType>("band")
            .Description("The scheme's band of spmIndex, e.g. TUNTAS_MADYA.")
            .ResolveAsync(async ctx => (await ctx.Service<ScoringSchemeCatalog>().ByIdAsync(ctx.Source.SchemeId))?.BandFor(ctx.Source.SpmIndex)?.Code))
        .Field("scheme", [], type => type.Field<NonNullGraphType<ScoringSchemeGraphType>>("scheme")
            .Description("The scoring scheme that produced spmIndex and band.")
            .ResolveAsync(async ctx => await ctx.Service<ScoringSchemeCatalog>().ByIdAsync(ctx.Source.SchemeId)));

    /// <summary>A row's index with the scheme's weights: the domain rule, with the scheme's numbers as constants.</summary>
    private static Expression<Func<Achievement, double?>> Index(ScoringScheme scheme)
    {
        var a = Expression.Parameter(typeof(Achievement), "a");
        var body = Inline.Body(
            SpmRules.Index,
            Inline.Body(EntityRules.AchievementRate, a),
            Expression.Property(a, nameof(Achievement.QualityRate)),
            Expression.Constant(scheme.RecipientWeight),
            Expression.Constant(scheme.QualityWeight),
            Expression.Constant(scheme.CapRecipientRate));
        return Expression.Lambda<Func<Achievement, double?>>(body, a);
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
