using System.Linq.Expressions;

namespace SpmGraph.GraphQL.Stats;

/// <summary>Aggregates of a group over a row expression written once elsewhere (a rule of the domain).</summary>
internal static class GroupRows<T>
{
    public static Expression<Func<IEnumerable<T>, TResult>> Average<TResult>(Expression<Func<T, TResult>> value) => Call<TResult>(nameof(Enumerable.Average), value);

    public static Expression<Func<IEnumerable<T>, TResult>> Min<TResult>(Expression<Func<T, TResult>> value) => Call<TResult>(nameof(Enumerable.Min), value);

    public static Expression<Func<IEnumerable<T>, TResult>> Max<TResult>(Expression<Func<T, TResult>> value) => Call<TResult>(nameof(Enumerable.Max), value);

    public static Expression<Func<IEnumerable<T>, long>> Sum(Expression<Func<T, long>> value) => Call<long>(nameof(Enumerable.Sum), value);

    public static Expression<Func<IEnumerable<T>, int>> Count(Expression<Func<T, bool>> predicate) => Call<int>(nameof(Enumerable.Count), predicate);

    private static Expression<Func<IEnumerable<T>, TResult>> Call<TResult>(string method, LambdaExpression value)
    {
        // One type argument picks Enumerable.Min<T>(source, selector), not Min<T, TResult>.
        var rows = Expression.Parameter(typeof(IEnumerable<T>), "g");
        var call = Expression.Call(typeof(Enumerable), method, [typeof(T)], rows, value);
        return Expression.Lambda<Func<IEnumerable<T>, TResult>>(call, rows);
    }
}
