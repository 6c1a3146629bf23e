using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Opds;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Regions;

public sealed class RegionFilterInputGraphType : FilterInputGraphType<Region>
{
    public RegionFilterInputGraphType()
        : base("RegionFilterInput")
    {
        Field("code", r => r.Code);
        Field("name", r => r.Name);
        Field("kind", r => r.Kind, typeof(EnumOperationFilterInputGraphType<RegionKindGraphType>));
        Field("districtCount", r => r.DistrictCount);
        Field("villageCount", r => r.VillageCount);
        Relation<Region, RegionFilterInputGraphType>("parent", r => r.Parent, "The province of a kabupaten/kota; `parent: null` matches provinces.");
        List<Region, RegionFilterInputGraphType>("children", r => r.Children);
        List<Opd, OpdFilterInputGraphType>("opds", r => r.Opds);
    }
}

public sealed class RegionSortInputGraphType : SortInputGraphType<Region>
{
    public RegionSortInputGraphType()
        : base("RegionSortInput")
    {
        Field("code", r => r.Code);
        Field("name", r => r.Name);
        Field("kind", r => r.Kind);
        Field("districtCount", r => r.DistrictCount);
        Field("villageCount", r => r.VillageCount);
        Relation<Region, RegionSortInputGraphType>("parent", r => r.Parent);
    }
}
