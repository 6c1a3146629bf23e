using System.Text.Json.Nodes;

namespace SpmGraph.QueryConventions.Tests.Infrastructure;

/// <summary>One in-memory sort key: a value (null allowed) and a direction.</summary>
public sealed record SortBy<T>(Func<T, object?> Key, bool Descending = false);

/// <summary>
/// The reference semantics, computed with LINQ to Objects: ordinal text order, nulls last
/// ascending and first descending, ties by id; Relay windows by position.
/// </summary>
public static class Expected
{
    public static List<T> Order<T>(IEnumerable<T> rows, IReadOnlyList<SortBy<T>> keys, Func<T, int> id)
    {
        var list = rows.ToList();

        // Ties end on the id, so the order is total and an unstable sort is fine.
        list.Sort((a, b) =>
        {
            foreach (var key in keys)
            {
                var c = Compare(key.Key(a), key.Key(b), key.Descending);
                if (c != 0)
                {
                    return c;
                }
            }

            return id(a).CompareTo(id(b));
        });
        return list;
    }

    /// <summary>Slice by `after`/`before` positions, then keep the first `first`, then the last `last`.</summary>
    public static List<T> Window<T>(IReadOnlyList<T> ordered, int? first = null, int? after = null, int? last = null, int? before = null)
    {
        IEnumerable<T> rows = ordered;
        var start = after is { } a ? a + 1 : 0;
        var end = before ?? ordered.Count;
        rows = rows.Take(end).Skip(start);
        if (first is { } f)
        {
            rows = rows.Take(f);
        }

        if (last is { } l)
        {
            rows = rows.TakeLast(l);
        }

        return [.. rows];
    }

    /// <summary>The ids of a connection's `nodes`.</summary>
    public static List<int> Ids(JsonNode? connection) =>
        [.. connection!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<int>())];

    private static int Compare(object? x, object? y, bool descending)
    {
        if (x is null || y is null)
        {
            var nulls = (x is null ? 1 : 0) - (y is null ? 1 : 0);
            return descending ? -nulls : nulls;
        }

        var c = x is string s ? string.CompareOrdinal(s, (string)y) : ((IComparable)x).CompareTo(y);
        return descending ? -c : c;
    }
}
