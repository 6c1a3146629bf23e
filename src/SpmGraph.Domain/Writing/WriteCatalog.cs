using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Writing;

/// <summary>
/// The regions, indicators and reporting periods a batch names, read once (set-based: one query
/// per table, however many rows the batch has), with the lookups' errors.
/// </summary>
internal sealed class WriteCatalog
{
    private readonly Dictionary<string, RegionRef> _regions;
    private readonly Dictionary<string, IndicatorRef> _indicators;

    private WriteCatalog(Dictionary<string, RegionRef> regions, Dictionary<string, IndicatorRef> indicators, Dictionary<(int Year, int Quarter), ReportingPeriod> periods)
    {
        _regions = regions;
        _indicators = indicators;
        Periods = periods;
    }

    public Dictionary<(int Year, int Quarter), ReportingPeriod> Periods { get; }

    public static async Task<WriteCatalog> LoadAsync(SpmDbContext db, IEnumerable<string> regionCodes, IEnumerable<string> indicatorCodes, CancellationToken cancellationToken)
    {
        var regionList = regionCodes.Select(NormalizeRegion).Distinct().ToList();
        var indicatorList = indicatorCodes.Select(NormalizeIndicator).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionList.Contains(r.Code))
            .Select(r => new RegionRef(r.Id, r.Code, r.Name, r.Kind))
            .ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => indicatorList.Contains(i.Code))
            .Select(i => new IndicatorRef(i.Id, i.Code, i.Level))
            .ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);

        // A few dozen rows.
        var periods = await db.ReportingPeriods.AsNoTracking().ToDictionaryAsync(p => (p.Year, p.Quarter), cancellationToken);
        return new WriteCatalog(regions, indicators, periods);
    }

    public static string NormalizeRegion(string? code) => (code ?? "").Trim();

    public static string NormalizeIndicator(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public RegionRef? Region(string? code, List<WriteError> errors)
    {
        if (_regions.TryGetValue(NormalizeRegion(code), out var region))
        {
            return region;
        }

        errors.Add(WriteError.At("regionCode", WriteErrorCodes.UnknownRegion, $"No region has the code \"{code}\" (Kemendagri codes such as \"19\" or \"19.71\")."));
        return null;
    }

    public IndicatorRef? Indicator(string? code, List<WriteError> errors)
    {
        if (_indicators.TryGetValue(NormalizeIndicator(code), out var indicator))
        {
            return indicator;
        }

        errors.Add(WriteError.At("indicatorCode", WriteErrorCodes.UnknownIndicator, $"No jenis pelayanan dasar has the code \"{code}\" (codes such as \"KES.KK.01\")."));
        return null;
    }

    /// <summary>Provinces deliver the provinsi jenis, kabupaten/kota the kab/kota jenis (PP 2/2018).</summary>
    public static bool CheckLevel(RegionRef region, IndicatorRef indicator, List<WriteError> errors)
    {
        var fits = indicator.Level == IndicatorLevel.Province ? region.Kind == RegionKind.Province : region.Kind != RegionKind.Province;
        if (!fits)
        {
            var level = indicator.Level == IndicatorLevel.Province ? "a provinsi" : "a kabupaten/kota";
            var kind = region.Kind == RegionKind.Province ? "a province" : "a kabupaten/kota";
            errors.Add(WriteError.At("indicatorCode", WriteErrorCodes.WrongLevel, $"{indicator.Code} is {level} service; {region.Code} ({region.Name}) is {kind}."));
        }

        return fits;
    }

    public ReportingPeriod? Period(int year, int quarter, List<WriteError> errors)
    {
        if (Periods.TryGetValue((year, quarter), out var period))
        {
            return period;
        }

        errors.Add(WriteError.At("quarter", WriteErrorCodes.UnknownPeriod, $"There is no reporting period for {year} Q{quarter}; a reporting period must be created for it first."));
        return null;
    }
}

internal sealed record RegionRef(int Id, string Code, string Name, RegionKind Kind);

internal sealed record IndicatorRef(int Id, string Code, IndicatorLevel Level);
