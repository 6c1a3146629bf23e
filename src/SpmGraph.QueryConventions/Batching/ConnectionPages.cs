using SpmGraph.QueryConventions.Paging;

namespace SpmGraph.QueryConventions.Batching;

/// <summary>The pages of one or more lists (by key), cut alike from rows SQL read or rows kept in memory.</summary>
internal static class ConnectionPages<TKey, TNode>
    where TKey : notnull
{
    /// <summary>Each key's page from what <paramref name="load"/> reads for a window.</summary>
    public static async Task<Dictionary<TKey, Connection<TNode>>> PagesAsync(ConnectionQuery<TNode> query, IReadOnlyCollection<TKey> keys, Func<IReadOnlyCollection<TKey>, Window, Task<List<NestedRows<TKey, TNode>>>> load)
    {
        var window = query.Window;
        var loaded = await load(keys, window);
        var pages = loaded.ToDictionary(r => r.Key, r => ToConnection(query, r, window));
        if (query.ReadRows && window.LastBefore is { } last)
        {
            // Lists share `before`, which may lie past some lists' last row: those get their last
            // rows, as `last` alone would (one more read, only when it happens).
            var ended = loaded.Where(r => r.Count < window.End).Select(r => r.Key).ToList();
            if (ended.Count > 0)
            {
                var tail = window with { Start = window.Floor, End = null, FromEnd = last, LastBefore = null };
                foreach (var rows in await load(ended, tail))
                {
                    pages[rows.Key] = ToConnection(query, rows, tail);
                }
            }
        }

        return pages;
    }

    /// <summary>What SQL reads for the window, from the rows in memory that pass <paramref name="filter"/>, sorted by <paramref name="order"/> (which ends in the key).</summary>
    public static List<NestedRows<TKey, TNode>> FromMemory(ConnectionQuery<TNode> query, IReadOnlyDictionary<TKey, IReadOnlyList<TNode>> all, IReadOnlyCollection<TKey> keys, Window window, Func<TNode, bool> filter, Comparison<TNode> order)
    {
        var loaded = new List<NestedRows<TKey, TNode>>(keys.Count);
        foreach (var key in keys)
        {
            var rows = all.TryGetValue(key, out var found) ? found.Where(filter).ToArray() : [];
            var page = new List<TNode>();
            if (query.ReadRows)
            {
                Array.Sort(rows, order);
                page = window.End is null
                    ? [.. rows.Reverse().Take(window.FromEnd!.Value)]
                    : [.. rows.Skip((int)window.Start).Take(window.Take)];
            }

            loaded.Add(new NestedRows<TKey, TNode> { Key = key, Items = page, Count = rows.Length });
        }

        return loaded;
    }

    private static Connection<TNode> ToConnection(ConnectionQuery<TNode> query, NestedRows<TKey, TNode> rows, Window window)
    {
        int? total = query.Count ? rows.Count : null;
        if (!query.ReadRows)
        {
            return new Connection<TNode> { Edges = [], PageInfo = new PageInfo(false, false, null, null), TotalCount = total };
        }

        // The count read for `last` + `before` also tells whether anything follows.
        return window.End is null ? window.Backward(rows.Items, rows.Count) : window.Forward(rows.Items, window.LastBefore is null ? total : rows.Count);
    }
}
