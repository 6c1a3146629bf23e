using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace SpmGraph.GraphQL.Common;

/// <summary>One page of a collection field: the nodes and, only when selected, the total count.</summary>
public sealed record Page<T>(IReadOnlyList<T> Nodes, int? TotalCount);

/// <summary>Page-size rules shared by every collection field.</summary>
public static class Paging
{
    public const int DefaultPageSize = 10;

    public const int MaxPageSize = 100;

    /// <summary>Adds the `first` argument to a collection field.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<IntGraphType>("first", $"How many items to return (default {DefaultPageSize}, at most {MaxPageSize}).");

    /// <summary>Reads `first`, rejecting negative or oversized pages with a coded error.</summary>
    public static int First(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = context.GetArgument<int?>("first") ?? DefaultPageSize;
        if (first < 0)
        {
            throw new ExecutionError($"`first` must not be negative; got {first}.") { Code = ErrorCodes.InvalidArgument };
        }

        if (first > MaxPageSize)
        {
            throw new ExecutionError($"`first` may be at most {MaxPageSize}; got {first}. Page with a smaller size.") { Code = ErrorCodes.PageSizeExceeded };
        }

        return first;
    }

    /// <summary>Runs an ordered query as a page: reads nodes and counts only what the selection asks for.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = First(context);
        var selected = context.SubFields ?? [];
        var nodes = selected.ContainsKey("nodes") && first > 0
            ? await ordered.Take(first).ToListAsync(context.CancellationToken)
            : [];
        int? total = selected.ContainsKey("totalCount") ? await ordered.CountAsync(context.CancellationToken) : null;
        return new Page<T>(nodes, total);
    }
}

/// <summary>A connection type: `totalCount` and `nodes` (cursors arrive with the query conventions).</summary>
public sealed class ConnectionGraphType<TNodeGraphType, TNode> : ObjectGraphType<Page<TNode>>
    where TNodeGraphType : IGraphType
{
    public ConnectionGraphType()
    {
        var nodeName = typeof(TNodeGraphType).Name.Replace("GraphType", "", StringComparison.Ordinal);
        Name = nodeName + "Connection";
        Description = $"A page of {nodeName} items.";
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Number of items that match, over all pages.")
            .Resolve(ctx => ctx.Source.TotalCount ?? 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>("nodes")
            .Description("The items of this page.")
            .Resolve(ctx => ctx.Source.Nodes);
    }
}
