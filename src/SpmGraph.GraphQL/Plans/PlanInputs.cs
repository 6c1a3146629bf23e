using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Opds;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Plans;

public sealed class PlanFilterInputGraphType : FilterInputGraphType<Plan>
{
    public PlanFilterInputGraphType()
        : base("PlanFilterInput")
    {
        Field("year", p => p.Year);
        Field("target", p => p.Target);
        Field("unitCost", p => p.UnitCost);
        Field("budgetNeeded", p => p.BudgetNeeded);
        Field("budgetAllocated", p => p.BudgetAllocated);
        Field("budgetGap", PlanExpressions.BudgetGap);
        Field("unbudgeted", PlanExpressions.Unbudgeted);
        Field("programCode", p => p.ProgramCode);
        Field("planPeriod", p => p.PlanPeriod);
        Relation<Region, RegionFilterInputGraphType>("region", p => p.Region);
        Relation<Indicator, IndicatorFilterInputGraphType>("indicator", p => p.Indicator);
        Relation<Opd, OpdFilterInputGraphType>("opd", p => p.Opd);
    }
}

public sealed class PlanSortInputGraphType : SortInputGraphType<Plan>
{
    public PlanSortInputGraphType()
        : base("PlanSortInput")
    {
        Field("year", p => p.Year);
        Field("target", p => p.Target);
        Field("unitCost", p => p.UnitCost);
        Field("budgetNeeded", p => p.BudgetNeeded);
        Field("budgetAllocated", p => p.BudgetAllocated);
        Field("budgetGap", PlanExpressions.BudgetGap);
        Field("unbudgeted", PlanExpressions.Unbudgeted);
        Field("programCode", p => p.ProgramCode);
        Relation<Region, RegionSortInputGraphType>("region", p => p.Region);
        Relation<Indicator, IndicatorSortInputGraphType>("indicator", p => p.Indicator);
        Relation<Opd, OpdSortInputGraphType>("opd", p => p.Opd);
    }
}

/// <summary>The plan's derived figures as SQL-translatable expressions (the domain's rules; the entity computes the same in memory).</summary>
internal static class PlanExpressions
{
    public static readonly System.Linq.Expressions.Expression<Func<Plan, long>> BudgetGap = Domain.Rules.EntityRules.BudgetGap;

    public static readonly System.Linq.Expressions.Expression<Func<Plan, bool>> Unbudgeted = Domain.Rules.EntityRules.Unbudgeted;
}
