using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SpmGraph.Domain.Seeding;

/// <summary>
/// Writes many rows of one mapped entity type without change tracking, driven by the EF Core model
/// (table and column names, store types, value converters such as enums-as-strings and UTC
/// DateTimes). On PostgreSQL it streams a binary COPY, with the table's foreign keys checked once
/// after the load rather than per row: an INSERT per row costs a network round trip each there.
/// Elsewhere (SQLite, in-process) one parameterised INSERT is prepared once and executed per row on
/// the context's connection: plain ADO.NET, so it works for any relational provider.
/// </summary>
/// <remarks>
/// Rows are written exactly as given, keys included: callers assign ids themselves. The command
/// joins the context's current transaction; callers open one around a batch of tables.
/// </remarks>
public sealed class BulkInserter(DbContext db)
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Inserts <paramref name="rows"/> into the table of <typeparamref name="T"/>; returns the row count.</summary>
    public async Task<int> InsertAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var schema = entityType.GetSchema();
        var storeObject = StoreObjectIdentifier.Table(table, schema);
        var sql = db.GetService<ISqlGenerationHelper>();

        var columns = entityType.GetProperties()
            .Select(p => new Column(
                p.GetColumnName(storeObject) ?? throw new InvalidOperationException($"{p.Name} has no column in {table}."),
                p.IsShadowProperty() ? throw new NotSupportedException($"Shadow property {p.Name} cannot be read from an entity.") : p.GetGetter(),
                p.GetRelationalTypeMapping(),
                p.IsNullable))
            .ToList();

        int count;
        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            var foreignKeys = await SuspendForeignKeysAsync(npgsql, table, schema, sql, cancellationToken);
            count = await CopyAsync(npgsql, rows, table, schema, columns, sql, cancellationToken);
            await RestoreForeignKeysAsync(npgsql, table, schema, sql, foreignKeys, cancellationToken);
        }
        else
        {
            count = await InsertEachAsync(rows, table, schema, columns, sql, cancellationToken);
        }

        await SyncIdentityAsync(entityType, table, schema, sql, cancellationToken);
        return count;
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Identifiers come from the EF model and are delimited by the provider; values are parameters.")]
    private async Task<int> InsertEachAsync<T>(IEnumerable<T> rows, string table, string? schema, List<Column> columns, ISqlGenerationHelper sql, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            // The mapping creates the parameter as EF would (DbType, size, provider specifics).
            parameters[i] = columns[i].Mapping.CreateParameter(command, sql.GenerateParameterName("p" + i), null, columns[i].Nullable);
            command.Parameters.Add(parameters[i]);
        }

        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table, schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => sql.GenerateParameterNamePlaceholder("p" + i)))})";
        await command.PrepareAsync(cancellationToken);

        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }

        return count;
    }

    // COPY runs on the connection's session, so it joins the open transaction by itself. Each value
    // is written with its column's store type (e.g. "character varying", "timestamp with time zone"):
    // binary COPY has no type check of its own, so a wrong width would corrupt rather than fail.
    private static async Task<int> CopyAsync<T>(NpgsqlConnection connection, IEnumerable<T> rows, string table, string? schema, List<Column> columns, ISqlGenerationHelper sql, CancellationToken cancellationToken)
        where T : class
    {
        var copy = $"COPY {sql.DelimitIdentifier(table, schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        var storeTypes = columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        var count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (columns[i].ProviderValue(row) is { } value)
                    {
                        await importer.WriteAsync(value, storeTypes[i], cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }

                count++;
            }

            await importer.CompleteAsync(cancellationToken);
        }

        return count;
    }

    // PostgreSQL checks foreign keys row by row during COPY (four index look-ups per achievement,
    // most of the load's time); dropped for the load and added back, they are checked once, as a
    // join. Only inside a transaction, so the constraints are never missing outside it, and only
    // when the login owns the table (ALTER TABLE needs that); otherwise the COPY checks each row.
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Identifiers come from the EF model and the catalog and are delimited; the table is a parameter.")]
    private async Task<List<(string Name, string Definition)>> SuspendForeignKeysAsync(NpgsqlConnection connection, string table, string? schema, ISqlGenerationHelper sql, CancellationToken cancellationToken)
    {
        var foreignKeys = new List<(string Name, string Definition)>();
        if (db.Database.CurrentTransaction is null)
        {
            return foreignKeys;
        }

        var qualified = sql.DelimitIdentifier(table, schema);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText =
                "SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
                + "WHERE c.conrelid = @table::regclass AND c.contype = 'f' AND pg_has_role(t.relowner, 'MEMBER') ORDER BY c.conname";
            command.Parameters.AddWithValue("table", qualified);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                foreignKeys.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in foreignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {qualified} DROP CONSTRAINT {sql.DelimitIdentifier(name)}", cancellationToken);
        }

        return foreignKeys;
    }

    private static async Task RestoreForeignKeysAsync(NpgsqlConnection connection, string table, string? schema, ISqlGenerationHelper sql, List<(string Name, string Definition)> foreignKeys, CancellationToken cancellationToken)
    {
        var qualified = sql.DelimitIdentifier(table, schema);
        foreach (var (name, definition) in foreignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {qualified} ADD CONSTRAINT {sql.DelimitIdentifier(name)} {definition}", cancellationToken);
        }
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Callers build the text from delimited identifiers and catalog definitions.")]
    private static async Task ExecuteAsync(NpgsqlConnection connection, string text, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // PostgreSQL identity sequences do not move when ids are inserted explicitly, so the next
    // insert through EF would collide; SQLite's AUTOINCREMENT bookkeeping follows on its own.
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Identifiers come from the EF model.")]
    private async Task SyncIdentityAsync(IEntityType entityType, string table, string? schema, ISqlGenerationHelper sql, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName != NpgsqlProvider
            || entityType.FindPrimaryKey()?.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } key]
            || key.ClrType != typeof(int) && key.ClrType != typeof(long))
        {
            return;
        }

        var column = key.GetColumnName(StoreObjectIdentifier.Table(table, schema))!;
        var qualified = sql.DelimitIdentifier(table, schema);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            $"SELECT setval(pg_get_serial_sequence('{qualified.Replace("'", "''", StringComparison.Ordinal)}', '{column}'), "
            + $"(SELECT MAX({sql.DelimitIdentifier(column)}) FROM {qualified})) WHERE EXISTS (SELECT 1 FROM {qualified})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool Nullable)
    {
        /// <summary>The row's value as the database stores it (after the model's value converter).</summary>
        public object? ProviderValue(object row)
        {
            var value = Getter.GetClrValue(row);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
