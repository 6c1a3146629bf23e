using SpmGraph.Domain.Model;

namespace SpmGraph.GraphQL.Stats;

/// <summary>What a stats query can group by; each stats type offers the subset that applies.</summary>
public enum StatsDimension
{
    Region,
    Province,
    RegionKind,
    Sector,
    Indicator,
    Year,
    Quarter,
    Opd,
}

/// <summary>Which earlier period a group is compared with.</summary>
public enum StatsPeriod
{
    /// <summary>The quarter before (Q1 compares with Q4 of the year before).</summary>
    Quarter,

    /// <summary>The same quarter a year earlier.</summary>
    Year,
}

/// <summary>The group key of a GROUP BY: only the dimensions asked for are set.</summary>
public sealed class StatsKey
{
    /// <summary>The parent a batched nested stats field reads the group for (a region of the page).</summary>
    public int? OwnerId { get; set; }

    public int? RegionId { get; set; }

    public int? ProvinceId { get; set; }

    public RegionKind? RegionKind { get; set; }

    public SectorCode? Sector { get; set; }

    public int? IndicatorId { get; set; }

    public int? Year { get; set; }

    public int? Quarter { get; set; }

    public int? OpdId { get; set; }
}

/// <summary>One group of a stats query as SQL returns it: the key columns, then the measures.</summary>
public abstract class StatsRow
{
    /// <summary>Decimals that means of doubles keep (<see cref="Mean"/>).</summary>
    public const int MeanDecimals = 9;

    /// <summary>The parent of a batched nested stats field; null at the root.</summary>
    public int? OwnerId { get; set; }

    public int? RegionId { get; set; }

    /// <summary>The region's province; a province's own rows belong to itself.</summary>
    public int? ProvinceId { get; set; }

    public RegionKind? RegionKind { get; set; }

    public SectorCode? Sector { get; set; }

    public int? IndicatorId { get; set; }

    public int? Year { get; set; }

    public int? Quarter { get; set; }

    public int? OpdId { get; set; }

    /// <summary>The scoring scheme the query computed with (a constant column).</summary>
    public int SchemeId { get; set; }

    /// <summary>The page this group was read in, for comparisons with an earlier period; not a column.</summary>
    internal IStatsPage? Page { get; set; }

    /// <summary>The key, for matching groups of two statements.</summary>
    internal StatsKeyValue KeyValue => new(OwnerId, RegionId, ProvinceId, RegionKind, Sector, IndicatorId, Year, Quarter, OpdId);

    /// <summary>
    /// A mean of doubles, rounded to <see cref="MeanDecimals"/> decimals. Databases add doubles up
    /// differently (SQLite compensates for rounding, PostgreSQL sums exactly), so the last digits of
    /// a mean differ between providers; nine decimals are finer than any use and the same on both.
    /// </summary>
    protected static double? Mean(double? value) => value is { } v ? Math.Round(v, MeanDecimals) : null;
}

internal readonly record struct StatsKeyValue(int? OwnerId, int? RegionId, int? ProvinceId, RegionKind? RegionKind, SectorCode? Sector, int? IndicatorId, int? Year, int? Quarter, int? OpdId);
