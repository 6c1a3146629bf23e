using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Indicators;

public sealed class IndicatorQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorGraphType>>>>("sectors")
            .Description("The six bidang, in PP 2/2018 order.")
            .ResolveAsync(async ctx =>
            {
                await using var db = await Db.OpenAsync(ctx);
                return await db.Sectors.AsNoTracking().OrderBy(s => s.Ordinal).ToListAsync(ctx.CancellationToken);
            });
        query.Field<NonNullGraphType<ConnectionGraphType<IndicatorGraphType, Indicator>>>("indicators")
            .Description("The jenis pelayanan dasar catalog, by code.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                await using var db = await Db.OpenAsync(ctx);
                return await db.Indicators.AsNoTracking().OrderBy(i => i.Code).ToPageAsync(ctx);
            });
    }
}
