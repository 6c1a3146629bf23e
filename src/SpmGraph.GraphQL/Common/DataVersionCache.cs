using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Batching;

namespace SpmGraph.GraphQL.Common;

/// <summary>
/// A value read from the database once per <see cref="Domain.Model.DataVersion"/> and shared by all requests (a
/// singleton): every write bumps the version, so the value is as fresh as the version a request read. What it holds
/// is never modified.
/// </summary>
public abstract class DataVersionCache<T>(IDbContextFactory<SpmDbContext> factory)
{
    private volatile Entry? _entry;

    public Task<T> GetAsync(long version)
    {
        var entry = _entry;

        // A request that read an older version may use a newer value: what it caches is then fresher than its version.
        if (entry is null || entry.Version < version || entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            entry = new Entry(version, ReadAsync());
            _entry = entry;
        }

        return entry.Value;
    }

    /// <summary>The value at the data version the request read.</summary>
    public async Task<T> GetAsync(RequestDataVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        return await GetAsync(await version.GetAsync(cancellationToken));
    }

    protected abstract Task<T> LoadAsync(SpmDbContext db);

    private async Task<T> ReadAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await LoadAsync(db);
    }

    private sealed record Entry(long Version, Task<T> Value);
}

/// <summary>
/// All rows of a small table that writes never change (regions, the indicator catalog) by id, per data version: the
/// objects other rows link to come from memory instead of a statement per batch.
/// </summary>
/// <param name="factory">Where the rows are read.</param>
/// <param name="idOf">A row's id.</param>
/// <param name="link">Sets the rows' to-one relations to the rows read with them, before any request sees them (a root connection's filter reads through them in memory).</param>
public sealed class ReferenceRows<TEntity>(IDbContextFactory<SpmDbContext> factory, Func<TEntity, int> idOf, Action<IReadOnlyDictionary<int, TEntity>>? link = null)
    : DataVersionCache<IReadOnlyDictionary<int, TEntity>>(factory)
    where TEntity : class
{
    private readonly ConditionalWeakTable<IReadOnlyDictionary<int, TEntity>, IReadOnlyList<TEntity>> _lists = [];

    /// <summary>The rows at the request's data version as one list, for a root connection (<see cref="ConnectionOptions{TNode}.KeptIn"/>).</summary>
    public async Task<IReadOnlyList<TEntity>> ListAsync(RequestDataVersion version, CancellationToken cancellationToken) =>
        _lists.GetValue(await GetAsync(version, cancellationToken), all => [.. all.Values]);

    protected override async Task<IReadOnlyDictionary<int, TEntity>> LoadAsync(SpmDbContext db)
    {
        var all = await db.Set<TEntity>().AsNoTracking().ToDictionaryAsync(idOf);
        link?.Invoke(all);
        return all;
    }
}

/// <summary>
/// The rows of a <see cref="ReferenceRows{TEntity}"/> grouped by a foreign key (a province's kabupaten/kota, a
/// region's OPDs), derived once from each version's rows: the items a nested connection pages over in memory.
/// </summary>
public abstract class ReferenceGroups<TEntity>(ReferenceRows<TEntity> rows, Func<TEntity, int?> keyOf)
    where TEntity : class
{
    private readonly ConditionalWeakTable<IReadOnlyDictionary<int, TEntity>, IReadOnlyDictionary<int, IReadOnlyList<TEntity>>> _groups = [];

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<TEntity>>> GetAsync(RequestDataVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var all = await rows.GetAsync(version, cancellationToken);
        return _groups.GetValue(all, Group);
    }

    private IReadOnlyDictionary<int, IReadOnlyList<TEntity>> Group(IReadOnlyDictionary<int, TEntity> all) =>
        all.Values.Where(e => keyOf(e) is not null).GroupBy(e => keyOf(e)!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<TEntity>)[.. g]);
}

public static class ReferenceRows
{
    /// <summary>The rows of <see cref="ReferenceRows{TEntity}"/> (a singleton) at the request's data version, for a root connection (<see cref="ConnectionOptions{TNode}.KeptIn"/>).</summary>
    public static Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<TEntity>>> Kept<TEntity>()
        where TEntity : class =>
        (services, cancellationToken) => services.GetRequiredService<ReferenceRows<TEntity>>().ListAsync(services.GetRequiredService<RequestDataVersion>(), cancellationToken);
}

public static class ReferenceGroups
{
    /// <summary>The items of <typeparamref name="TGroups"/> (a singleton) at the request's data version, for a nested connection (<see cref="ConnectionFieldExtensions.NestedConnection"/>).</summary>
    public static ItemsInMemory<int, TEntity> Items<TGroups, TEntity>()
        where TGroups : ReferenceGroups<TEntity>
        where TEntity : class =>
        (services, cancellationToken) => services.GetRequiredService<TGroups>().GetAsync(services.GetRequiredService<RequestDataVersion>(), cancellationToken);
}
