using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Stats;

/// <summary>Sort input of a stats field: the group keys first, then the field's measures.</summary>
public abstract class StatsSortInputGraphType<TRow> : SortInputGraphType<TRow>
    where TRow : StatsRow
{
    protected StatsSortInputGraphType(string name)
        : base(name, "Sort groups by a key or a measure. Region, province, indicator and OPD keys sort by id (code order for seeded regions).")
    {
        Field("region", r => r.RegionId);
        Field("province", r => r.ProvinceId);
        Field("regionKind", r => r.RegionKind);
        Field("sector", r => r.Sector);
        Field("indicator", r => r.IndicatorId);
        Field("year", r => r.Year);
        Field("quarter", r => r.Quarter);
        Field("opd", r => r.OpdId);
    }
}
