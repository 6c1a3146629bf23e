using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Paging;
using SpmGraph.QueryConventions.Projection;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.QueryConventions;

/// <summary>Everything one connection field's arguments and selection ask of the database.</summary>
internal sealed record ConnectionQuery<TNode>(
    Expression<Func<TNode, bool>>? Predicate,
    IReadOnlyList<SortKey> Order,
    Window Window,
    Expression<Func<TNode, TNode>>? Projection,
    bool ReadRows,
    bool Count,
    int? UnpagedMax,
    Unpaged? Unpaged)
{
    /// <summary>Refuses a list longer than an unpaged field may return.</summary>
    public void CheckUnpaged(int? total, bool more)
    {
        if (UnpagedMax is { } max && (total > max || more))
        {
            throw Unpaged!.TooMany(max);
        }
    }

    public static ConnectionQuery<TNode> From(IResolveFieldContext context, ConnectionOptions<TNode> options)
    {
        var conventions = context.RequestServices!.GetRequiredService<QueryConventionOptions>();
        var page = PageRequest.From(context, conventions, options.AllWhenUnpaged);

        var predicate = options.FilterType is null ? null : FilterArguments.Predicate<TNode>(context, options.FilterArgument);

        var order = new List<SortKey>();
        if (options.SortType is not null && context.Arguments?.TryGetValue("order", out var requested) == true && requested.Value is IEnumerable<object?> elements)
        {
            var sort = (ISortInputGraphType)context.FieldDefinition.Arguments!.Find("order")!.ResolvedType!.GetNamedType();
            var written = context.FieldAst.Arguments?.Items.Find(a => a.Name.StringValue == "order")?.Value;
            order.AddRange(Ordering.Keys<TNode>(sort, elements, written));
        }

        if (order.Count == 0)
        {
            order.AddRange(options.DefaultOrder);
        }

        order.AddRange(options.Tiebreak);

        var selected = Selection.Fields(context);
        var nodeType = (IComplexGraphType)((IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType()).GetField("nodes")!.ResolvedType!.GetNamedType();
        var projection = Projector.For<TNode>(nodeType, Selection.NodeFields(context), options.AlwaysRead);
        var window = page.Plan();
        var readRows = selected.Contains("nodes") || selected.Contains("edges") || selected.Contains("pageInfo");

        var count = selected.Contains("totalCount") || window.End is null;
        return new ConnectionQuery<TNode>(predicate, order, window, projection, readRows, count, page.UnpagedMax, options.AllWhenUnpaged);
    }

    /// <summary>A stable text for batching: equal for fields that would run the same query.</summary>
    public string Signature(IResolveFieldContext context) =>
        FieldSignature.Of(context).Append('|').Append(Projection?.ToString()).Append('|').Append(Count).Append('|').Append(ReadRows).ToString();
}

/// <summary>A connection field's arguments applied by a resolver that reads its own rows (e.g. for many parents at once).</summary>
public static class ConnectionArguments
{
    /// <summary>
    /// Rows filtered by the field's filter argument and sorted by its `order`, then the tiebreak; the
    /// arguments are read now, so the function may run after the resolver returned.
    /// </summary>
    public static Func<IQueryable<TNode>, IQueryable<TNode>> FilterAndOrder<TNode>(IResolveFieldContext context, ConnectionOptions<TNode> options)
    {
        var query = ConnectionQuery<TNode>.From(context, options);
        return rows => Ordering.Apply(query.Predicate is null ? rows : rows.Where(query.Predicate), query.Order, reverse: false);
    }
}
