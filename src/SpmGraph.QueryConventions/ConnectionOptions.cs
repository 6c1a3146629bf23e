using System.Linq.Expressions;
using GraphQL;
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

    /// <summary>What the field returns without `first`/`last`, when it returns all (see <see cref="AllUpTo"/>).</summary>
    public Unpaged? AllWhenUnpaged { get; private set; }

    /// <summary>
    /// Without `first`/`last`, return every item up to <paramref name="max"/> (read per request) instead of
    /// the default page; a list with more items is refused with <paramref name="tooMany"/>, never cut.
    /// </summary>
    public ConnectionOptions<TNode> AllUpTo(Func<IResolveFieldContext, int> max, Func<int, ExecutionError> tooMany)
    {
        AllWhenUnpaged = new Unpaged(max, tooMany);
        return this;
    }

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

/// <summary>How a connection answers without `first`/`last`: all items up to a maximum, or an error.</summary>
public sealed record Unpaged(Func<IResolveFieldContext, int> Max, Func<int, ExecutionError> TooMany);
