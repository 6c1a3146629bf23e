using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Opds;

/// <summary>An OPD's queryable fields, described once for its filter and its sort input.</summary>
internal static class OpdQueryableFields
{
    public static readonly QueryableFields<Opd> All = new QueryableFields<Opd>()
        .Field("name", o => o.Name)
        .ScalarList<SectorCode, EnumOperationFilterInputGraphType<SectorCodeGraphType>>("sectors", o => o.Sectors.Select(s => s.Sector))
        .Relation<Region, RegionFilterInputGraphType, RegionSortInputGraphType>("region", o => o.Region);
}

public sealed class OpdFilterInputGraphType() : FilterInputGraphType<Opd>("OpdFilterInput", OpdQueryableFields.All);

public sealed class OpdSortInputGraphType() : SortInputGraphType<Opd>("OpdSortInput", OpdQueryableFields.All);
