using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SpmGraph.Domain.Data;

/// <summary>The SQLite flavour of the model: the embedded default; owns Migrations/Sqlite.</summary>
public sealed class SqliteSpmDbContext(DbContextOptions<SqliteSpmDbContext> options) : SpmDbContext(options)
{
    /// <summary>
    /// Adds what the SQLite flavour needs to options, once: a pooled context gets it with the options it is registered
    /// with (pooling forbids changing them in OnConfiguring), any other context in OnConfiguring.
    /// </summary>
    public static DbContextOptionsBuilder Flavour(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        var interceptors = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        return interceptors.Contains(CaseSensitiveLike.Instance) ? optionsBuilder : optionsBuilder.AddInterceptors(CaseSensitiveLike.Instance);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => Flavour(optionsBuilder);

    /// <summary>
    /// EF Core translates startsWith/endsWith to LIKE, which SQLite matches ignoring ASCII case
    /// unless told otherwise; the API says they are case-sensitive, as they are on PostgreSQL.
    /// </summary>
    private sealed class CaseSensitiveLike : DbConnectionInterceptor
    {
        // One instance: the options, and so EF Core's internal service provider, stay the same.
        public static readonly CaseSensitiveLike Instance = new();

        private const string Pragma = "PRAGMA case_sensitive_like = true;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            ArgumentNullException.ThrowIfNull(connection);
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
