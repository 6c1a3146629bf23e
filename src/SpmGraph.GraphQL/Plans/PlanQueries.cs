using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.QueryConventions;

namespace SpmGraph.GraphQL.Plans;

public sealed class PlanQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Connection<object?, PlanGraphType, Plan>("plans", (db, _) => db.Set<Plan>(), c => c
                .Filter<PlanFilterInputGraphType>().Sort<PlanSortInputGraphType>()
                .DefaultOrderBy(p => p.Year).DefaultOrderBy(p => p.RegionId).DefaultOrderBy(p => p.IndicatorId).Key(p => p.Id))
            .Description("Action-plan lines (by year, region and indicator unless `order` says otherwise).");
    }
}
