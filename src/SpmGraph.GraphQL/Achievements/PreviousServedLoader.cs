using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions.Batching;

namespace SpmGraph.GraphQL.Achievements;

/// <summary>A row of a series: region, indicator, year and quarter.</summary>
public readonly record struct SeriesQuarter(int RegionId, int IndicatorId, int Year, int Quarter);

/// <summary>
/// Served at the end of the latest earlier quarter of a row's series that the caller may read (null
/// for none), for servedInQuarter; a page of rows is one statement.
/// </summary>
public sealed class PreviousServedLoader(IDbContextFactory<SpmDbContext> factory) : BatchLoader<SeriesQuarter, long?>
{
    private CallerScope _scope = CallerScope.Anonymous;

    /// <summary>The loader of this request's caller (one caller per request).</summary>
    public PreviousServedLoader For(CallerScope scope)
    {
        _scope = scope;
        return this;
    }

    protected override async Task<IReadOnlyDictionary<SeriesQuarter, long?>> LoadBatchAsync(IReadOnlyCollection<SeriesQuarter> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var regions = keys.Select(k => k.RegionId).Distinct().ToList();
        var indicators = keys.Select(k => k.IndicatorId).Distinct().ToList();
        var years = keys.Select(k => k.Year).Distinct().ToList();
        var rows = await db.Achievements.AsNoTracking().VisibleTo(_scope, a => a.Status, a => a.Region!)
            .Where(a => regions.Contains(a.RegionId) && indicators.Contains(a.IndicatorId) && years.Contains(a.Year) && a.Quarter < 4)
            .Select(a => new { a.RegionId, a.IndicatorId, a.Year, a.Quarter, a.Served })
            .ToListAsync(cancellationToken);
        var bySeries = rows.ToLookup(r => (r.RegionId, r.IndicatorId, r.Year));
        return keys.ToDictionary(
            k => k,
            k => bySeries[(k.RegionId, k.IndicatorId, k.Year)].Where(r => r.Quarter < k.Quarter).MaxBy(r => r.Quarter)?.Served);
    }
}
