using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Scoring;

public sealed class ScoringQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScoringSchemeGraphType>>>>("scoringSchemes")
            .Description("Every scoring scheme; the active one scores when a query names none.")
            .ResolveAsync(async ctx =>
            {
                await using var db = await ctx.OpenDbAsync();
                return await db.ScoringSchemes.AsNoTracking().Include(s => s.Bands)
                    .OrderBy(s => s.Code).ThenBy(s => s.Version).ToListAsync(ctx.CancellationToken);
            });
    }
}
