using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Plans;

public sealed class PlanQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ConnectionGraphType<PlanGraphType, Plan>>>("plans")
            .Description("Action-plan lines, by year, region and indicator.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                await using var db = await Db.OpenAsync(ctx);
                return await db.Plans.AsNoTracking().OrderBy(p => p.Year).ThenBy(p => p.RegionId).ThenBy(p => p.IndicatorId).ToPageAsync(ctx);
            });
    }
}
