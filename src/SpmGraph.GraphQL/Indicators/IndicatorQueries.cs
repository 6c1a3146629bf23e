using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.QueryConventions;

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
                await using var db = await ctx.OpenDbAsync();
                return await db.Sectors.AsNoTracking().OrderBy(s => s.Ordinal).ToListAsync(ctx.CancellationToken);
            });
        query.Connection<object?, IndicatorGraphType, Indicator>("indicators", (db, _) => db.Set<Indicator>(), c => c
                .Filter<IndicatorFilterInputGraphType>().Sort<IndicatorSortInputGraphType>().DefaultOrderBy(i => i.Code).Key(i => i.Id))
            .Description("The jenis pelayanan dasar catalog (by code unless `order` says otherwise).");
    }
}
