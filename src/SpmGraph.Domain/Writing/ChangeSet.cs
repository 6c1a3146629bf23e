using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Writing;

/// <summary>
/// The rows a write creates and changes, and their audit trail: a changed row is compared with
/// its snapshot from before the change, field by field; one that did not really change is not
/// written and not audited. <see cref="FlushAsync"/> writes principal tables first, checks every
/// update against the version that was read, and appends one audit entry per created or changed
/// row (entity, id, region, action, old and new values as JSON, actor, time), all in the caller's
/// transaction.
/// </summary>
internal sealed class ChangeSet(DbContext db, string actor, DateTime at) : IAsyncDisposable
{
    // Principal tables before the tables that point at them.
    private static readonly Type[] Order = [typeof(ScoringScheme), typeof(ReportingPeriod), typeof(Report), typeof(Plan), typeof(Achievement)];

    private readonly RowStore _store = new(db);
    private readonly Dictionary<Type, Fields> _fields = [];
    private readonly List<object> _created = [];
    private readonly HashSet<object> _createdRows = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, object?[]> _updated = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<object> _touched = new(ReferenceEqualityComparer.Instance);

    /// <summary>A new row, written with every field (keys of new principals it points at resolved on the way).</summary>
    public void Create(object row)
    {
        if (_createdRows.Add(row))
        {
            _created.Add(row);
        }
    }

    /// <summary>Applies <paramref name="change"/> to a stored row; true when a field's value changed.</summary>
    public bool Update<T>(T row, Action<T> change)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        var fields = FieldsOf(typeof(T));
        var before = fields.Read(row);
        change(row);
        var changed = !fields.Read(row).SequenceEqual(before);
        if (changed && !_createdRows.Contains(row))
        {
            _updated.TryAdd(row, before);
        }

        return changed;
    }

    /// <summary>Bumps a stored row's version without changing its data, so a concurrent writer of the same row fails.</summary>
    public void Touch(IVersioned row) => _touched.Add(row);

    /// <summary>Writes what is pending; returns the number of audit entries written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var audit = new List<AuditEntry>();
        foreach (var type in Order)
        {
            var fields = FieldsOf(type);
            foreach (var row in _created.Where(r => r.GetType() == type))
            {
                await _store.InsertAsync(row, cancellationToken);
                var created = fields.Describe(null, fields.Read(row))!;
                if (row is ScoringScheme scheme)
                {
                    // A scheme's bands are part of it: written with it, listed in its entry.
                    foreach (var band in scheme.Bands)
                    {
                        band.ScoringSchemeId = scheme.Id;
                        await _store.InsertAsync(band, cancellationToken);
                    }

                    created = WithBands(created, scheme);
                }

                audit.Add(Entry(row, AuditAction.Created, created));
            }

            foreach (var (row, before) in _updated.Where(u => u.Key.GetType() == type))
            {
                if (fields.Describe(before, fields.Read(row)) is not { } changes)
                {
                    continue;
                }

                await UpdateAsync(row, cancellationToken);
                audit.Add(Entry(row, AuditAction.Updated, changes));
                _touched.Remove(row);
            }

            foreach (var row in _touched.Where(r => r.GetType() == type && !_createdRows.Contains(r)))
            {
                await UpdateAsync(row, cancellationToken);
            }
        }

        // The rollups of every region quarter written, in the same transaction: the next read sees both.
        var periods = _created.Concat(_updated.Keys).OfType<Achievement>().Select(a => new RollupPeriod(a.RegionId, a.Year, a.Quarter)).ToList();
        if (periods.Count > 0)
        {
            await AchievementRollups.RefreshAsync(db, periods, _store.AppendAsync, cancellationToken);
        }

        foreach (var entry in audit)
        {
            await _store.AppendAsync(entry, cancellationToken);
        }

        _created.Clear();
        _createdRows.Clear();
        _updated.Clear();
        _touched.Clear();
        return audit.Count;
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    /// <summary>The enum value as the API spells it (Submitted: SUBMITTED, RegencyCity: REGENCY_CITY).</summary>
    public static string ConstantCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }

    private async Task UpdateAsync(object row, CancellationToken cancellationToken)
    {
        if (row is not IVersioned versioned)
        {
            await _store.UpdateUnversionedAsync(row, cancellationToken);
            return;
        }

        var expected = versioned.Version;
        versioned.Version = expected + 1;
        await _store.UpdateAsync(versioned, expected, cancellationToken);
    }

    /// <summary>The created scheme's entry with its bands, e.g. "TUNTAS_UTAMA (Tuntas Utama) from 90; ...".</summary>
    private static string WithBands(string changes, ScoringScheme scheme)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(changes)!.AsObject();
        var bands = string.Join("; ", scheme.Bands.OrderByDescending(b => b.LowerBound)
            .Select(b => $"{b.Code} ({b.Label}) from {b.LowerBound.ToString(CultureInfo.InvariantCulture)}"));
        json["bands"] = new System.Text.Json.Nodes.JsonObject { ["old"] = null, ["new"] = bands };
        return json.ToJsonString();
    }

    private AuditEntry Entry(object row, AuditAction action, string changes)
    {
        var (type, id, regionId) = row switch
        {
            Achievement a => (AuditEntityType.Achievement, a.Id, (int?)a.RegionId),
            Plan p => (AuditEntityType.Plan, p.Id, p.RegionId),
            Report r => (AuditEntityType.Report, r.Id, r.RegionId),
            ReportingPeriod p => (AuditEntityType.ReportingPeriod, p.Id, (int?)null),
            ScoringScheme s => (AuditEntityType.ScoringScheme, s.Id, null),
            _ => throw new NotSupportedException($"{row.GetType().Name} is not audited."),
        };
        return new AuditEntry { EntityType = type, EntityId = id, RegionId = regionId, Action = action, Changes = changes, Actor = actor, At = at };
    }

    private Fields FieldsOf(Type type)
    {
        if (!_fields.TryGetValue(type, out var fields))
        {
            _fields[type] = fields = new Fields(db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not part of the model."));
        }

        return fields;
    }

    /// <summary>
    /// The audited fields of an entity type: every mapped property but the key and the concurrency token
    /// (<see cref="IVersioned.Version"/>, bookkeeping, not data; a scoring scheme's Version is data).
    /// </summary>
    private sealed class Fields(IEntityType entityType)
    {
        private readonly (string Name, IClrPropertyGetter Getter)[] _properties =
        [
            .. entityType.GetProperties()
                .Where(p => !p.IsPrimaryKey() && !(p.Name == nameof(IVersioned.Version) && typeof(IVersioned).IsAssignableFrom(entityType.ClrType)))
                .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.GetGetter())),
        ];

        public object?[] Read(object row) => [.. _properties.Select(p => p.Getter.GetClrValue(row))];

        /// <summary>{"field":{"old":..,"new":..},...} of the fields that differ (for a created row those that are set, old null); null when none does.</summary>
        public string? Describe(object?[]? before, object?[] after)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            var any = false;
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (var i = 0; i < _properties.Length; i++)
                {
                    // A created row lists the fields it has (null ones are left out); an update the ones it changed.
                    if (before is null ? after[i] is null : Equals(before[i], after[i]))
                    {
                        continue;
                    }

                    any = true;
                    json.WriteStartObject(_properties[i].Name);
                    json.WritePropertyName("old");
                    WriteValue(json, before?[i]);
                    json.WritePropertyName("new");
                    WriteValue(json, after[i]);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            return any ? Encoding.UTF8.GetString(buffer.WrittenSpan) : null;
        }

        private static void WriteValue(Utf8JsonWriter json, object? value)
        {
            switch (value)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case int i:
                    json.WriteNumberValue(i);
                    break;
                case long l:
                    json.WriteNumberValue(l);
                    break;
                case double d:
                    json.WriteNumberValue(d);
                    break;
                case bool b:
                    json.WriteBooleanValue(b);
                    break;
                case DateTime t:
                    json.WriteStringValue(DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
                    break;
                case Enum e:
                    json.WriteStringValue(ConstantCase(e.ToString()));
                    break;
                default:
                    json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
