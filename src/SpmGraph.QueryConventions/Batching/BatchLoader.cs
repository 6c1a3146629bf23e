using GraphQL.DataLoader;

namespace SpmGraph.QueryConventions.Batching;

/// <summary>
/// A per-request batch loader on GraphQL.NET's <see cref="IDataLoaderResult"/>: keys requested while a
/// level of the query executes are collected, and the first result awaited loads them all in one call.
/// Safe under the parallel execution strategy; values are cached for the rest of the request.
/// </summary>
public abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, TValue?> _cache = [];
    private Batch _open = new();

    /// <summary>Queues a key; the returned result resolves once its batch has loaded.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return new Completed(cached);
            }

            _open.Keys.Add(key);
            return new Pending(this, _open, key);
        }
    }

    /// <summary>Loads the values of many keys at once; missing keys resolve to default.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken);

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Loading is null)
            {
                // Close the batch: keys requested from now on go to the next one.
                if (ReferenceEquals(batch, _open))
                {
                    _open = new Batch();
                }

                batch.Loading = LoadAndCacheAsync(batch.Keys, cancellationToken);
            }

            return batch.Loading;
        }
    }

    private async Task<IReadOnlyDictionary<TKey, TValue>> LoadAndCacheAsync(HashSet<TKey> keys, CancellationToken cancellationToken)
    {
        var values = await LoadBatchAsync(keys, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _cache[key] = values.TryGetValue(key, out var value) ? value : default;
            }
        }

        return values;
    }

    private sealed class Batch
    {
        public HashSet<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Loading { get; set; }
    }

    private sealed class Completed(TValue? value) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await loader.Dispatch(batch, cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
