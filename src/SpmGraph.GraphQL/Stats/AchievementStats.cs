using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Scoring;
using SpmGraph.QueryConventions.Filtering;

namespace SpmGraph.GraphQL.Stats;

/// <summary>A group of capaian rows with its measures (only those asked for are computed).</summary>
public sealed class AchievementStatsRow : StatsRow
{
    public int Count { get; set; }

    public int RegionCount { get; set; }

    public long Target { get; set; }

    public long Served { get; set; }

    public double? AchievementRate { get; set; }

    public double? MeanRegionRate { get; set => field = Mean(value); }

    public double? MinRate { get; set; }

    public double? MaxRate { get; set; }

    public int CompleteCount { get; set; }

    public double? QualityRate { get; set => field = Mean(value); }

    public double? SpmIndex { get; set => field = Mean(value); }
}

/// <summary>The SPM measures over achievement rows, defined once, computed by the database.</summary>
public static class AchievementStats
{
    public static StatsDefinition<Achievement, AchievementStatsRow> Definition { get; } = new StatsDefinition<Achievement, AchievementStatsRow>()
        .Dimension(StatsDimension.Region, a => a.RegionId)
        .Dimension(StatsDimension.Province, a => a.Region!.ParentId ?? a.RegionId)
        .Dimension(StatsDimension.RegionKind, a => a.Region!.Kind)
        .Dimension(StatsDimension.Sector, a => a.Indicator!.Sector)
        .Dimension(StatsDimension.Indicator, a => a.IndicatorId)
        .Dimension(StatsDimension.Year, a => a.Year)
        .Dimension(StatsDimension.Quarter, a => a.Quarter)
        .Dimension(StatsDimension.Opd, a => a.OpdId)
        .Measure(r => r.Count, _ => g => g.Count())
        .Measure(r => r.RegionCount, _ => g => g.Select(a => a.RegionId).Distinct().Count())
        .Measure(r => r.Target, _ => g => g.Sum(a => a.Target))
        .Measure(r => r.Served, _ => g => g.Sum(a => a.Served))
        .Measure(r => r.AchievementRate, _ => g => g.Sum(a => a.Target) == 0 ? null : g.Sum(a => a.Served) * 100.0 / g.Sum(a => a.Target))
        .Measure(r => r.MeanRegionRate, _ => g => g.Average(a => a.Target > 0 ? a.Served * 100.0 / a.Target : (double?)null))
        .Measure(r => r.MinRate, _ => g => g.Min(a => a.Target > 0 ? a.Served * 100.0 / a.Target : (double?)null))
        .Measure(r => r.MaxRate, _ => g => g.Max(a => a.Target > 0 ? a.Served * 100.0 / a.Target : (double?)null))
        .Measure(r => r.CompleteCount, _ => g => g.Count(a => a.Target > 0 && a.Served >= a.Target))
        .Measure(r => r.QualityRate, _ => g => g.Average(a => a.QualityRate))
        .Measure(r => r.SpmIndex, SpmIndex)
        .Derived("band", "spmIndex");

    /// <summary>Mean of the rows' indices: weights x min(rate, 100) + weights x quality; rows without one left out.</summary>
    private static System.Linq.Expressions.Expression<Func<IGrouping<StatsKey, Achievement>, double?>> SpmIndex(ScoringScheme scheme)
    {
        // Locals, so EF Core sends the weights as parameters.
        var recipientWeight = scheme.RecipientWeight;
        var qualityWeight = scheme.QualityWeight;
        return g => g.Average(a => a.Target > 0 && a.QualityRate != null
            ? (recipientWeight * (a.Served >= a.Target ? 100.0 : a.Served * 100.0 / a.Target)) + (qualityWeight * a.QualityRate)
            : null);
    }
}

public sealed class AchievementDimensionGraphType : StatsDimensionGraphType
{
    public AchievementDimensionGraphType()
        : base("AchievementDimension", StatsDimension.Region, StatsDimension.Province, StatsDimension.RegionKind, StatsDimension.Sector,
            StatsDimension.Indicator, StatsDimension.Year, StatsDimension.Quarter, StatsDimension.Opd)
    {
    }
}

public sealed class AchievementStatsGraphType : ObjectGraphType<AchievementStatsRow>
{
    public AchievementStatsGraphType()
    {
        Name = "AchievementStats";
        Description = "A group of quarterly achievement rows and its measures. Rates and indices are percentages.";
        Field<NonNullGraphType<StatsKeyGraphType>>("key").Resolve(ctx => ctx.Source);
        Field(r => r.Count).Description("Achievement rows in the group.");
        Field(r => r.RegionCount).Description("Distinct regions in the group.");
        Field(r => r.Target).Description("Sum of targets.");
        Field(r => r.Served).Description("Sum of served (cumulative to each row's quarter).");
        Field(r => r.AchievementRate, nullable: true).Description("Pooled: sum(served) / sum(target) x 100; null when the targets sum to 0.");
        Field(r => r.MeanRegionRate, nullable: true).Description("Mean over rows of served / target x 100 (rows with target 0 left out).");
        Field(r => r.MinRate, nullable: true).Description("Lowest row rate (rows with target 0 left out).");
        Field(r => r.MaxRate, nullable: true).Description("Highest row rate (rows with target 0 left out).");
        Field(r => r.CompleteCount).Description("Rows with served >= target (target > 0).");
        Field(r => r.QualityRate, nullable: true).Description("Mean qualityRate (rows without one left out).");
        Field(r => r.SpmIndex, nullable: true).Description("Mean of the rows' spmIndex (rows without one left out), with the scheme below.");
        Field<StringGraphType>("band")
            .Description("The scheme's band of spmIndex, e.g. TUNTAS_MADYA.")
            .ResolveAsync(async ctx => (await ctx.Loader<ScoringSchemeCatalog>().ByIdAsync(ctx.Source.SchemeId))?.BandFor(ctx.Source.SpmIndex)?.Code);
        Field<NonNullGraphType<ScoringSchemeGraphType>>("scheme")
            .Description("The scoring scheme that produced spmIndex and band.")
            .ResolveAsync(async ctx => await ctx.Loader<ScoringSchemeCatalog>().ByIdAsync(ctx.Source.SchemeId));
    }
}

public sealed class AchievementStatsHavingInputGraphType : FilterInputGraphType<AchievementStatsRow>
{
    public AchievementStatsHavingInputGraphType()
        : base("AchievementStatsHavingInput", "Conditions on a group's measures; all given must hold.")
    {
        Field("count", r => r.Count);
        Field("regionCount", r => r.RegionCount);
        Field("target", r => r.Target);
        Field("served", r => r.Served);
        Field("achievementRate", r => r.AchievementRate);
        Field("meanRegionRate", r => r.MeanRegionRate);
        Field("minRate", r => r.MinRate);
        Field("maxRate", r => r.MaxRate);
        Field("completeCount", r => r.CompleteCount);
        Field("qualityRate", r => r.QualityRate);
        Field("spmIndex", r => r.SpmIndex);
    }
}

public sealed class AchievementStatsSortInputGraphType : StatsSortInputGraphType<AchievementStatsRow>
{
    public AchievementStatsSortInputGraphType()
        : base("AchievementStatsSortInput")
    {
        Field("count", r => r.Count);
        Field("regionCount", r => r.RegionCount);
        Field("target", r => r.Target);
        Field("served", r => r.Served);
        Field("achievementRate", r => r.AchievementRate);
        Field("meanRegionRate", r => r.MeanRegionRate);
        Field("minRate", r => r.MinRate);
        Field("maxRate", r => r.MaxRate);
        Field("completeCount", r => r.CompleteCount);
        Field("qualityRate", r => r.QualityRate);
        Field("spmIndex", r => r.SpmIndex);
    }
}
