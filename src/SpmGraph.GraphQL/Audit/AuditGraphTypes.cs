using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions.Projection;

namespace SpmGraph.GraphQL.Audit;

public sealed class AuditEntityTypeGraphType : EnumerationGraphType<AuditEntityType>
{
    public AuditEntityTypeGraphType()
    {
        Name = "AuditEntityType";
        Description = "The kinds of row the audit trail follows.";
    }
}

public sealed class AuditActionGraphType : EnumerationGraphType<AuditAction>
{
    public AuditActionGraphType()
    {
        Name = "AuditAction";
        Description = "What a write did to a row.";
    }
}

/// <summary>One field of an audited write.</summary>
public sealed record AuditChange(string Field, string? OldValue, string? NewValue);

public sealed class AuditChangeGraphType : ObjectGraphType<AuditChange>
{
    public AuditChangeGraphType()
    {
        Name = "AuditChange";
        Description = "One field of a write: its value before and after, as text (numbers invariant, instants ISO-8601 UTC, enums as the API spells them); null for none.";
        Field(c => c.Field).Description("The field's name, e.g. \"served\"; references are named as the inputs name them: regionCode and indicatorCode (codes), opdId and reportId (global ids).");
        Field(c => c.OldValue, nullable: true).Description("Before the write; null for a created row.");
        Field(c => c.NewValue, nullable: true);
    }
}

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One write to a plan, achievement row, report or reporting period: who changed which fields from what to what, and when.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id)).Reads(e => e.Id);
        Field<NonNullGraphType<AuditEntityTypeGraphType>>("entityType").Resolve(ctx => ctx.Source.EntityType).Reads(e => e.EntityType);
        Field<NonNullGraphType<IdGraphType>>("entityId")
            .Description("The `id` of the changed row, as its type shows it.")
            .Resolve(ctx => GlobalId.Encode(ctx.Source.EntityType.ToString(), ctx.Source.EntityId))
            .Reads(e => e.EntityType, e => e.EntityId);
        Field<RegionGraphType>("region")
            .Description("The region of the changed row; null for reporting periods.")
            .Resolve(ctx => ctx.Source.RegionId is { } id ? ctx.Service<RegionByIdLoader>().Load(id) : null)
            .Reads(e => e.RegionId);
        Field<NonNullGraphType<AuditActionGraphType>>("action").Resolve(ctx => ctx.Source.Action).Reads(e => e.Action);
        Field(e => e.Actor).Description("Who wrote: the signed-in user's name, \"anonymous\", \"cli\", or \"import:<file>\" for the bulk import.");
        Field(e => e.At).Description("When the write was made (UTC).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditChangeGraphType>>>>("changes")
            .Description("The fields the write set: every field for a created row, the changed ones for an update.")
            .Resolve(ctx => Named(ctx, Changes(ctx.Source.Changes)))
            .Reads(e => e.Changes);
    }

    internal static List<AuditChange> Changes(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(f => new AuditChange(f.Name, Text(f.Value.GetProperty("old")), Text(f.Value.GetProperty("new"))))];
    }

    /// <summary>
    /// The changes as the API names things: the stored row keeps table ids (regionId 118), which nothing in the API
    /// resolves, so references are shown as the inputs take them: regionCode and indicatorCode by code, opdId and
    /// reportId as global ids. Codes come from the batch loaders, so a page of entries costs one lookup per kind.
    /// </summary>
    private static Deferred<List<AuditChange>> Named(IResolveFieldContext context, List<AuditChange> changes)
    {
        var regions = context.Service<RegionByIdLoader>();
        var indicators = context.Service<IndicatorByIdLoader>();
        var named = changes.Select<AuditChange, Func<Task<AuditChange>>>(change => change.Field switch
        {
            "regionId" => ByCode(change, "regionCode", id => regions.Load(id), r => r.Code),
            "indicatorId" => ByCode(change, "indicatorCode", id => indicators.Load(id), i => i.Code),
            "opdId" => ByGlobalId(change, "Opd"),
            "reportId" => ByGlobalId(change, "Report"),
            _ => () => Task.FromResult(change),
        }).ToList();
        return new Deferred<List<AuditChange>>(async cancellationToken =>
        {
            var result = new List<AuditChange>(named.Count);
            foreach (var change in named)
            {
                result.Add(await change());
            }

            return result;
        });
    }

    /// <summary>Queues the lookups now (so entries of one page share a batch) and renames the field.</summary>
    private static Func<Task<AuditChange>> ByCode<T>(AuditChange change, string field, Func<int, IDataLoaderResult<T?>> load, Func<T, string> code)
        where T : class
    {
        var before = Id(change.OldValue) is { } o ? load(o) : null;
        var after = Id(change.NewValue) is { } n ? load(n) : null;
        return async () => new AuditChange(
            field,
            before is null ? null : await before.GetResultAsync() is { } b ? code(b) : change.OldValue,
            after is null ? null : await after.GetResultAsync() is { } a ? code(a) : change.NewValue);
    }

    private static Func<Task<AuditChange>> ByGlobalId(AuditChange change, string typeName) => () => Task.FromResult(change with
    {
        OldValue = Id(change.OldValue) is { } o ? GlobalId.Encode(typeName, o) : null,
        NewValue = Id(change.NewValue) is { } n ? GlobalId.Encode(typeName, n) : null,
    });

    private static int? Id(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A result GraphQL.NET awaits after the whole level has queued its loads.</summary>
    private sealed class Deferred<T>(Func<CancellationToken, Task<T>> resolve) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => resolve(cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await resolve(cancellationToken);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };
}
