using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Seeding;

namespace SpmGraph.Server.Database;

/// <summary>The database engines the server runs on (`Database:Provider`).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded file database, the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server; needs `ConnectionStrings:Spm`.</summary>
    Postgres,
}

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Where the embedded database lives when `ConnectionStrings:Spm` is not set.</summary>
    public const string DefaultDatabaseFile = ".data/spmgraph.db";

    /// <summary>The configuration key that picks the provider.</summary>
    public const string ProviderKey = "Database:Provider";

    /// <summary>On SQLite, whether read queries run through statements prepared once (<see cref="SqlitePreparedStatements"/>); default true.</summary>
    public const string SqlitePreparedStatementsKey = "Database:SqlitePreparedStatements";

    /// <summary>
    /// Registers the SPM database for the provider in `Database:Provider` (Sqlite, the default, or
    /// Postgres). SQLite without `ConnectionStrings:Spm` is the embedded file
    /// <see cref="DefaultDatabaseFile"/> under the content root; PostgreSQL needs the connection string.
    /// </summary>
    public static IServiceCollection AddSpmDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var databaseProvider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString("Spm");

        // Pooled: a request makes several short-lived contexts. Interceptors registered in DI (diagnostics, the tests'
        // statement counter) join every context.
        switch (databaseProvider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Spm is not set; "
                        + "e.g. --ConnectionStrings:Spm=\"Host=localhost;Database=spmgraph;Username=spm;Password=...\"");
                }

                var postgres = PostgresConnectionTuning.Tuned(connectionString);
                services.AddPooledDbContextFactory<PostgresSpmDbContext>((provider, options) => PostgresSpmDbContext.Flavour(options
                    .UseNpgsql(postgres)
                    .AddInterceptors(provider.GetServices<IInterceptor>())));
                services.AddSingleton<IDbContextFactory<SpmDbContext>, SpmDbContextFactory<PostgresSpmDbContext>>();
                break;

            default:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    var file = Path.Combine(environment.ContentRootPath, DefaultDatabaseFile);
                    connectionString = $"Data Source={file}";
                }

                if (configuration.GetValue(SqlitePreparedStatementsKey, true))
                {
                    var sqlite = connectionString;

                    // Enough for every request in flight: a read that finds them all busy is parsed and planned anew
                    // (with 4 on 2 cores, a fifth of the roll-ups' reads under 8 connections was).
                    services.AddSingleton<IInterceptor>(_ => new SqlitePreparedStatements(sqlite, Math.Max(16, 8 * Environment.ProcessorCount)));
                }

                services.AddPooledDbContextFactory<SqliteSpmDbContext>((provider, options) => SqliteSpmDbContext.Flavour(options
                    .UseSqlite(connectionString)
                    .AddInterceptors(provider.GetServices<IInterceptor>())));
                services.AddSingleton<IDbContextFactory<SpmDbContext>, SpmDbContextFactory<SqliteSpmDbContext>>();
                break;
        }

        return services;
    }

    /// <summary>
    /// Creates the database (or the SQLite file's folder), applies migrations and seeds an empty
    /// database, at `Seed:Scale` times the achievement rows (default 1; the benchmark uses 10), then bumps the data version.
    /// </summary>
    public static async Task InitializeSpmDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IDbContextFactory<SpmDbContext>>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SpmGraph.Database");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        if (db.Database.GetDbConnection().DataSource is { Length: > 0 } dataSource && db.Database.IsSqlite())
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        // On PostgreSQL this also creates the database when the login may; EF Core locks the
        // migrations history while migrating, so instances starting together take turns.
        await db.Database.MigrateAsync(cancellationToken);
        var scale = services.GetRequiredService<IConfiguration>().GetValue(SpmSeeder.ScaleKey, 1);
        await new SpmSeeder(logger, scale).SeedIfEmptyAsync(db, cancellationToken);
        if (await AchievementRollups.EnsureBuiltAsync(db, cancellationToken))
        {
            logger.LogInformation("Database: built the achievement rollups from the achievements");
        }

        // Whatever changed while no instance was up (a seed, a migration, a write whose instance stopped before its bump)
        // is newer than every cached answer.
        await DataVersionStore.BumpAsync(db, cancellationToken);
    }

    private static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey} is \"{value}\"; use Sqlite (the default) or Postgres.");
    }
}
