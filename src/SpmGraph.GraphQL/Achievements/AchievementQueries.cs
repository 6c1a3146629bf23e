using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Achievements;

public sealed class AchievementQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ConnectionGraphType<AchievementGraphType, Achievement>>>("achievements")
            .Description("Quarterly achievement rows, by year, quarter, region and indicator.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                await using var db = await Db.OpenAsync(ctx);
                return await db.Achievements.AsNoTracking()
                    .OrderBy(a => a.Year).ThenBy(a => a.Quarter).ThenBy(a => a.RegionId).ThenBy(a => a.IndicatorId)
                    .ToPageAsync(ctx);
            });
    }
}
