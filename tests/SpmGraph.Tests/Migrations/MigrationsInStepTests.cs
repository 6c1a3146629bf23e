using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;

namespace SpmGraph.Tests.Migrations;

/// <summary>Each provider owns its migrations; both lists must move together and cover the model.</summary>
public sealed class MigrationsInStepTests
{
    [Fact]
    public void Both_providers_have_the_same_migrations_in_the_same_order()
    {
        using var sqlite = Sqlite();
        using var postgres = Postgres();

        Assert.Equal(Names(sqlite), Names(postgres));
    }

    [Fact]
    public void Neither_provider_has_model_changes_without_a_migration()
    {
        using var sqlite = Sqlite();
        using var postgres = Postgres();

        // Both commands are in README's Development section; neither needs a running database.
        Assert.False(sqlite.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: dotnet ef migrations add NAME --context SqliteSpmDbContext --output-dir Data/Migrations/Sqlite");
        Assert.False(postgres.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: dotnet ef migrations add NAME --context PostgresSpmDbContext --output-dir Data/Migrations/Postgres");
    }

    // Migration ids are "<timestamp>_<name>"; the timestamps differ between providers, the names must not.
    private static List<string> Names(DbContext db) =>
        db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]).ToList();

    private static SqliteSpmDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteSpmDbContext>().UseSqlite("Data Source=:memory:").Options);

    // Nothing here opens the connection.
    private static PostgresSpmDbContext Postgres() =>
        new(new DbContextOptionsBuilder<PostgresSpmDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);
}
