using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.QueryConventions.Batching;

namespace SpmGraph.GraphQL.Common;

/// <summary>
/// Entities by primary key (`Id`), one query per batch: the objects a row links to (a plan's region, indicator, OPD).
/// Each entity's loader is a one-line subclass, so resolvers ask for it by type.
/// </summary>
public abstract class ByIdLoader<TEntity>(IDbContextFactory<SpmDbContext> factory, Func<TEntity, int> idOf) : BatchLoader<int, TEntity>
    where TEntity : class
{
    protected override async Task<IReadOnlyDictionary<int, TEntity>> LoadBatchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<TEntity>().AsNoTracking().Where(e => keys.Contains(EF.Property<int>(e, "Id"))).ToListAsync(cancellationToken);
        return rows.ToDictionary(idOf);
    }
}

/// <summary>Entities of a reference table by id, from <see cref="ReferenceRows{TEntity}"/> at the request's data version: no statement of their own.</summary>
public abstract class ReferenceByIdLoader<TEntity>(ReferenceRows<TEntity> rows, RequestDataVersion version) : BatchLoader<int, TEntity>
    where TEntity : class
{
    protected override async Task<IReadOnlyDictionary<int, TEntity>> LoadBatchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        var all = await rows.GetAsync(version, cancellationToken);
        return keys.Where(all.ContainsKey).ToDictionary(k => k, k => all[k]);
    }
}
