using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions;

namespace SpmGraph.GraphQL.Achievements;

public sealed class AchievementQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Connection<object?, AchievementGraphType, Achievement>("achievements", (db, ctx) => db.Set<Achievement>().VisibleTo(ctx.Scope(), a => a.Status, a => a.Region!), c => c
                .Filter<AchievementFilterInputGraphType>().Sort<AchievementSortInputGraphType>()
                .DefaultOrderBy(a => a.Year).DefaultOrderBy(a => a.Quarter).DefaultOrderBy(a => a.RegionId).DefaultOrderBy(a => a.IndicatorId)
                .Key(a => a.Id))
            .Description("Quarterly achievement rows (by year, quarter, region and indicator unless `order` says otherwise).");
    }
}
