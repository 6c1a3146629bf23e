using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SpmGraph.Domain.Data;

namespace SpmGraph.Domain.Seeding;

/// <summary>
/// Fills an empty database with the deterministic reference and sample data (docs/seed.md);
/// <paramref name="scale"/> above 1 adds earlier years for benchmarks (<see cref="SeedGenerator.Generate(int)"/>).
/// </summary>
public sealed class SpmSeeder(ILogger logger, int scale = 1)
{
    /// <summary>The configuration key of the scale (`Seed:Scale`, default 1).</summary>
    public const string ScaleKey = "Seed:Scale";

    /// <summary>The PostgreSQL advisory lock that serialises seeding ("SPMG").</summary>
    private const long SeedLockKey = 0x53504D47;

    /// <summary>Seeds unless Regions already has rows; everything is written in one transaction.</summary>
    public async Task SeedIfEmptyAsync(SpmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Regions.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Seeding: skipped, the database already has regions");
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var data = SeedGenerator.Generate(scale);
        logger.LogInformation("Seeding: generated the sample data (scale {Scale}) in {Elapsed} ms", scale, stopwatch.ElapsedMilliseconds);

        var writer = new BulkInserter(db);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Instances starting together on one PostgreSQL database: the first seeds, the others
            // wait for its commit here and then find the regions.
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", cancellationToken);
                if (await db.Regions.AnyAsync(cancellationToken))
                {
                    logger.LogInformation("Seeding: skipped, another instance seeded the database");
                    return;
                }
            }

            // Principal tables first, so every foreign key already points at a row.
            await WriteAsync(writer, data.Sectors, "sectors", cancellationToken);
            await WriteAsync(writer, data.Regions, "regions", cancellationToken);
            await WriteAsync(writer, data.Indicators, "indicators", cancellationToken);
            await WriteAsync(writer, data.Opds, "OPDs", cancellationToken);
            await WriteAsync(writer, data.OpdSectors, "OPD sectors", cancellationToken);
            await WriteAsync(writer, data.ReportingPeriods, "reporting periods", cancellationToken);
            await WriteAsync(writer, data.ScoringSchemes, "scoring schemes", cancellationToken);
            await WriteAsync(writer, data.ScoringBands, "scoring bands", cancellationToken);
            await WriteAsync(writer, data.Plans, "plans", cancellationToken);
            await WriteAsync(writer, data.Reports, "reports", cancellationToken);
            await WriteAsync(writer, data.Achievements, "achievements", cancellationToken);
            logger.LogInformation("Seeding: {Count} achievement rollups", (await AchievementRollups.RebuildAsync(db, cancellationToken)).ToString("N0", CultureInfo.InvariantCulture));
            await transaction.CommitAsync(cancellationToken);
        }

        // Planner statistics (and on PostgreSQL the visibility map, for index-only scans) for the fresh rows.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE", cancellationToken);

        logger.LogInformation(
            "Seeding: done in {Elapsed} ms: {Regions} regions, {Indicators} indicators, {Opds} OPDs, {Plans} plans, {Reports} reports, {Achievements} achievements",
            stopwatch.ElapsedMilliseconds,
            Count(data.Regions),
            Count(data.Indicators),
            Count(data.Opds),
            Count(data.Plans),
            Count(data.Reports),
            Count(data.Achievements));
    }

    private async Task WriteAsync<T>(BulkInserter writer, IReadOnlyList<T> rows, string what, CancellationToken cancellationToken)
        where T : class
    {
        logger.LogInformation("Seeding: {Count} {What}...", Count(rows), what);
        await writer.InsertAsync(rows, cancellationToken);
    }

    private static string Count<T>(IReadOnlyList<T> rows) => rows.Count.ToString("N0", CultureInfo.InvariantCulture);
}
