using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.QueryConventions.Batching;

namespace SpmGraph.GraphQL.Audit;

/// <summary>The audit entries of many rows, newest first: one query per entity type in a batch.</summary>
public sealed class AuditHistoryLoader(IDbContextFactory<SpmDbContext> factory) : BatchLoader<(AuditEntityType Type, int Id), IReadOnlyList<AuditEntry>>
{
    protected override async Task<IReadOnlyDictionary<(AuditEntityType Type, int Id), IReadOnlyList<AuditEntry>>> LoadBatchAsync(
        IReadOnlyCollection<(AuditEntityType Type, int Id)> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var history = keys.ToDictionary(k => k, _ => (IReadOnlyList<AuditEntry>)[]);
        foreach (var group in keys.GroupBy(k => k.Type))
        {
            var type = group.Key;
            var ids = group.Select(k => k.Id).ToList();
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == type && ids.Contains(e.EntityId))
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .ToListAsync(cancellationToken);
            foreach (var row in entries.GroupBy(e => e.EntityId))
            {
                history[(type, row.Key)] = [.. row];
            }
        }

        return history;
    }
}

/// <summary>A row's history, shown only to callers whose scope covers the row's region.</summary>
public static class AuditHistory
{
    public static async Task<IReadOnlyList<AuditEntry>> ForAsync(global::GraphQL.IResolveFieldContext context, AuditEntityType type, int id, int regionId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = SpmGraph.GraphQL.Security.CallerScopeExtensions.Scope(context);
        if (scope.Role is null)
        {
            return [];
        }

        if (!scope.IsNational)
        {
            var regions = context.Service<SpmGraph.GraphQL.Regions.RegionByIdLoader>();
            var region = await regions.Load(regionId).GetResultAsync(context.CancellationToken);
            var parent = region?.ParentId is { } parentId ? await regions.Load(parentId).GetResultAsync(context.CancellationToken) : null;
            if (region is null || !scope.CoversRegion(region.Code, parent?.Code))
            {
                return [];
            }
        }

        return await context.Service<AuditHistoryLoader>().Load((type, id)).GetResultAsync(context.CancellationToken) ?? [];
    }
}
