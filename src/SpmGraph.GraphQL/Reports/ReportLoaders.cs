using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.QueryConventions.Batching;

namespace SpmGraph.GraphQL.Reports;

public sealed class RowCountByReportIdLoader(IDbContextFactory<SpmDbContext> factory) : BatchLoader<int, int>
{
    protected override async Task<IReadOnlyDictionary<int, int>> LoadBatchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Achievements.Where(a => keys.Contains(a.ReportId))
            .GroupBy(a => a.ReportId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}

/// <summary>All reporting periods (a few dozen rows), read at most once per request (again after a period is written).</summary>
public sealed class ReportingCalendar
{
    private readonly IDbContextFactory<SpmDbContext> _factory;
    private Lazy<Task<Periods>> _periods;

    public ReportingCalendar(IDbContextFactory<SpmDbContext> factory)
    {
        _factory = factory;
        _periods = new(LoadAsync);
    }

    public Task<Periods> GetAsync() => _periods.Value;

    /// <summary>Forgets the periods read so far in this request.</summary>
    public void Invalidate() => _periods = new(LoadAsync);

    private async Task<Periods> LoadAsync()
    {
        await using var db = await _factory.CreateDbContextAsync();
        return new Periods(await db.ReportingPeriods.AsNoTracking().ToDictionaryAsync(p => (p.Year, p.Quarter)));
    }

    public sealed class Periods(Dictionary<(int Year, int Quarter), ReportingPeriod> byQuarter)
    {
        public ReportingPeriod? Find(int year, int quarter) => byQuarter.GetValueOrDefault((year, quarter));

        /// <summary>True when submitted before the period closed; null when not submitted or no period.</summary>
        public bool? OnTime(int year, int quarter, DateTime? submittedAt) =>
            Find(year, quarter) is { } period ? Domain.Rules.SpmRules.OnTimeOf(submittedAt, period.ClosesAt) : null;
    }
}
