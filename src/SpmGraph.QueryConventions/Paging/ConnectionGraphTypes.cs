using GraphQL.Types;

namespace SpmGraph.QueryConventions.Paging;

/// <summary>The name a node graph type gives its connection: RegionGraphType → Region.</summary>
internal static class NodeName
{
    public static string Of<TNodeGraphType>() => typeof(TNodeGraphType).Name.EndsWith("GraphType", StringComparison.Ordinal)
        ? typeof(TNodeGraphType).Name[..^"GraphType".Length]
        : typeof(TNodeGraphType).Name;
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where this page sits in the whole list.";
        Field(p => p.HasNextPage).Description("There are items after this page.");
        Field(p => p.HasPreviousPage).Description("There are items before this page.");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first item of this page.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last item of this page.");
    }
}

public sealed class EdgeGraphType<TNodeGraphType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeGraphType : IGraphType
{
    public EdgeGraphType()
    {
        Name = NodeName.Of<TNodeGraphType>() + "Edge";
        Description = "An item with its cursor.";
        Field(e => e.Cursor).Description("Pass as `after` or `before` to page from this item.");
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class ConnectionGraphType<TNodeGraphType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeGraphType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = NodeName.Of<TNodeGraphType>();
        Name = node + "Connection";
        Description = $"A page of {node} items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(ctx => ctx.Source.PageInfo);
        Field<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeGraphType, TNode>>>>("edges")
            .Description("The items of this page with their cursors.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("nodes")
            .Description("The items of this page.")
            .Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Number of items that match, over all pages.")
            .Resolve(ctx => ctx.Source.TotalCount ?? throw new InvalidOperationException("totalCount was not loaded although selected."));
    }
}
