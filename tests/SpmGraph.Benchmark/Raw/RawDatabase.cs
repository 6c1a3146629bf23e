using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SpmGraph.Benchmark.Raw;

/// <summary>
/// The raw endpoint's connections and the little SQL that differs between the engines; every
/// command it runs is counted, so the benchmark can report statements per request.
/// </summary>
internal sealed class RawDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;
    private long _statements;

    private RawDatabase(NpgsqlDataSource? postgres, string? sqlite)
    {
        _postgres = postgres;
        _sqlite = sqlite;
    }

    public bool IsPostgres => _postgres is not null;

    /// <summary>SQL statements run so far (a command of N statements counts N).</summary>
    public long Statements => Interlocked.Read(ref _statements);

    public static RawDatabase Create(string provider, string connectionString) =>
        provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
            ? new RawDatabase(NpgsqlDataSource.Create(SpmGraph.Server.Database.PostgresConnectionTuning.Tuned(connectionString)), null)
            : new RawDatabase(null, connectionString);

    /// <summary>A double: REAL in SQLite, double precision in PostgreSQL.</summary>
    public string Real(string expression) => IsPostgres ? $"({expression})::double precision" : $"CAST({expression} AS REAL)";

    /// <summary>A sum of integers as a 64-bit integer (PostgreSQL's SUM(bigint) is numeric).</summary>
    public string Sum(string expression) => IsPostgres ? $"COALESCE(SUM({expression}), 0)::bigint" : $"COALESCE(SUM({expression}), 0)";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = _postgres is not null ? _postgres.CreateConnection() : new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/> (<paramref name="statementCount"/> statements) with the parameters given as name/value pairs.</summary>
    public async Task<DbDataReader> ReadAsync(DbConnection connection, string sql, int statementCount, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        Interlocked.Add(ref _statements, statementCount);
        return await command.ExecuteReaderAsync(System.Data.CommandBehavior.CloseConnection, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
    }
}
