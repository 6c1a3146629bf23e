using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Seeding;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Seeding;

/// <summary>Instances behind a load balancer start together against one empty PostgreSQL database.</summary>
public sealed class ConcurrentSeedingTests
{
    [Fact]
    public async Task Two_instances_seeding_one_empty_database_together_seed_it_once_with_every_foreign_key_back()
    {
        using var cluster = PostgresCluster.Start();
        var connectionString = cluster.ConnectionString("together");
        await using (var db = Open(connectionString))
        {
            await db.Database.MigrateAsync();
        }

        RecordingLogger[] logs = [new(), new()];
        await Task.WhenAll(logs.Select(async log =>
        {
            await using var db = Open(connectionString);
            await new SpmSeeder(log).SeedIfEmptyAsync(db, CancellationToken.None);
        }));

        Assert.Single(logs, log => log.Lines.Any(l => l.StartsWith("Seeding: done", StringComparison.Ordinal)));
        Assert.Single(logs, log => log.Lines.Any(l => l.StartsWith("Seeding: skipped", StringComparison.Ordinal)));

        await using var check = Open(connectionString);
        Assert.Equal(552, await check.Regions.CountAsync());
        Assert.Equal(185_256, await check.Achievements.CountAsync());

        // The writer drops a table's foreign keys for its COPY and adds them back.
        var modelForeignKeys = check.Model.GetEntityTypes().Sum(e => e.GetForeignKeys().Count());
        var databaseForeignKeys = await check.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace")
            .SingleAsync();
        Assert.Equal(modelForeignKeys, databaseForeignKeys);
    }

    private static PostgresSpmDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresSpmDbContext>().UseNpgsql(connectionString).Options);
}
