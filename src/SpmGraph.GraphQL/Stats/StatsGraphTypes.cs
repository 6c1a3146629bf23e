using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Opds;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Stats;

/// <summary>Everything about a dimension that is not per stats type: its names, key field and sort key.</summary>
internal static class StatsDimensions
{
    public static string Constant(StatsDimension dimension) => dimension == StatsDimension.RegionKind ? "REGION_KIND" : dimension.ToString().ToUpperInvariant();

    public static string FieldName(StatsDimension dimension) => char.ToLowerInvariant(dimension.ToString()[0]) + dimension.ToString()[1..];

    public static string Describe(StatsDimension dimension) => dimension switch
    {
        StatsDimension.Region => "The region (provinsi or kabupaten/kota) of the row.",
        StatsDimension.Province => "The region's province; a province's own rows belong to itself.",
        StatsDimension.RegionKind => "PROVINCE, REGENCY or CITY.",
        StatsDimension.Sector => "The bidang (field) of the indicator.",
        StatsDimension.Indicator => "The jenis pelayanan dasar (basic service type).",
        StatsDimension.Year => "The year.",
        StatsDimension.Quarter => "The triwulan (quarter, 1-4).",
        StatsDimension.Opd => "The responsible OPD (regional agency).",
        _ => dimension.ToString(),
    };

    /// <summary>Gives the visitor a dimension's key column (ids for regions, indicators and OPDs): a sort field, a tiebreak.</summary>
    public static void VisitKey<TRow>(IMeasureVisitor<TRow> visitor, StatsDimension dimension)
        where TRow : StatsRow
    {
        var name = FieldName(dimension);
        var description = Describe(dimension);
        switch (dimension)
        {
            case StatsDimension.RegionKind:
                visitor.Visit(name, r => r.RegionKind, description);
                break;
            case StatsDimension.Sector:
                visitor.Visit(name, r => r.Sector, description);
                break;
            default:
                var row = Expression.Parameter(typeof(TRow), "r");
                visitor.Visit(name, Expression.Lambda<Func<TRow, int?>>(Expression.Property(row, KeyProperty(dimension)), row), description);
                break;
        }
    }

    public static string KeyProperty(StatsDimension dimension) => dimension switch
    {
        StatsDimension.Region => nameof(StatsRow.RegionId),
        StatsDimension.Province => nameof(StatsRow.ProvinceId),
        StatsDimension.Indicator => nameof(StatsRow.IndicatorId),
        StatsDimension.Opd => nameof(StatsRow.OpdId),
        _ => dimension.ToString(),
    };

    public static void AddKeyField<TRow>(ObjectGraphType<TRow> key, StatsDimension dimension)
        where TRow : StatsRow
    {
        var name = FieldName(dimension);
        var description = Describe(dimension);
        switch (dimension)
        {
            case StatsDimension.Region:
                key.Field<RegionGraphType>(name).Description(description).Resolve(ctx => ctx.Source.RegionId is { } id ? ctx.Service<RegionByIdLoader>().Load(id) : null);
                break;
            case StatsDimension.Province:
                key.Field<RegionGraphType>(name).Description(description).Resolve(ctx => ctx.Source.ProvinceId is { } id ? ctx.Service<RegionByIdLoader>().Load(id) : null);
                break;
            case StatsDimension.RegionKind:
                key.Field<RegionKindGraphType>(name).Description(description).Resolve(ctx => ctx.Source.RegionKind);
                break;
            case StatsDimension.Sector:
                key.Field<SectorCodeGraphType>(name).Description(description).Resolve(ctx => ctx.Source.Sector);
                break;
            case StatsDimension.Indicator:
                key.Field<IndicatorGraphType>(name).Description(description).Resolve(ctx => ctx.Source.IndicatorId is { } id ? ctx.Service<IndicatorByIdLoader>().Load(id) : null);
                break;
            case StatsDimension.Year:
                key.Field<IntGraphType>(name).Description(description).Resolve(ctx => ctx.Source.Year);
                break;
            case StatsDimension.Quarter:
                key.Field<IntGraphType>(name).Description(description).Resolve(ctx => ctx.Source.Quarter);
                break;
            case StatsDimension.Opd:
                key.Field<OpdGraphType>(name).Description(description).Resolve(ctx => ctx.Source.OpdId is { } id ? ctx.Service<OpdByIdLoader>().Load(id) : null);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(dimension));
        }
    }
}

/// <summary>The typed key of a group: a field per dimension the stats type offers; those not grouped by are null.</summary>
public abstract class StatsKeyGraphType<TRow> : ObjectGraphType<TRow>
    where TRow : StatsRow
{
    protected StatsKeyGraphType(StatsType<TRow> stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        Name = stats.Name + "Key";
        Description = "The typed key of a group; fields of dimensions not grouped by are null.";
        foreach (var dimension in stats.Dimensions)
        {
            StatsDimensions.AddKeyField(this, dimension);
        }
    }
}

/// <summary>The dimensions one stats type offers, as a GraphQL enum (e.g. `AchievementDimension`).</summary>
public abstract class StatsDimensionGraphType<TRow> : EnumerationGraphType
    where TRow : StatsRow
{
    protected StatsDimensionGraphType(StatsType<TRow> stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        Name = stats.Name[..^"Stats".Length] + "Dimension";
        Description = "What to group by; any combination, none for one group over everything.";
        foreach (var dimension in stats.Dimensions)
        {
            Add(StatsDimensions.Constant(dimension), dimension, StatsDimensions.Describe(dimension));
        }
    }
}

/// <summary>`having`: conditions on a group's measures, one field per measure of the catalog.</summary>
public abstract class StatsHavingInputGraphType<TRow> : FilterInputGraphType<TRow>, IMeasureVisitor<TRow>
    where TRow : StatsRow
{
    protected StatsHavingInputGraphType(StatsType<TRow> stats)
        : base((stats ?? throw new ArgumentNullException(nameof(stats))).Name + "HavingInput", "Conditions on a group's measures; all given must hold.")
    {
        foreach (var measure in stats.Measures)
        {
            measure.Accept(this);
        }
    }

    void IMeasureVisitor<TRow>.Visit<TValue>(string name, Expression<Func<TRow, TValue>> value, string description) => Field(name, value, description);
}

/// <summary>`order` of groups: the keys of the type's dimensions, then every measure of the catalog.</summary>
public abstract class StatsSortInputGraphType<TRow> : SortInputGraphType<TRow>, IMeasureVisitor<TRow>
    where TRow : StatsRow
{
    protected StatsSortInputGraphType(StatsType<TRow> stats)
        : base((stats ?? throw new ArgumentNullException(nameof(stats))).Name + "SortInput", "Sort groups by a key or a measure. Region, province, indicator and OPD keys sort by id (code order for seeded regions).")
    {
        foreach (var dimension in stats.Dimensions)
        {
            StatsDimensions.VisitKey(this, dimension);
        }

        foreach (var measure in stats.Measures)
        {
            measure.Accept(this);
        }
    }

    void IMeasureVisitor<TRow>.Visit<TValue>(string name, Expression<Func<TRow, TValue>> value, string description) => Field(name, value, description);
}

/// <summary>A group and its measures: the key, a field per measure of the catalog, derived fields and the comparison with an earlier period.</summary>
public abstract class StatsGraphType<TRow> : ObjectGraphType<TRow>, IMeasureVisitor<TRow>
    where TRow : StatsRow
{
    protected StatsGraphType(StatsType<TRow> stats, Type keyGraphType, Type? changeGraphType = null)
    {
        ArgumentNullException.ThrowIfNull(stats);
        Name = stats.Name;
        Description = stats.Description;
        Field("key", typeof(NonNullGraphType<>).MakeGenericType(keyGraphType)).Resolve(ctx => ctx.Source);
        foreach (var measure in stats.Measures)
        {
            measure.Accept(this);
        }

        foreach (var add in stats.ExtraFields)
        {
            add(this);
        }

        if (stats.Comparable && changeGraphType is not null)
        {
            Field("previous", GetType())
                .Description("The same measures for the earlier period: the same selection and grouping with every row one period later, "
                    + "so a group of 2024 Q2 meets the rows of 2024 Q1 (QUARTER) or 2023 Q2 (YEAR). Null when that period has no such group. "
                    + "All groups of a page are compared in one statement.")
                .Argument<NonNullGraphType<StatsPeriodGraphType>>("period", a => a.DefaultValue = StatsPeriod.Quarter)
                .ResolveAsync(async ctx => ctx.Source.Page is { } page ? await page.PreviousAsync(ctx.Source, ctx.GetArgument<StatsPeriod>("period")) : null);
            Field("change", changeGraphType)
                .Description("Each measure minus its value in `previous` (null when either is null).")
                .Argument<NonNullGraphType<StatsPeriodGraphType>>("period", a => a.DefaultValue = StatsPeriod.Quarter)
                .ResolveAsync(async ctx => ctx.Source.Page is { } page && await page.PreviousAsync(ctx.Source, ctx.GetArgument<StatsPeriod>("period")) is TRow previous
                    ? new StatsChange<TRow>(ctx.Source, previous)
                    : null);
        }
    }

    void IMeasureVisitor<TRow>.Visit<TValue>(string name, Expression<Func<TRow, TValue>> value, string description)
    {
        var nullable = Nullable.GetUnderlyingType(typeof(TValue)) is not null;
        Field(name, value, nullable).Description(description);
    }
}

/// <summary>A group beside the same group one period earlier.</summary>
public sealed record StatsChange<TRow>(TRow Current, TRow Previous);

/// <summary>The change of each numeric measure from the earlier period.</summary>
public abstract class StatsChangeGraphType<TRow> : ObjectGraphType<StatsChange<TRow>>
    where TRow : StatsRow
{
    protected StatsChangeGraphType(StatsType<TRow> stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        Name = stats.Name + "Change";
        Description = "Each measure of a group minus the same measure one period earlier.";
        foreach (var measure in stats.Measures)
        {
            var type = Nullable.GetUnderlyingType(measure.Type) ?? measure.Type;
            var get = measure.Get;
            if (type == typeof(int))
            {
                Field<IntGraphType>(measure.Name).Description(measure.Description).Resolve(ctx => Difference(get(ctx.Source.Current), get(ctx.Source.Previous)) is { } d ? (int)d : null);
            }
            else if (type == typeof(long))
            {
                Field<LongGraphType>(measure.Name).Description(measure.Description).Resolve(ctx => Difference(get(ctx.Source.Current), get(ctx.Source.Previous)) is { } d ? (long)d : null);
            }
            else if (type == typeof(double))
            {
                Field<FloatGraphType>(measure.Name).Description(measure.Description).Resolve(ctx => Difference(get(ctx.Source.Current), get(ctx.Source.Previous)));
            }
        }
    }

    private static double? Difference(object? current, object? previous) =>
        current is null || previous is null ? null : Convert.ToDouble(current, System.Globalization.CultureInfo.InvariantCulture) - Convert.ToDouble(previous, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class StatsPeriodGraphType : EnumerationGraphType<StatsPeriod>
{
    public StatsPeriodGraphType()
    {
        Name = "StatsPeriod";
        Description = "The earlier period a group is compared with.";
    }
}
