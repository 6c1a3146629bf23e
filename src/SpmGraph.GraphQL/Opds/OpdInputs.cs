using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Opds;

public sealed class OpdFilterInputGraphType : FilterInputGraphType<Opd>
{
    public OpdFilterInputGraphType()
        : base("OpdFilterInput")
    {
        Field("name", o => o.Name);
        ScalarList<SectorCode, EnumOperationFilterInputGraphType<SectorCodeGraphType>>("sectors", o => o.Sectors.Select(s => s.Sector));
        Relation<Region, RegionFilterInputGraphType>("region", o => o.Region);
    }
}

public sealed class OpdSortInputGraphType : SortInputGraphType<Opd>
{
    public OpdSortInputGraphType()
        : base("OpdSortInput")
    {
        Field("name", o => o.Name);
        Relation<Region, RegionSortInputGraphType>("region", o => o.Region);
    }
}
