using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;

namespace SpmGraph.Tests.Database;

/// <summary>
/// Read queries on SQLite run through statements prepared once per kept connection: the same rows as EF Core's own
/// connections give, what others commit seen by the next read, a transaction's reads left on its connection.
/// </summary>
public sealed class SqlitePreparedStatementsTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spmgraph-prepared-" + Guid.NewGuid().ToString("N"));
    private readonly SqlitePreparedStatements _statements;

    public SqlitePreparedStatementsTests()
    {
        Directory.CreateDirectory(_folder);
        _statements = new SqlitePreparedStatements(ConnectionString, maxConnections: 2);
    }

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "prepared.db")}";

    public async Task InitializeAsync()
    {
        await using var db = Context(prepared: false);
        await db.Database.EnsureCreatedAsync();
        db.Regions.AddRange(
            new Region { Code = "11", Name = "Aceh", Kind = RegionKind.Province },
            new Region { Code = "12", Name = "Sumatera Utara", Kind = RegionKind.Province },
            new Region { Code = "13", Name = "Sumatera Barat", Kind = RegionKind.Province });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _statements.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    [Fact]
    public async Task A_read_runs_on_a_kept_connection_and_gives_the_rows_ef_core_gives()
    {
        await using var plain = Context(prepared: false);
        await using var prepared = Context(prepared: true);
        var expected = await Names(plain, "Sumatera");

        var first = await Names(prepared, "Sumatera");
        var second = await Names(prepared, "Sumatera");

        Assert.Equal(["Sumatera Barat", "Sumatera Utara"], expected);
        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
        Assert.Equal(2, _statements.Reused);
    }

    [Fact]
    public async Task Like_stays_case_sensitive_on_a_kept_connection()
    {
        await using var prepared = Context(prepared: true);

        Assert.Empty(await Names(prepared, "sumatera"));
        Assert.Equal(1, _statements.Reused);
    }

    [Fact]
    public async Task A_write_committed_elsewhere_is_seen_by_the_next_read_of_the_same_statement()
    {
        await using var prepared = Context(prepared: true);
        Assert.Equal(2, (await Names(prepared, "Sumatera")).Count);

        await using (var writer = Context(prepared: false))
        {
            writer.Regions.Add(new Region { Code = "16", Name = "Sumatera Selatan", Kind = RegionKind.Province });
            await writer.SaveChangesAsync();
        }

        Assert.Equal(["Sumatera Barat", "Sumatera Selatan", "Sumatera Utara"], await Names(prepared, "Sumatera"));
        Assert.Equal(2, _statements.Reused);
    }

    [Fact]
    public async Task A_read_inside_a_transaction_stays_on_its_connection_and_sees_its_writes()
    {
        await using var prepared = Context(prepared: true);
        await using var transaction = await prepared.Database.BeginTransactionAsync();
        prepared.Regions.Add(new Region { Code = "14", Name = "Riau", Kind = RegionKind.Province });
        await prepared.SaveChangesAsync();

        Assert.Equal(["Riau"], await Names(prepared, "Riau"));
        Assert.Equal(0, _statements.Reused);
        await transaction.RollbackAsync();
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 2)]
    public async Task A_moved_read_leaves_ef_cores_own_connection_unopened(bool prepared, int expectedOpens)
    {
        await using var db = Context(prepared);
        var opens = 0;
        db.Database.GetDbConnection().StateChange += (_, change) => opens += change.CurrentState == System.Data.ConnectionState.Open ? 1 : 0;

        Assert.Equal(["Sumatera Barat", "Sumatera Utara"], await Names(db, "Sumatera"));
        Assert.Equal(["Aceh"], await Names(db, "Aceh"));
        Assert.Equal(expectedOpens, opens);
    }

    [Fact]
    public async Task Writes_commands_and_transactions_open_the_deferred_connection_with_like_case_sensitive()
    {
        await using var prepared = Context(prepared: true);
        Assert.Equal(2, (await Names(prepared, "Sumatera")).Count);

        prepared.Regions.Add(new Region { Code = "15", Name = "Jambi", Kind = RegionKind.Province });
        await prepared.SaveChangesAsync();
        var renamed = await prepared.Database.ExecuteSqlRawAsync("UPDATE \"Regions\" SET \"Name\" = 'Jambi Baru' WHERE \"Code\" = '15'");
        await using (var transaction = await prepared.Database.BeginTransactionAsync())
        {
            // Read on EF Core's connection, opened for the transaction: LIKE is case-sensitive there too.
            Assert.Empty(await Names(prepared, "jambi"));
            Assert.Equal(["Jambi Baru"], await Names(prepared, "Jambi"));
            await transaction.CommitAsync();
        }

        Assert.Equal(1, renamed);
        await using var plain = Context(prepared: false);
        Assert.Equal(["Jambi Baru"], await Names(plain, "Jambi"));
    }

    [Fact]
    public async Task An_in_memory_database_is_never_moved()
    {
        using var statements = new SqlitePreparedStatements("Data Source=:memory:", maxConnections: 2);
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<SqliteSpmDbContext>().UseSqlite(connection).AddInterceptors(statements).Options;
        await using var db = new SqliteSpmDbContext(options);
        await db.Database.EnsureCreatedAsync();
        db.Regions.Add(new Region { Code = "11", Name = "Aceh", Kind = RegionKind.Province });
        await db.SaveChangesAsync();

        Assert.Equal(["Aceh"], await Names(db, "Aceh"));
        Assert.Equal(0, statements.Reused);
    }

    private static Task<List<string>> Names(SpmDbContext db, string prefix) =>
        db.Regions.Where(r => r.Name.StartsWith(prefix)).OrderBy(r => r.Name).Select(r => r.Name).ToListAsync();

    private SqliteSpmDbContext Context(bool prepared)
    {
        var options = new DbContextOptionsBuilder<SqliteSpmDbContext>().UseSqlite(ConnectionString);
        if (prepared)
        {
            options.AddInterceptors(_statements);
        }

        return new SqliteSpmDbContext(options.Options);
    }
}
