using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Rules;
using SpmGraph.Domain.Seeding;

namespace SpmGraph.Domain.Data;

/// <summary>
/// Builds <see cref="AchievementRollup"/> rows from achievements, one GROUP BY per grain, in the caller's
/// transaction. The sums are those the statistics' measures are made of. A row's index is linear in the
/// scheme's weights (<see cref="SpmRules.Index"/>), so a rollup keeps the sums of Index(weights 1, 0)
/// (capped and not) and of Index(0, 1) over the rows that have an index, and any scheme's mean index is
/// recipientWeight x their mean + qualityWeight x the other's.
/// </summary>
public static class AchievementRollups
{
    /// <summary>The sums over a region's rows of one period, of one status (and sector).</summary>
    private static readonly Expression<Func<IGrouping<RollupKey, Achievement>, AchievementRollup>> Summary = Summarised();

    /// <summary>The PostgreSQL advisory lock of a first build ("SPMR").</summary>
    private const long BuildLockKey = 0x53504D52;

    /// <summary>Replaces the rollups of these region periods with sums of their achievements as they are now.</summary>
    public static async Task RefreshAsync(DbContext db, IEnumerable<RollupPeriod> periods, Func<AchievementRollup, CancellationToken, Task> insert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(insert);
        foreach (var period in periods.Distinct().GroupBy(p => (p.Year, p.Quarter)))
        {
            var (year, quarter) = period.Key;
            foreach (var regions in period.Select(p => p.RegionId).Chunk(500))
            {
                await db.Set<AchievementRollup>().Where(r => r.Year == year && r.Quarter == quarter && regions.Contains(r.RegionId)).ExecuteDeleteAsync(cancellationToken);
                var rows = db.Set<Achievement>().Where(a => a.Year == year && a.Quarter == quarter && regions.Contains(a.RegionId));
                foreach (var rollup in await SummariseAsync(rows, cancellationToken))
                {
                    await insert(rollup, cancellationToken);
                }
            }
        }
    }

    /// <summary>Every rollup built again from all achievements (after the seed, or when the table is new).</summary>
    public static async Task<int> RebuildAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Set<AchievementRollup>().ExecuteDeleteAsync(cancellationToken);
        var rollups = await SummariseAsync(db.Set<Achievement>(), cancellationToken);

        // Written in the order the roll-ups read them (grain, period, region), so a period's rows share pages: at
        // scale 10 the national trend reads 6,624 of 463,680 rows, in 3 ms when they lie together and 16 ms when not.
        rollups.Sort((a, b) => (a.BySector, a.Year, a.Quarter, a.RegionId, a.Sector, a.Status).CompareTo((b.BySector, b.Year, b.Quarter, b.RegionId, b.Sector, b.Status)));
        var id = 0;
        foreach (var rollup in rollups)
        {
            rollup.Id = ++id;
        }

        return await new BulkInserter(db).InsertAsync(rollups, cancellationToken);
    }

    /// <summary>Builds the rollups when achievements exist without any (a database from before the rollups).</summary>
    public static async Task<bool> EnsureBuiltAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<AchievementRollup>().AnyAsync(cancellationToken) || !await db.Set<Achievement>().AnyAsync(cancellationToken))
        {
            return false;
        }

        // Instances starting together on one PostgreSQL database take turns; the second finds the rollups built.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BuildLockKey})", cancellationToken);
        }

        if (await db.Set<AchievementRollup>().AnyAsync(cancellationToken))
        {
            return false;
        }

        await RebuildAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Planner statistics for the new rows, as the seed takes them for its own.
        await db.Database.ExecuteSqlRawAsync("ANALYZE \"AchievementRollups\"", cancellationToken);
        return true;
    }

    private static async Task<List<AchievementRollup>> SummariseAsync(IQueryable<Achievement> rows, CancellationToken cancellationToken)
    {
        var overall = await rows.AsNoTracking()
            .GroupBy(a => new RollupKey { RegionId = a.RegionId, Year = a.Year, Quarter = a.Quarter, Status = a.Status, Sector = null })
            .Select(Summary).ToListAsync(cancellationToken);
        var bySector = await rows.AsNoTracking()
            .GroupBy(a => new RollupKey { RegionId = a.RegionId, Year = a.Year, Quarter = a.Quarter, Status = a.Status, Sector = a.Indicator!.Sector })
            .Select(Summary).ToListAsync(cancellationToken);
        return [.. overall, .. bySector];
    }

    private static Expression<Func<IGrouping<RollupKey, Achievement>, AchievementRollup>> Summarised()
    {
        // Written with the rules as parameters, then the rules put in: one plain tree for EF Core.
        Expression<Func<IGrouping<RollupKey, Achievement>, Func<Achievement, double?>, Func<Achievement, bool>, Func<Achievement, double?>, Func<Achievement, double?>, Func<Achievement, double?>, AchievementRollup>> template =
            (g, rate, complete, recipientPart, cappedRecipientPart, qualityPart) => new AchievementRollup
            {
                BySector = g.Key.Sector != null,
                RegionId = g.Key.RegionId,
                Year = g.Key.Year,
                Quarter = g.Key.Quarter,
                Sector = g.Key.Sector,
                Status = g.Key.Status,
                RowCount = g.Count(),
                Target = g.Sum(a => a.Target),
                Served = g.Sum(a => a.Served),
                BudgetRealized = g.Sum(a => a.BudgetRealized),
                RatedCount = g.Select(rate).Count(v => v != null),
                RateSum = g.Sum(rate) ?? 0,
                MinRate = g.Min(rate),
                MaxRate = g.Max(rate),
                CompleteCount = g.Count(complete),
                QualityCount = g.Count(a => a.QualityRate != null),
                QualitySum = g.Sum(a => a.QualityRate) ?? 0,
                IndexedCount = g.Select(recipientPart).Count(v => v != null),
                IndexedRateSum = g.Sum(recipientPart) ?? 0,
                IndexedCappedRateSum = g.Sum(cappedRecipientPart) ?? 0,
                IndexedQualitySum = g.Sum(qualityPart) ?? 0,
            };
        var group = Expression.Parameter(typeof(IGrouping<RollupKey, Achievement>), "g");
        var body = Inline.Body(
            template,
            group,
            EntityRules.AchievementRate,
            EntityRules.AchievementComplete,
            EntityRules.AchievementIndex(1, 0, cap: false),
            EntityRules.AchievementIndex(1, 0, cap: true),
            EntityRules.AchievementIndex(0, 1, cap: false));
        return Expression.Lambda<Func<IGrouping<RollupKey, Achievement>, AchievementRollup>>(body, group);
    }

    /// <summary>The GROUP BY key of a rollup; Sector null over all sectors.</summary>
    private sealed class RollupKey
    {
        public int RegionId { get; init; }

        public int Year { get; init; }

        public int Quarter { get; init; }

        public ReportStatus Status { get; init; }

        public SectorCode? Sector { get; init; }
    }
}

/// <summary>One region's quarter: what a write of achievements makes the rollups recompute.</summary>
public readonly record struct RollupPeriod(int RegionId, int Year, int Quarter);
