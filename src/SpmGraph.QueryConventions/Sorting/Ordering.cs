using System.Linq.Expressions;
using System.Reflection;
using GraphQLParser.AST;

namespace SpmGraph.QueryConventions.Sorting;

/// <summary>Turns `order` input into OrderBy/ThenBy calls with a deterministic tiebreak.</summary>
internal static class Ordering
{
    private static readonly MethodInfo OrderByMethod = Method(nameof(Queryable.OrderBy));
    private static readonly MethodInfo OrderByDescendingMethod = Method(nameof(Queryable.OrderByDescending));
    private static readonly MethodInfo ThenByMethod = Method(nameof(Queryable.ThenBy));
    private static readonly MethodInfo ThenByDescendingMethod = Method(nameof(Queryable.ThenByDescending));

    /// <summary>The sort keys an `order` argument asks for, over the root entity; <paramref name="written"/> is its literal, if any.</summary>
    public static List<SortKey> Keys<T>(ISortInputGraphType sortType, IEnumerable<object?>? order, GraphQLValue? written = null)
    {
        var keys = new List<SortKey>();
        if (order is null)
        {
            return keys;
        }

        var root = Expression.Parameter(typeof(T), "x");
        var index = 0;
        foreach (var element in order)
        {
            if (element is not IDictionary<string, object?> fields)
            {
                throw QueryConventionErrors.Error(QueryConventionErrors.InvalidSort, $"`order[{index}]` needs an object.");
            }

            // A lone object literal stands for a one-element list.
            var literal = written switch
            {
                GraphQLListValue list => list.Values?.ElementAtOrDefault(index),
                GraphQLObjectValue single when index == 0 => single,
                _ => null,
            };
            sortType.Collect(root, fields, literal, root, $"order[{index}]", keys);
            index++;
        }

        return keys;
    }

    /// <summary>Applies the keys, then the tiebreak keys, optionally all reversed (for `last`).</summary>
    public static IQueryable<T> Apply<T>(IQueryable<T> source, IReadOnlyList<SortKey> keys, bool reverse) =>
        (IQueryable<T>)Apply(source.Expression, typeof(T), keys, reverse, source.Provider.CreateQuery<T>);

    /// <summary>The same on an expression of type IQueryable&lt;T&gt; (used inside projections).</summary>
    public static Expression Apply(Expression source, Type elementType, IReadOnlyList<SortKey> keys, bool reverse) =>
        Apply(source, elementType, keys, reverse, e => e);

    private static TResult Apply<TResult>(Expression source, Type elementType, IReadOnlyList<SortKey> keys, bool reverse, Func<Expression, TResult> create)
    {
        var expression = source;
        for (var i = 0; i < keys.Count; i++)
        {
            var descending = keys[i].Descending != reverse;
            var method = i == 0
                ? (descending ? OrderByDescendingMethod : OrderByMethod)
                : (descending ? ThenByDescendingMethod : ThenByMethod);
            expression = Expression.Call(method.MakeGenericMethod(elementType, keys[i].Key.ReturnType), expression, Expression.Quote(keys[i].Key));
        }

        return create(expression);
    }

    private static MethodInfo Method(string name) =>
        typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2);
}
