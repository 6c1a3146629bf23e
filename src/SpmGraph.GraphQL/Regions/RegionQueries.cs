using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.QueryConventions;

namespace SpmGraph.GraphQL.Regions;

public sealed class RegionQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<RegionGraphType>("region")
            .Description("One region by Kemendagri code, e.g. \"19\" or \"19.71\"; null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("code");
                await using var db = await ctx.OpenDbAsync();
                return await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ctx.CancellationToken);
            });
        query.Connection<object?, RegionGraphType, Region>("regions", (db, _) => db.Set<Region>(), c => c
                .Filter<RegionFilterInputGraphType>().Sort<RegionSortInputGraphType>().DefaultOrderBy(r => r.Code).Key(r => r.Id))
            .Description("Provinces and kabupaten/kota (by code unless `order` says otherwise).");
    }
}
