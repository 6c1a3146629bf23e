using System.Linq.Expressions;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Rules;

namespace SpmGraph.GraphQL.Stats;

/// <summary>A group of action-plan lines and its budget measures (whole rupiah).</summary>
public sealed class PlanStatsRow : StatsRow
{
    public int Count { get; set; }

    public int RegionCount { get; set; }

    public long Target { get; set; }

    public long BudgetNeeded { get; set; }

    public long BudgetAllocated { get; set; }

    public long BudgetGap { get; set; }

    public int UnbudgetedCount { get; set; }

    public double? UnbudgetedRate { get; set; }
}

public static class PlanStats
{
    public static StatsDefinition<Plan, PlanStatsRow> Definition { get; } = new StatsDefinition<Plan, PlanStatsRow>(
            "PlanStats", "A group of action-plan lines and its budget measures, in whole rupiah.")
        .Dimension(StatsDimension.Region, p => p.RegionId)
        .Dimension(StatsDimension.Province, p => p.Region!.ParentId ?? p.RegionId)
        .Dimension(StatsDimension.RegionKind, p => p.Region!.Kind)
        .Dimension(StatsDimension.Sector, p => p.Indicator!.Sector)
        .Dimension(StatsDimension.Indicator, p => p.IndicatorId)
        .Dimension(StatsDimension.Year, p => p.Year)
        .Dimension(StatsDimension.Opd, p => p.OpdId)
        .Measure(r => r.Count, "Plan lines in the group.", g => g.Count())
        .Measure(r => r.RegionCount, "Distinct regions in the group.", g => g.Select(p => p.RegionId).Distinct().Count())
        .Measure(r => r.Target, "Sum of planned targets.", g => g.Sum(p => p.Target))
        .Measure(r => r.BudgetNeeded, "Sum of budget needed.", g => g.Sum(p => p.BudgetNeeded))
        .Measure(r => r.BudgetAllocated, "Sum of budget allocated.", g => g.Sum(p => p.BudgetAllocated))
        .Measure(r => r.BudgetGap, "Sum of each line's gap (needed - allocated, never negative), so surpluses do not hide gaps.", GroupRows<Plan>.Sum(EntityRules.BudgetGap))
        .Measure(r => r.UnbudgetedCount, "Lines with budgetAllocated < budgetNeeded (tidak teranggarkan).", GroupRows<Plan>.Count(EntityRules.Unbudgeted))
        .Measure(r => r.UnbudgetedRate, "unbudgetedCount / count x 100.", UnbudgetedRate);

    private static Expression<Func<IEnumerable<Plan>, double?>> UnbudgetedRate =>
        Inline.Apply<IEnumerable<Plan>, double?>(SpmRules.Rate, GroupRows<Plan>.Count(EntityRules.Unbudgeted), (Expression<Func<IEnumerable<Plan>, int>>)(g => g.Count()));
}

public sealed class PlanDimensionGraphType() : StatsDimensionGraphType<PlanStatsRow>(PlanStats.Definition);

public sealed class PlanStatsKeyGraphType() : StatsKeyGraphType<PlanStatsRow>(PlanStats.Definition);

public sealed class PlanStatsGraphType() : StatsGraphType<PlanStatsRow>(PlanStats.Definition, typeof(PlanStatsKeyGraphType));

public sealed class PlanStatsHavingInputGraphType() : StatsHavingInputGraphType<PlanStatsRow>(PlanStats.Definition);

public sealed class PlanStatsSortInputGraphType() : StatsSortInputGraphType<PlanStatsRow>(PlanStats.Definition);
