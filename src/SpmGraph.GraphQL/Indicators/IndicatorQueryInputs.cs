using SpmGraph.Domain.Model;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Indicators;

/// <summary>An indicator's queryable fields, described once for its filter and its sort input.</summary>
internal static class IndicatorQueryableFields
{
    public static readonly QueryableFields<Indicator> All = new QueryableFields<Indicator>()
        .Field("code", i => i.Code)
        .Field("name", i => i.Name)
        .Field("sector", i => i.Sector, typeof(EnumOperationFilterInputGraphType<SectorCodeGraphType>))
        .Field("level", i => i.Level, typeof(EnumOperationFilterInputGraphType<IndicatorLevelGraphType>))
        .Field("recipient", i => i.Recipient)
        .Field("legalBasis", i => i.LegalBasis, sortable: false)
        .Field("unit", i => i.Unit, sortable: false);
}

public sealed class IndicatorFilterInputGraphType() : FilterInputGraphType<Indicator>("IndicatorFilterInput", IndicatorQueryableFields.All);

public sealed class IndicatorSortInputGraphType() : SortInputGraphType<Indicator>("IndicatorSortInput", IndicatorQueryableFields.All);
