using SpmGraph.Domain.Model;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Indicators;

public sealed class IndicatorFilterInputGraphType : FilterInputGraphType<Indicator>
{
    public IndicatorFilterInputGraphType()
        : base("IndicatorFilterInput")
    {
        Field("code", i => i.Code);
        Field("name", i => i.Name);
        Field("sector", i => i.Sector, typeof(EnumOperationFilterInputGraphType<SectorCodeGraphType>));
        Field("level", i => i.Level, typeof(EnumOperationFilterInputGraphType<IndicatorLevelGraphType>));
        Field("recipient", i => i.Recipient);
        Field("legalBasis", i => i.LegalBasis);
        Field("unit", i => i.Unit);
    }
}

public sealed class IndicatorSortInputGraphType : SortInputGraphType<Indicator>
{
    public IndicatorSortInputGraphType()
        : base("IndicatorSortInput")
    {
        Field("code", i => i.Code);
        Field("name", i => i.Name);
        Field("sector", i => i.Sector);
        Field("level", i => i.Level);
        Field("recipient", i => i.Recipient);
    }
}
