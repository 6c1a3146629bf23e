using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace SpmGraph.QueryConventions.Paging;

/// <summary>
/// Pages items already in memory (e.g. groups read for many parents in one statement) with the
/// resolving field's `first`/`after`/`last`/`before`, exactly as a connection over SQL pages them.
/// </summary>
public static class ListConnection
{
    public static Connection<T> Page<T>(IResolveFieldContext context, IReadOnlyList<T> items, Unpaged? unpaged = null) =>
        Pager<T>(context, unpaged)(items);

    /// <summary>
    /// Reads (and checks) the paging arguments now and pages later, e.g. once a batch has loaded:
    /// the returned function keeps no reference to the context, which GraphQL.NET may reuse.
    /// </summary>
    public static Func<IReadOnlyList<T>, Connection<T>> Pager<T>(IResolveFieldContext context, Unpaged? unpaged = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = PageRequest.From(context, context.RequestServices!.GetRequiredService<QueryConventionOptions>(), unpaged);
        return items => Page(page, items, unpaged);
    }

    private static Connection<T> Page<T>(PageRequest page, IReadOnlyList<T> items, Unpaged? unpaged)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (page.UnpagedMax is { } max && items.Count > max)
        {
            throw unpaged!.TooMany(max);
        }

        var window = page.Plan();
        if (window.End is null)
        {
            return window.Backward(Enumerable.Reverse(items).Take(window.FromEnd!.Value).ToList(), items.Count);
        }

        var rows = items.Skip((int)window.Start).Take(window.Take).ToList();
        if (window.LastBefore is { } lastBefore && rows.Count < window.End - window.Start)
        {
            var tail = window with { Start = window.Floor, End = null, FromEnd = lastBefore, LastBefore = null };
            return tail.Backward(Enumerable.Reverse(items).Take(lastBefore).ToList(), items.Count);
        }

        return window.Forward(rows, items.Count);
    }
}
