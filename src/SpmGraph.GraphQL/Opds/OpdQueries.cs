using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Opds;

public sealed class OpdQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ConnectionGraphType<OpdGraphType, Opd>>>("opds")
            .Description("Regional agencies (OPD) of every region.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                await using var db = await Db.OpenAsync(ctx);
                return await db.Opds.AsNoTracking().OrderBy(o => o.Id).ToPageAsync(ctx);
            });
    }
}
