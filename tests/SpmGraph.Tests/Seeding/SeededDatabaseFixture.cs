using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Seeding;
using SpmGraph.Server.Database;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Seeding;

/// <summary>
/// One database, migrated and seeded once, shared by the seed tests: a SQLite file, or a database
/// in a throwaway PostgreSQL cluster when the assembly runs the suite on PostgreSQL.
/// </summary>
public sealed class SeededDatabaseFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spmgraph-seed-" + Guid.NewGuid().ToString("N"));
    private PostgresCluster? _cluster;

    public RecordingLogger Log { get; } = new();

    public TimeSpan MigrateTime { get; private set; }

    public TimeSpan SeedTime { get; private set; }

    private string ConnectionString => _cluster?.ConnectionString("seed") ?? $"Data Source={Path.Combine(_folder, "seed.db")}";

    public SpmDbContext CreateContext() => _cluster is null
        ? new SqliteSpmDbContext(new DbContextOptionsBuilder<SqliteSpmDbContext>().UseSqlite(ConnectionString).Options)
        : new PostgresSpmDbContext(new DbContextOptionsBuilder<PostgresSpmDbContext>().UseNpgsql(ConnectionString).Options);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (TestProvider.Current == DatabaseProvider.Postgres)
        {
            _cluster = PostgresCluster.Start();
        }

        await using var db = CreateContext();
        var stopwatch = Stopwatch.StartNew();
        await db.Database.MigrateAsync();
        MigrateTime = stopwatch.Elapsed;
        stopwatch.Restart();
        await new SpmSeeder(Log).SeedIfEmptyAsync(db, CancellationToken.None);
        SeedTime = stopwatch.Elapsed;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_cluster is not null)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
            _cluster.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleaning.
        }

        return Task.CompletedTask;
    }
}

/// <summary>Keeps the seeder's log lines so tests can show and check them.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_lines)
        {
            _lines.Add(formatter(state, exception));
        }
    }
}
