using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Opds;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Regions;

/// <summary>A region's queryable fields, described once for its filter and its sort input.</summary>
internal static class RegionQueryableFields
{
    public static readonly QueryableFields<Region> All = new QueryableFields<Region>()
        .Field("code", r => r.Code)
        .Field("name", r => r.Name)
        .Field("kind", r => r.Kind, typeof(EnumOperationFilterInputGraphType<RegionKindGraphType>))
        .Field("districtCount", r => r.DistrictCount)
        .Field("villageCount", r => r.VillageCount)
        .Relation<Region, RegionFilterInputGraphType, RegionSortInputGraphType>("parent", r => r.Parent, filterDescription: "The province of a kabupaten/kota; `parent: null` matches provinces.")
        .List<Region, RegionFilterInputGraphType>("children", r => r.Children)
        .List<Opd, OpdFilterInputGraphType>("opds", r => r.Opds);
}

public sealed class RegionFilterInputGraphType() : FilterInputGraphType<Region>("RegionFilterInput", RegionQueryableFields.All);

public sealed class RegionSortInputGraphType() : SortInputGraphType<Region>("RegionSortInput", RegionQueryableFields.All);
