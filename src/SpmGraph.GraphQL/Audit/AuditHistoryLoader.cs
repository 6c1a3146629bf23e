using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
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
