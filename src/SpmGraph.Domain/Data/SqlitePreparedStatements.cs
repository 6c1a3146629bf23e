using System.Collections;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpmGraph.Domain.Data;

/// <summary>
/// Runs EF Core's read queries on SQLite through statements prepared once per connection. EF Core makes a new command
/// for every execution, and Microsoft.Data.Sqlite keeps a statement prepared only as long as its command and its
/// connection object live (closing the connection finalizes them all), so every query was parsed and planned anew:
/// about a quarter of a province roll-up's time. This interceptor keeps a few connections of its own open, each with its
/// commands by SQL text, and runs a LINQ query's reader on one of them with EF Core's own parameters.
/// <para>
/// Only what is safe to move is moved: a LINQ query's reader outside a transaction (what a transaction reads stays on
/// its connection), on the same database file, whose SQL calls none of the functions EF Core registers on its own
/// connections (<c>ef_*</c>, <c>regexp</c>). Anything else, or every connection busy, runs as before, on EF Core's
/// connection, whose open waits until then (a moved read never needs it). The connections
/// see what is committed, as a new pooled connection would: SQLite re-prepares a statement whose schema changed.
/// </para>
/// </summary>
public sealed class SqlitePreparedStatements : DbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor, IDisposable
{
    /// <summary>Statements kept per connection; past it the connection's cache starts again (the API's queries are far fewer shapes).</summary>
    public const int MaxStatementsPerConnection = 256;

    /// <summary>
    /// Each kept connection's page cache: 512 KiB instead of SQLite's 2 MiB, as many connections stay open for the
    /// process (a hand run at scale 10 peaked about 5 MB lower, as fast); the OS's file cache serves what it drops.
    /// </summary>
    private const string CachePragma = "PRAGMA cache_size = -512;";

    private readonly string _connectionString;
    private readonly string _dataSource;
    private readonly int _maxConnections;
    private readonly ConcurrentBag<PreparedConnection> _idle = [];
    private int _created;
    private long _reused;
    private volatile bool _disposed;

    /// <param name="connectionString">The database's connection string, as EF Core's connections use it.</param>
    /// <param name="maxConnections">Connections kept open at most; a query that finds all busy runs on EF Core's.</param>
    public SqlitePreparedStatements(string connectionString, int maxConnections)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        _dataSource = builder.DataSource;
        _maxConnections = IsMemory(builder) ? 0 : Math.Max(1, maxConnections);

        // Kept open for the process: Microsoft.Data.Sqlite's pool need not hold them too.
        builder.Pooling = false;
        _connectionString = builder.ToString();
    }

    /// <summary>Readers run on a kept connection so far (for the tests).</summary>
    public long Reused => Interlocked.Read(ref _reused);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (!result.HasResult && TryLease(command, eventData, out var connection))
        {
            return InterceptionResult<DbDataReader>.SuppressWithResult(connection.Execute(command, this));
        }

        OpenDeferred(command.Connection);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (!result.HasResult && TryLease(command, eventData, out var connection))
        {
            return InterceptionResult<DbDataReader>.SuppressWithResult(await connection.ExecuteAsync(command, this, cancellationToken));
        }

        OpenDeferred(command.Connection);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        OpenDeferred(command.Connection);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        OpenDeferred(command.Connection);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        OpenDeferred(command.Connection);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        OpenDeferred(command.Connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// EF Core opens its own connection before every query, though a read this interceptor moves never uses it
    /// (an open and a close of a pooled connection, its functions registered anew, under the pool's lock): the open
    /// is deferred until a command or a transaction needs the connection (<see cref="OpenDeferred"/>).
    /// </summary>
    InterceptionResult IDbConnectionInterceptor.ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Defers(connection) ? InterceptionResult.Suppress() : result;

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Defers(connection) ? InterceptionResult.Suppress() : result);

    InterceptionResult<DbTransaction> IDbTransactionInterceptor.TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        OpenDeferred(connection);
        return result;
    }

    ValueTask<InterceptionResult<DbTransaction>> IDbTransactionInterceptor.TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken)
    {
        OpenDeferred(connection);
        return ValueTask.FromResult(result);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    /// <summary>
    /// Whether EF Core's open of this connection waits until it is needed: the moved reads run elsewhere, and
    /// whatever else runs on it (a command, a transaction) opens it first.
    /// </summary>
    private bool Defers(DbConnection connection) =>
        !_disposed && _maxConnections > 0 && connection is SqliteConnection { State: ConnectionState.Closed } sqlite && sqlite.DataSource == _dataSource;

    /// <summary>Opens a connection whose open was deferred, as EF Core would have (the LIKE pragma included).</summary>
    private static void OpenDeferred(DbConnection? connection)
    {
        if (connection is SqliteConnection { State: ConnectionState.Closed } sqlite)
        {
            sqlite.Open();
            SqliteSpmDbContext.EnsureLikeCaseSensitive(sqlite);
        }
    }

    private static bool IsMemory(SqliteConnectionStringBuilder builder) =>
        builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";

    private bool TryLease(DbCommand command, CommandEventData eventData, [NotNullWhen(true)] out PreparedConnection? connection)
    {
        connection = null;
        if (_disposed
            || eventData.CommandSource != CommandSource.LinqQuery
            || command is not SqliteCommand { Transaction: null, Connection: { } efConnection }
            || efConnection.DataSource != _dataSource
            || command.CommandText.Contains("ef_", StringComparison.Ordinal)
            || command.CommandText.Contains("regexp", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (_idle.TryTake(out connection))
        {
            return true;
        }

        if (Interlocked.Increment(ref _created) > _maxConnections)
        {
            Interlocked.Decrement(ref _created);
            return false;
        }

        connection = new PreparedConnection(_connectionString);
        return true;
    }

    private void Return(PreparedConnection connection)
    {
        if (_disposed || !connection.Healthy)
        {
            connection.Dispose();
            Interlocked.Decrement(ref _created);
            return;
        }

        Interlocked.Increment(ref _reused);
        _idle.Add(connection);
    }

    /// <summary>One kept connection and its commands by SQL text; used by one reader at a time.</summary>
    private sealed class PreparedConnection(string connectionString) : IDisposable
    {
        private readonly SqliteConnection _connection = new(connectionString);
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public bool Healthy { get; private set; } = true;

        public LeasedReader Execute(DbCommand command, SqlitePreparedStatements owner)
        {
            try
            {
                EnsureOpen();
                return new LeasedReader(Prepared(command).ExecuteReader(), this, owner);
            }
            catch
            {
                Healthy = false;
                owner.Return(this);
                throw;
            }
        }

        public async Task<LeasedReader> ExecuteAsync(DbCommand command, SqlitePreparedStatements owner, CancellationToken cancellationToken)
        {
            try
            {
                EnsureOpen();
                return new LeasedReader(await Prepared(command).ExecuteReaderAsync(cancellationToken), this, owner);
            }
            catch
            {
                Healthy = false;
                owner.Return(this);
                throw;
            }
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            _connection.Dispose();
        }

        private void EnsureOpen()
        {
            if (_connection.State == ConnectionState.Open)
            {
                return;
            }

            _connection.Open();
            SqliteSpmDbContext.MakeLikeCaseSensitive(_connection);
            using var cache = _connection.CreateCommand();
            cache.CommandText = CachePragma;
            cache.ExecuteNonQuery();
        }

        /// <summary>This connection's command for the SQL, with the parameters EF Core bound to its own.</summary>
        private SqliteCommand Prepared(DbCommand command)
        {
            if (!_commands.TryGetValue(command.CommandText, out var prepared))
            {
                if (_commands.Count >= MaxStatementsPerConnection)
                {
                    foreach (var old in _commands.Values)
                    {
                        old.Dispose();
                    }

                    _commands.Clear();
                }

                prepared = _connection.CreateCommand();
                prepared.CommandText = command.CommandText;
                _commands.Add(command.CommandText, prepared);
            }

            prepared.CommandTimeout = command.CommandTimeout;
            prepared.Parameters.Clear();
            foreach (SqliteParameter parameter in command.Parameters)
            {
                prepared.Parameters.Add(parameter);
            }

            return prepared;
        }
    }

    /// <summary>The kept command's reader; gives the connection back when EF Core is done with it.</summary>
    private sealed class LeasedReader(SqliteDataReader reader, PreparedConnection connection, SqlitePreparedStatements owner) : DbDataReader
    {
        private int _returned;

        public override int Depth => reader.Depth;

        public override int FieldCount => reader.FieldCount;

        public override bool HasRows => reader.HasRows;

        public override bool IsClosed => reader.IsClosed;

        public override int RecordsAffected => reader.RecordsAffected;

        public override int VisibleFieldCount => reader.VisibleFieldCount;

        public override object this[int ordinal] => reader[ordinal];

        public override object this[string name] => reader[name];

        public override bool GetBoolean(int ordinal) => reader.GetBoolean(ordinal);

        public override byte GetByte(int ordinal) => reader.GetByte(ordinal);

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
            reader.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

        public override char GetChar(int ordinal) => reader.GetChar(ordinal);

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
            reader.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

        public override string GetDataTypeName(int ordinal) => reader.GetDataTypeName(ordinal);

        public override DateTime GetDateTime(int ordinal) => reader.GetDateTime(ordinal);

        public override decimal GetDecimal(int ordinal) => reader.GetDecimal(ordinal);

        public override double GetDouble(int ordinal) => reader.GetDouble(ordinal);

        public override IEnumerator GetEnumerator() => reader.GetEnumerator();

        public override Type GetFieldType(int ordinal) => reader.GetFieldType(ordinal);

        public override T GetFieldValue<T>(int ordinal) => reader.GetFieldValue<T>(ordinal);

        public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => reader.GetFieldValueAsync<T>(ordinal, cancellationToken);

        public override float GetFloat(int ordinal) => reader.GetFloat(ordinal);

        public override Guid GetGuid(int ordinal) => reader.GetGuid(ordinal);

        public override short GetInt16(int ordinal) => reader.GetInt16(ordinal);

        public override int GetInt32(int ordinal) => reader.GetInt32(ordinal);

        public override long GetInt64(int ordinal) => reader.GetInt64(ordinal);

        public override string GetName(int ordinal) => reader.GetName(ordinal);

        public override int GetOrdinal(string name) => reader.GetOrdinal(name);

        public override DataTable? GetSchemaTable() => reader.GetSchemaTable();

        public override Stream GetStream(int ordinal) => reader.GetStream(ordinal);

        public override string GetString(int ordinal) => reader.GetString(ordinal);

        public override TextReader GetTextReader(int ordinal) => reader.GetTextReader(ordinal);

        public override object GetValue(int ordinal) => reader.GetValue(ordinal);

        public override int GetValues(object[] values) => reader.GetValues(values);

        public override bool IsDBNull(int ordinal) => reader.IsDBNull(ordinal);

        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => reader.IsDBNullAsync(ordinal, cancellationToken);

        public override bool NextResult() => reader.NextResult();

        public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => reader.NextResultAsync(cancellationToken);

        public override bool Read() => reader.Read();

        public override Task<bool> ReadAsync(CancellationToken cancellationToken) => reader.ReadAsync(cancellationToken);

        public override void Close() => GiveBack();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                GiveBack();
            }

            base.Dispose(disposing);
        }

        /// <summary>Once: the reader is done with before the connection can serve another command.</summary>
        private void GiveBack()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                try
                {
                    reader.Dispose();
                }
                finally
                {
                    owner.Return(connection);
                }
            }
        }
    }
}
