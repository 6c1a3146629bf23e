using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Opds;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Plans;

/// <summary>A plan's queryable fields, described once for its filter and its sort input.</summary>
internal static class PlanQueryableFields
{
    public static readonly QueryableFields<Plan> All = new QueryableFields<Plan>()
        .Field("year", p => p.Year)
        .Field("target", p => p.Target)
        .Field("unitCost", p => p.UnitCost)
        .Field("budgetNeeded", p => p.BudgetNeeded)
        .Field("budgetAllocated", p => p.BudgetAllocated)
        .Field("budgetGap", PlanExpressions.BudgetGap)
        .Field("unbudgeted", PlanExpressions.Unbudgeted)
        .Field("programCode", p => p.ProgramCode)
        .Field("planPeriod", p => p.PlanPeriod, sortable: false)
        .Relation<Region, RegionFilterInputGraphType, RegionSortInputGraphType>("region", p => p.Region)
        .Relation<Indicator, IndicatorFilterInputGraphType, IndicatorSortInputGraphType>("indicator", p => p.Indicator)
        .Relation<Opd, OpdFilterInputGraphType, OpdSortInputGraphType>("opd", p => p.Opd);
}

public sealed class PlanFilterInputGraphType() : FilterInputGraphType<Plan>("PlanFilterInput", PlanQueryableFields.All);

public sealed class PlanSortInputGraphType() : SortInputGraphType<Plan>("PlanSortInput", PlanQueryableFields.All);

/// <summary>The plan's derived figures as SQL-translatable expressions (the domain's rules; the entity computes the same in memory).</summary>
internal static class PlanExpressions
{
    public static readonly System.Linq.Expressions.Expression<Func<Plan, long>> BudgetGap = Domain.Rules.EntityRules.BudgetGap;

    public static readonly System.Linq.Expressions.Expression<Func<Plan, bool>> Unbudgeted = Domain.Rules.EntityRules.Unbudgeted;
}
