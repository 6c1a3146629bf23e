using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SpmGraph.Domain.Data;

/// <summary>The SQLite flavour of the model: the embedded default; owns Migrations/Sqlite.</summary>
public sealed class SqliteSpmDbContext(DbContextOptions<SqliteSpmDbContext> options) : SpmDbContext(options)
{
    private const string CaseSensitiveLikePragma = "PRAGMA case_sensitive_like = true;";

    /// <summary>Makes LIKE case-sensitive on an open SQLite connection (see <see cref="CaseSensitiveLike"/>).</summary>
    public static void MakeLikeCaseSensitive(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = CaseSensitiveLikePragma;
        command.ExecuteNonQuery();
    }

    /// <summary>Makes LIKE case-sensitive on an open connection the first time its SQLite handle is seen.</summary>
    public static void EnsureLikeCaseSensitive(DbConnection connection)
    {
        if (CaseSensitiveLike.IsNew(connection))
        {
            MakeLikeCaseSensitive(connection);
        }
    }

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
    /// The pragma is a setting of the SQLite connection, which Microsoft.Data.Sqlite's pool keeps
    /// open between opens: it is set once per pooled connection, not on every open.
    /// </summary>
    private sealed class CaseSensitiveLike : DbConnectionInterceptor
    {
        // One instance: the options, and so EF Core's internal service provider, stay the same.
        public static readonly CaseSensitiveLike Instance = new();

        private static readonly ConditionalWeakTable<object, object> Configured = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            // A deferred open (SqlitePreparedStatements) leaves the connection closed: it is set when it really opens.
            if (connection.State == ConnectionState.Open)
            {
                EnsureLikeCaseSensitive(connection);
            }
        }

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            // Microsoft.Data.Sqlite runs commands synchronously anyway: the one method serves both paths.
            ConnectionOpened(connection, eventData);
            return Task.CompletedTask;
        }

        /// <summary>True the first time this SQLite connection handle is seen (any other connection is always new).</summary>
        public static bool IsNew(DbConnection connection)
        {
            ArgumentNullException.ThrowIfNull(connection);
            return connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
        }
    }
}
