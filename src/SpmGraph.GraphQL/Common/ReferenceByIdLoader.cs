using SpmGraph.QueryConventions.Batching;

namespace SpmGraph.GraphQL.Common;

/// <summary>
/// Entities of a reference table by id (the objects a row links to: a plan's region, indicator, OPD), from
/// <see cref="ReferenceRows{TEntity}"/> at the request's data version: no statement of their own.
/// Each entity's loader is a one-line subclass, so resolvers ask for it by type.
/// </summary>
public abstract class ReferenceByIdLoader<TEntity>(ReferenceRows<TEntity> rows, RequestDataVersion version) : BatchLoader<int, TEntity>
    where TEntity : class
{
    protected override async Task<IReadOnlyDictionary<int, TEntity>> LoadBatchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        var all = await rows.GetAsync(version, cancellationToken);
        return keys.Where(all.ContainsKey).ToDictionary(k => k, k => all[k]);
    }
}
