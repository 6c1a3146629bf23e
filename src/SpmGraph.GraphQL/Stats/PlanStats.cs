using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.QueryConventions.Filtering;

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
    public static StatsDefinition<Plan, PlanStatsRow> Definition { get; } = new StatsDefinition<Plan, PlanStatsRow>()
        .Dimension(StatsDimension.Region, p => p.RegionId)
        .Dimension(StatsDimension.Province, p => p.Region!.ParentId ?? p.RegionId)
        .Dimension(StatsDimension.RegionKind, p => p.Region!.Kind)
        .Dimension(StatsDimension.Sector, p => p.Indicator!.Sector)
        .Dimension(StatsDimension.Indicator, p => p.IndicatorId)
        .Dimension(StatsDimension.Year, p => p.Year)
        .Dimension(StatsDimension.Opd, p => p.OpdId)
        .Measure(r => r.Count, _ => g => g.Count())
        .Measure(r => r.RegionCount, _ => g => g.Select(p => p.RegionId).Distinct().Count())
        .Measure(r => r.Target, _ => g => g.Sum(p => p.Target))
        .Measure(r => r.BudgetNeeded, _ => g => g.Sum(p => p.BudgetNeeded))
        .Measure(r => r.BudgetAllocated, _ => g => g.Sum(p => p.BudgetAllocated))
        .Measure(r => r.BudgetGap, _ => g => g.Sum(p => p.BudgetNeeded > p.BudgetAllocated ? p.BudgetNeeded - p.BudgetAllocated : 0L))
        .Measure(r => r.UnbudgetedCount, _ => g => g.Count(p => p.BudgetAllocated < p.BudgetNeeded))
        .Measure(r => r.UnbudgetedRate, _ => g => g.Count(p => p.BudgetAllocated < p.BudgetNeeded) * 100.0 / g.Count());
}

public sealed class PlanDimensionGraphType : StatsDimensionGraphType
{
    public PlanDimensionGraphType()
        : base("PlanDimension", StatsDimension.Region, StatsDimension.Province, StatsDimension.RegionKind, StatsDimension.Sector,
            StatsDimension.Indicator, StatsDimension.Year, StatsDimension.Opd)
    {
    }
}

public sealed class PlanStatsGraphType : ObjectGraphType<PlanStatsRow>
{
    public PlanStatsGraphType()
    {
        Name = "PlanStats";
        Description = "A group of action-plan lines and its budget measures, in whole rupiah.";
        Field<NonNullGraphType<StatsKeyGraphType>>("key").Resolve(ctx => ctx.Source);
        Field(r => r.Count).Description("Plan lines in the group.");
        Field(r => r.RegionCount).Description("Distinct regions in the group.");
        Field(r => r.Target).Description("Sum of planned targets.");
        Field(r => r.BudgetNeeded).Description("Sum of budget needed.");
        Field(r => r.BudgetAllocated).Description("Sum of budget allocated.");
        Field(r => r.BudgetGap).Description("Sum of each line's gap (needed - allocated, never negative), so surpluses do not hide gaps.");
        Field(r => r.UnbudgetedCount).Description("Lines with budgetAllocated < budgetNeeded (tidak teranggarkan).");
        Field(r => r.UnbudgetedRate, nullable: true).Description("unbudgetedCount / count x 100.");
    }
}

public sealed class PlanStatsHavingInputGraphType : FilterInputGraphType<PlanStatsRow>
{
    public PlanStatsHavingInputGraphType()
        : base("PlanStatsHavingInput", "Conditions on a group's measures; all given must hold.")
    {
        Field("count", r => r.Count);
        Field("regionCount", r => r.RegionCount);
        Field("target", r => r.Target);
        Field("budgetNeeded", r => r.BudgetNeeded);
        Field("budgetAllocated", r => r.BudgetAllocated);
        Field("budgetGap", r => r.BudgetGap);
        Field("unbudgetedCount", r => r.UnbudgetedCount);
        Field("unbudgetedRate", r => r.UnbudgetedRate);
    }
}

public sealed class PlanStatsSortInputGraphType : StatsSortInputGraphType<PlanStatsRow>
{
    public PlanStatsSortInputGraphType()
        : base("PlanStatsSortInput")
    {
        Field("count", r => r.Count);
        Field("regionCount", r => r.RegionCount);
        Field("target", r => r.Target);
        Field("budgetNeeded", r => r.BudgetNeeded);
        Field("budgetAllocated", r => r.BudgetAllocated);
        Field("budgetGap", r => r.BudgetGap);
        Field("unbudgetedCount", r => r.UnbudgetedCount);
        Field("unbudgetedRate", r => r.UnbudgetedRate);
    }
}
