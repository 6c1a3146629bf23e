using GraphQL.Types;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Opds;
using SpmGraph.GraphQL.Regions;

namespace SpmGraph.GraphQL.Stats;

/// <summary>The typed key of a group: only the dimensions grouped by are set, the rest are null.</summary>
public sealed class StatsKeyGraphType : ObjectGraphType<StatsRow>
{
    public StatsKeyGraphType()
    {
        Name = "StatsKey";
        Description = "The typed key of a group; fields of dimensions not grouped by are null.";
        Field<RegionGraphType>("region").Resolve(ctx => ctx.Source.RegionId is { } id ? ctx.Loader<RegionByIdLoader>().Load(id) : null);
        Field<RegionGraphType>("province")
            .Description("The province; a province's own rows belong to itself.")
            .Resolve(ctx => ctx.Source.ProvinceId is { } id ? ctx.Loader<RegionByIdLoader>().Load(id) : null);
        Field<RegionKindGraphType>("regionKind").Resolve(ctx => ctx.Source.RegionKind);
        Field<SectorCodeGraphType>("sector").Resolve(ctx => ctx.Source.Sector);
        Field<IndicatorGraphType>("indicator").Resolve(ctx => ctx.Source.IndicatorId is { } id ? ctx.Loader<IndicatorByIdLoader>().Load(id) : null);
        Field<IntGraphType>("year").Resolve(ctx => ctx.Source.Year);
        Field<IntGraphType>("quarter").Resolve(ctx => ctx.Source.Quarter);
        Field<OpdGraphType>("opd").Resolve(ctx => ctx.Source.OpdId is { } id ? ctx.Loader<OpdByIdLoader>().Load(id) : null);
    }
}

/// <summary>The dimensions one stats field offers, as a GraphQL enum (e.g. `AchievementDimension`).</summary>
public abstract class StatsDimensionGraphType : EnumerationGraphType
{
    protected StatsDimensionGraphType(string name, params StatsDimension[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        Name = name;
        Description = "What to group by; any combination, none for one group over everything.";
        foreach (var dimension in dimensions)
        {
            Add(Constant(dimension), dimension, Describe(dimension));
        }
    }

    private static string Constant(StatsDimension dimension) => dimension switch
    {
        StatsDimension.RegionKind => "REGION_KIND",
        _ => dimension.ToString().ToUpperInvariant(),
    };

    private static string Describe(StatsDimension dimension) => dimension switch
    {
        StatsDimension.Region => "The region (provinsi or kabupaten/kota) of the row.",
        StatsDimension.Province => "The region's province; a province's own rows belong to itself.",
        StatsDimension.RegionKind => "PROVINCE, REGENCY or CITY.",
        StatsDimension.Sector => "The bidang of the indicator.",
        StatsDimension.Indicator => "The jenis pelayanan dasar.",
        StatsDimension.Year => "The year.",
        StatsDimension.Quarter => "The triwulan (1-4).",
        StatsDimension.Opd => "The responsible OPD.",
        _ => dimension.ToString(),
    };
}
