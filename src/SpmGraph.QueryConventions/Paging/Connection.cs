namespace SpmGraph.QueryConventions.Paging;

/// <summary>A page of a connection: edges with cursors, page info and, when asked, the total count.</summary>
public sealed class Connection<T>
{
    public required IReadOnlyList<Edge<T>> Edges { get; init; }

    public required PageInfo PageInfo { get; init; }

    /// <summary>Null when the selection did not ask for it (no COUNT was run).</summary>
    public int? TotalCount { get; init; }

    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
