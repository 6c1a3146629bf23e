using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SpmGraph.Domain.Data;

/// <summary>Lets `dotnet ef migrations add` build the SQLite context without the server.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSpmDbContext>
{
    public SqliteSpmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSpmDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>
/// Lets `dotnet ef migrations add` build the PostgreSQL context without a running server:
/// scaffolding a migration never opens the connection.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSpmDbContext>
{
    public PostgresSpmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSpmDbContext>().UseNpgsql("Host=localhost;Database=spmgraph_design").Options);
}
