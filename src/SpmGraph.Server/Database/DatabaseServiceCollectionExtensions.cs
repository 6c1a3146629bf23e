using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Seeding;

namespace SpmGraph.Server.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Where the embedded database lives when `ConnectionStrings:Spm` is not set.</summary>
    public const string DefaultDatabaseFile = ".data/spmgraph.db";

    /// <summary>
    /// Registers the SPM database. Without configuration it is the embedded SQLite file
    /// <see cref="DefaultDatabaseFile"/> under the content root; `ConnectionStrings:Spm` overrides it.
    /// </summary>
    public static IServiceCollection AddSpmDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var connectionString = configuration.GetConnectionString("Spm");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var file = Path.Combine(environment.ContentRootPath, DefaultDatabaseFile);
            connectionString = $"Data Source={file}";
        }

        // Interceptors registered in DI (diagnostics, the tests' statement counter) join every context.
        services.AddDbContextFactory<SqliteSpmDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddSingleton<IDbContextFactory<SpmDbContext>, SpmDbContextFactory<SqliteSpmDbContext>>();
        return services;
    }

    /// <summary>Creates the database file's folder, applies migrations and seeds an empty database.</summary>
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

        await db.Database.MigrateAsync(cancellationToken);
        await new SpmSeeder(logger).SeedIfEmptyAsync(db, cancellationToken);
    }
}
