using GraphQL;

namespace SpmGraph.QueryConventions.Paging;

/// <summary>The validated `first`/`after`/`last`/`before` of one connection field.</summary>
internal sealed record PageRequest(int? First, int? Last, long? After, long? Before)
{
    /// <summary>The most items an unpaged request may return (it reads one more to tell), when the field returns all.</summary>
    public int? UnpagedMax { get; init; }

    public static PageRequest From(IResolveFieldContext context, QueryConventionOptions options, Unpaged? unpaged = null)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        Check("first", first, options);
        Check("last", last, options);
        var after = context.GetArgument<string?>("after") is { } a ? Cursor.Decode(a, "after") : (long?)null;
        var before = context.GetArgument<string?>("before") is { } b ? Cursor.Decode(b, "before") : (long?)null;
        int? unpagedMax = null;
        if (first is null && last is null)
        {
            unpagedMax = unpaged?.Max(context);
            first = unpagedMax ?? options.DefaultPageSize;
        }

        return new PageRequest(first, last, after, before) { UnpagedMax = unpagedMax };
    }

    /// <summary>
    /// The window to read: rows [Start, End) of the ordered list, or, when `last` counts back from
    /// an unknown end, the last rows (read in reverse order).
    /// </summary>
    public Window Plan()
    {
        long start = After is { } a ? a + 1 : 0;
        var floor = start;
        var end = Before;
        if (First is { } f)
        {
            end = end is { } e ? Math.Min(e, start + f) : start + f;
        }

        // With `first` the end may lie past the last row, so `last` cannot count back from it: read
        // the (at most `first`) rows and keep their last ones instead.
        if (Last is { } l && end is { } knownEnd && First is null)
        {
            start = Math.Max(start, knownEnd - l);
        }

        if (end is { } finalEnd && finalEnd < start)
        {
            end = start;
        }

        return new Window(start, end, end is null ? Last : null, Before, end is null ? null : First is null ? null : Last)
        {
            Floor = floor,
            LastBefore = end is not null && First is null ? Last : null,
        };
    }

    private static void Check(string name, int? value, QueryConventionOptions options)
    {
        if (value < 0)
        {
            throw QueryConventionErrors.Error(QueryConventionErrors.InvalidPagingArgument, $"`{name}` must not be negative; got {value}.");
        }

        if (value > options.MaxPageSize)
        {
            throw QueryConventionErrors.Error(QueryConventionErrors.PageSizeExceeded, $"`{name}` may be at most {options.MaxPageSize}; got {value}. Page through the rest with cursors.");
        }
    }
}

/// <summary>
/// Rows [Start, End) when End is known; otherwise the last <see cref="FromEnd"/> rows at or after Start.
/// <see cref="Bound"/> is the `before` position, if any; <see cref="KeepLast"/> keeps only the last rows read forward.
/// </summary>
internal sealed record Window(long Start, long? End, int? FromEnd, long? Bound, int? KeepLast = null)
{
    /// <summary>The first position `after` allows.</summary>
    public long Floor { get; init; }

    /// <summary>`last` with `before` (no `first`): Start assumes `before` lies inside the list; null otherwise.</summary>
    public int? LastBefore { get; init; }

    /// <summary>Read one row past End to learn whether there is a next page.</summary>
    public bool Peek => End is { } end && (Bound is null || end < Bound);

    public int Take => (int)(End!.Value - Start) + (Peek ? 1 : 0);

    /// <summary>Builds the page from rows read forward from Start.</summary>
    public Connection<T> Forward<T>(IReadOnlyList<T> rows, int? totalCount)
    {
        var size = (int)(End!.Value - Start);
        var edges = rows.Take(size).Select((row, i) => new Edge<T>(Cursor.Encode(Start + i), row)).ToList();
        var hasNext = totalCount is { } total ? End.Value < total : Peek ? rows.Count > size : Bound is not null;
        var hasPrevious = Start > 0;
        if (KeepLast is { } keep && edges.Count > keep)
        {
            hasPrevious = true;
            edges = edges.GetRange(edges.Count - keep, keep);
        }

        return Build(edges, hasNext, hasPrevious, totalCount);
    }

    /// <summary>Builds the page from the last rows read in reverse order, given the total count.</summary>
    public Connection<T> Backward<T>(IReadOnlyList<T> reversedRows, int totalCount)
    {
        var edges = reversedRows
            .Select((row, i) => (row, position: (long)totalCount - 1 - i))
            .Where(x => x.position >= Start)
            .Take(FromEnd!.Value)
            .Reverse()
            .Select(x => new Edge<T>(Cursor.Encode(x.position), x.row))
            .ToList();
        var first = edges.Count > 0 ? Cursor.Decode(edges[0].Cursor, "cursor") : totalCount;
        return Build(edges, false, first > 0, totalCount);
    }

    private static Connection<T> Build<T>(List<Edge<T>> edges, bool hasNext, bool hasPrevious, int? totalCount) => new()
    {
        Edges = edges,
        PageInfo = new PageInfo(hasNext, hasPrevious, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
        TotalCount = totalCount,
    };
}
