using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Writing;

/// <summary>
/// Inserts and updates single rows with prepared commands built from the EF Core model (tables,
/// columns, value converters), on the context's connection and transaction. EF's SaveChanges costs
/// a few hundred microseconds a row; an import writes a hundred thousand rows plus their audit entries.
/// </summary>
internal sealed class RowStore(DbContext db) : IAsyncDisposable
{
    private readonly Dictionary<Type, Table> _tables = [];

    /// <summary>INSERT ... RETURNING the generated key, which is set on <paramref name="row"/>; foreign keys left 0 are taken from their navigation.</summary>
    public async Task InsertAsync(object row, CancellationToken cancellationToken)
    {
        var table = TableOf(row.GetType());
        table.ResolveForeignKeys(row);
        var command = await table.InsertAsync(db, returning: true, cancellationToken);
        table.Bind(command, row, update: false, version: null);
        var key = await command.ExecuteScalarAsync(cancellationToken);
        table.Key.PropertyInfo!.SetValue(row, Convert.ChangeType(key, table.Key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>INSERT without reading the key back (nothing refers to the row, e.g. an audit entry).</summary>
    public async Task AppendAsync(object row, CancellationToken cancellationToken)
    {
        var table = TableOf(row.GetType());
        var command = await table.InsertAsync(db, returning: false, cancellationToken);
        table.Bind(command, row, update: false, version: null);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>UPDATE every column WHERE key AND Version = <paramref name="expectedVersion"/>; none updated means someone else wrote first.</summary>
    public async Task UpdateAsync(IVersioned row, int expectedVersion, CancellationToken cancellationToken)
    {
        var table = TableOf(row.GetType());
        var command = await table.UpdateAsync(db, cancellationToken);
        table.Bind(command, row, update: true, expectedVersion);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new WriteConflictException($"{row.GetType().Name} {table.Key.PropertyInfo!.GetValue(row)} is no longer at version {expectedVersion}.");
        }
    }

    /// <summary>UPDATE every column WHERE key, for a row without a concurrency token (the transaction is serializable).</summary>
    public async Task UpdateUnversionedAsync(object row, CancellationToken cancellationToken)
    {
        var table = TableOf(row.GetType());
        var command = await table.UpdateAsync(db, cancellationToken);
        table.Bind(command, row, update: true, version: null);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new WriteConflictException($"{row.GetType().Name} {table.Key.PropertyInfo!.GetValue(row)} no longer exists.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _tables.Values)
        {
            await table.DisposeAsync();
        }
    }

    private Table TableOf(Type type)
    {
        if (!_tables.TryGetValue(type, out var table))
        {
            _tables[type] = table = new Table(db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not part of the model."), db.GetService<ISqlGenerationHelper>());
        }

        return table;
    }

    private sealed class Table : IAsyncDisposable
    {
        private readonly ISqlGenerationHelper _sql;
        private readonly string _name;
        private readonly List<(IProperty Property, string Column)> _columns;
        private readonly List<(PropertyInfo ForeignKey, IClrPropertyGetter Navigation, PropertyInfo PrincipalKey)> _references = [];
        private DbCommand? _insert;
        private DbCommand? _append;
        private DbCommand? _update;

        public Table(IEntityType entityType, ISqlGenerationHelper sql)
        {
            _sql = sql;
            var tableName = entityType.GetTableName()!;
            var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
            _name = sql.DelimitIdentifier(tableName, entityType.GetSchema());
            Key = entityType.FindPrimaryKey()!.Properties.Single();
            KeyColumn = sql.DelimitIdentifier(Key.GetColumnName(store)!);
            _columns = [.. entityType.GetProperties().Where(p => p != Key).Select(p => (p, sql.DelimitIdentifier(p.GetColumnName(store)!)))];
            Version = typeof(IVersioned).IsAssignableFrom(entityType.ClrType) ? _columns.FindIndex(c => c.Property.Name == nameof(IVersioned.Version)) : -1;
            foreach (var foreignKey in entityType.GetForeignKeys())
            {
                if (foreignKey.Properties is [{ PropertyInfo: { } property }] && foreignKey.DependentToPrincipal is { } navigation)
                {
                    _references.Add((property, navigation.GetGetter(), foreignKey.PrincipalKey.Properties.Single().PropertyInfo!));
                }
            }
        }

        public IProperty Key { get; }

        private string KeyColumn { get; }

        private int Version { get; }

        /// <summary>Whether the entity has a concurrency token (<see cref="IVersioned"/>): a scoring scheme's Version is data.</summary>
        private bool IsVersioned => Version >= 0;

        public void ResolveForeignKeys(object row)
        {
            foreach (var (foreignKey, navigation, principalKey) in _references)
            {
                if (foreignKey.GetValue(row) is null or 0 && navigation.GetClrValue(row) is { } principal)
                {
                    foreignKey.SetValue(row, principalKey.GetValue(principal));
                }
            }
        }

        [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Identifiers come from the EF model and are delimited by the provider; values are parameters.")]
        public async Task<DbCommand> InsertAsync(DbContext db, bool returning, CancellationToken cancellationToken)
        {
            var insert = returning ? _insert : _append;
            if (insert is null)
            {
                insert = Create(db, forUpdate: false);
                insert.CommandText =
                    $"INSERT INTO {_name} ({string.Join(", ", _columns.Select(c => c.Column))}) "
                    + $"VALUES ({string.Join(", ", _columns.Select((_, i) => _sql.GenerateParameterNamePlaceholder("p" + i)))})"
                    + (returning ? $" RETURNING {KeyColumn}" : "");
                await insert.PrepareAsync(cancellationToken);
                if (returning)
                {
                    _insert = insert;
                }
                else
                {
                    _append = insert;
                }
            }

            return insert;
        }

        [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Identifiers come from the EF model and are delimited by the provider; values are parameters.")]
        public async Task<DbCommand> UpdateAsync(DbContext db, CancellationToken cancellationToken)
        {
            if (_update is null)
            {
                _update = Create(db, forUpdate: true);
                _update.CommandText =
                    $"UPDATE {_name} SET {string.Join(", ", _columns.Select((c, i) => $"{c.Column} = {_sql.GenerateParameterNamePlaceholder("p" + i)}"))} "
                    + $"WHERE {KeyColumn} = {_sql.GenerateParameterNamePlaceholder("key")}"
                    + (IsVersioned ? $" AND {_columns[Version].Column} = {_sql.GenerateParameterNamePlaceholder("expected")}" : "");
                await _update.PrepareAsync(cancellationToken);
            }

            return _update;
        }

        /// <summary>Sets the parameters from the row; for an update also the key and, for a versioned row, the version it must still have.</summary>
        public void Bind(DbCommand command, object row, bool update, int? version)
        {
            for (var i = 0; i < _columns.Count; i++)
            {
                command.Parameters[i].Value = ProviderValue(_columns[i].Property, row);
            }

            if (update)
            {
                command.Parameters[_columns.Count].Value = ProviderValue(Key, row);
                if (IsVersioned)
                {
                    command.Parameters[_columns.Count + 1].Value = version ?? throw new InvalidOperationException("A versioned row is updated against the version that was read.");
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_insert is not null)
            {
                await _insert.DisposeAsync();
            }

            if (_append is not null)
            {
                await _append.DisposeAsync();
            }

            if (_update is not null)
            {
                await _update.DisposeAsync();
            }
        }

        private static object ProviderValue(IProperty property, object row)
        {
            var value = property.GetGetter().GetClrValue(row);
            if (value is not null && property.GetTypeMapping().Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            return value ?? DBNull.Value;
        }

        private DbCommand Create(DbContext db, bool forUpdate)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (property, _) in _columns)
            {
                // The mapping creates the parameter as EF would (DbType, size, provider specifics).
                var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, _sql.GenerateParameterName("p" + command.Parameters.Count), null, property.IsNullable));
            }

            if (!forUpdate)
            {
                return command;
            }

            var keyMapping = (RelationalTypeMapping)Key.GetTypeMapping();
            command.Parameters.Add(keyMapping.CreateParameter(command, _sql.GenerateParameterName("key"), null, nullable: false));
            if (IsVersioned)
            {
                command.Parameters.Add(keyMapping.CreateParameter(command, _sql.GenerateParameterName("expected"), null, nullable: false));
            }

            return command;
        }
    }
}

/// <summary>A row was changed by someone else between reading and writing it.</summary>
public sealed class WriteConflictException : Exception
{
    public WriteConflictException()
    {
    }

    public WriteConflictException(string message)
        : base(message)
    {
    }

    public WriteConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
