using System.Linq.Expressions;
using System.Reflection;
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

    /// <summary>The rows the application keeps in memory for this field, when it keeps them (see <see cref="KeptIn"/>).</summary>
    internal KeptRows<TNode>? Kept { get; private set; }

    /// <summary>
    /// Pages over <paramref name="rows"/> instead of SQL when the field's filter and order can be applied in memory with
    /// SQL's answer (equality tests of the rows' strings, booleans, integers and enums, through the relations in
    /// <paramref name="linked"/>, which the rows in memory must hold; orders by their own such members). The rows
    /// must be the ones SQL would read: same values, same keys. Not for a field that returns all when unpaged.
    /// </summary>
    public ConnectionOptions<TNode> KeptIn(Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<TNode>>> rows, params Expression<Func<TNode, object?>>[] linked)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(linked);
        Kept = new KeptRows<TNode>(rows, linked.SelectMany(Chain).ToHashSet());
        return this;
    }

    /// <summary>The relations along r => r.Publisher.Country: Publisher, then Country.</summary>
    private static IEnumerable<PropertyInfo> Chain(Expression<Func<TNode, object?>> relation)
    {
        var body = relation.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : relation.Body;
        var chain = new List<PropertyInfo>();
        while (body is MemberExpression { Member: PropertyInfo property, Expression: { } inner })
        {
            chain.Add(property);
            body = inner;
        }

        return chain.Count > 0 && body == relation.Parameters[0]
            ? chain
            : throw new ArgumentException("Expected relations of the row, e.g. b => b.Publisher or b => b.Publisher!.Country.", nameof(relation));
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

/// <summary>The rows a connection field may page over in memory, and the relations they hold.</summary>
internal sealed record KeptRows<TNode>(Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<TNode>>> Rows, IReadOnlySet<PropertyInfo> Linked);
