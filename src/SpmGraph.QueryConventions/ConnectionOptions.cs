using System.Linq.Expressions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Projection;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.QueryConventions;

/// <summary>How one connection field filters, sorts and breaks ties.</summary>
public sealed class ConnectionOptions<TNode>
{
    internal Type? FilterType { get; private set; }

    internal string FilterArgument { get; private set; } = "where";

    internal Type? SortType { get; private set; }

    internal List<SortKey> DefaultOrder { get; } = [];

    internal List<SortKey> Tiebreak { get; } = [];

    internal List<string> AlwaysRead { get; } = [];

    /// <summary>Adds `where: TFilter` (or another argument name, e.g. `having` over groups).</summary>
    public ConnectionOptions<TNode> Filter<TFilter>(string argument = "where")
        where TFilter : FilterInputGraphType<TNode>
    {
        FilterType = typeof(TFilter);
        FilterArgument = argument;
        return this;
    }

    /// <summary>Adds `order: [TSort!]`.</summary>
    public ConnectionOptions<TNode> Sort<TSort>()
        where TSort : SortInputGraphType<TNode>
    {
        SortType = typeof(TSort);
        return this;
    }

    /// <summary>The order when `order` is not given (before the tiebreak).</summary>
    public ConnectionOptions<TNode> DefaultOrderBy<TKey>(Expression<Func<TNode, TKey>> key, bool descending = false)
    {
        DefaultOrder.Add(new SortKey(key, descending));
        return this;
    }

    /// <summary>The unique key that ends every ordering, so pages are stable; always read.</summary>
    public ConnectionOptions<TNode> Key<TKey>(Expression<Func<TNode, TKey>> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Tiebreak.Add(new SortKey(key, false));
        AlwaysRead.Add(ProjectionFieldExtensions.MemberName(key));
        return this;
    }
}
