using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SpmGraph.Domain.Seeding;

/// <summary>
/// Writes many rows of one mapped entity type without change tracking: one parameterised INSERT
/// per table, built from the EF Core model (table and column names, value converters such as
/// enums-as-strings and UTC DateTimes), prepared once and executed per row on the context's
/// connection. Plain ADO.NET, so it works for any relational provider.
/// </summary>
/// <remarks>
/// Rows are written exactly as given, keys included: callers assign ids themselves. The command
/// joins the context's current transaction; callers open one around a batch of tables.
/// </remarks>
public sealed class BulkInserter(DbContext db)
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Inserts <paramref name="rows"/> into the table of <typeparamref name="T"/>; returns the row count.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Identifiers come from the EF model and are delimited by the provider; values are parameters.")]
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
                var value = columns[i].Getter.GetClrValue(row);
                if (value is not null && columns[i].Mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                parameters[i].Value = value ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }

        await SyncIdentityAsync(entityType, table, schema, sql, cancellationToken);
        return count;
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

    private sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool Nullable);
}
