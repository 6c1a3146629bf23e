using GraphQL;
using GraphQL.Types;
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
                // From the regions in memory (read once per data version), as every linked region is: no statement.
                var code = ctx.GetArgument<string>("code");
                var regions = await ctx.Service<ReferenceRows<Region>>().GetAsync(ctx.Service<RequestDataVersion>(), ctx.CancellationToken);
                return regions.Values.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.Ordinal));
            });
        query.Connection<object?, RegionGraphType, Region>("regions", (db, _) => db.Set<Region>(), c => c
                .Filter<RegionFilterInputGraphType>().Sort<RegionSortInputGraphType>().DefaultOrderBy(r => r.Code).Key(r => r.Id)
                .KeptIn(ReferenceRows.Kept<Region>(), r => r.Parent))
            .Description("Provinces and kabupaten/kota (by code unless `order` says otherwise).");
    }
}
