using System.Linq.Expressions;
using System.Reflection;

namespace SpmGraph.GraphQL.Stats;

/// <summary>rows → GROUP BY the key columns → one stats row per group with the measures asked, as one expression tree.</summary>
internal static class StatsGrouping
{
    private static readonly MethodInfo GroupByMethod = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.GroupBy) && m.GetParameters().Length == 2 && m.GetGenericArguments().Length == 2);

    private static readonly MethodInfo SelectMethod = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Select) && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2);

    /// <summary>
    /// <paramref name="keys"/> give each grouped key column (a <see cref="StatsKey"/> property) from an element,
    /// <paramref name="measures"/> each measure from the group; no keys group by a constant (one group).
    /// </summary>
    public static IQueryable<TRow> Group<TElement, TRow>(IQueryable<TElement> rows, IEnumerable<(string KeyProperty, Func<Expression, Expression> Value)> keys, IEnumerable<(string Name, Func<Expression, Expression> Value)> measures, int schemeId)
        where TRow : StatsRow, new() =>
        Groups<TElement, TRow>(keys, measures, schemeId).Apply(rows);

    /// <summary>The GROUP BY and the select of <see cref="Group{TElement, TRow}(IQueryable{TElement}, IEnumerable{ValueTuple{string, Func{Expression, Expression}}}, IEnumerable{ValueTuple{string, Func{Expression, Expression}}}, int)"/>, to apply to any rows.</summary>
    public static StatsGroups<TElement, TRow> Groups<TElement, TRow>(IEnumerable<(string KeyProperty, Func<Expression, Expression> Value)> keys, IEnumerable<(string Name, Func<Expression, Expression> Value)> measures, int schemeId)
        where TRow : StatsRow, new()
    {
        var element = Expression.Parameter(typeof(TElement), "x");
        var keyBindings = keys.Select(k => Bind(typeof(StatsKey).GetProperty(k.KeyProperty)!, k.Value(element))).ToList();
        LambdaExpression keySelector = keyBindings.Count == 0
            ? Expression.Lambda(Expression.Constant(1), element)
            : Expression.Lambda(Expression.MemberInit(Expression.New(typeof(StatsKey)), keyBindings), element);
        var keyType = keySelector.ReturnType;
        var groupType = typeof(IGrouping<,>).MakeGenericType(keyType, typeof(TElement));

        var group = Expression.Parameter(groupType, "g");
        var bindings = new List<MemberBinding>();
        foreach (var property in typeof(StatsKey).GetProperties())
        {
            var target = typeof(TRow).GetProperty(property.Name)!;
            var isKey = keyBindings.Any(b => b.Member.Name == property.Name);
            bindings.Add(Expression.Bind(target, isKey ? Expression.Property(Expression.Property(group, "Key"), property.Name) : Expression.Constant(null, target.PropertyType)));
        }

        foreach (var (name, value) in measures)
        {
            bindings.Add(Bind(StatsMeasureNames.PropertyOf(typeof(TRow), name), value(group)));
        }

        bindings.Add(Expression.Bind(typeof(TRow).GetProperty(nameof(StatsRow.SchemeId))!, Expression.Constant(schemeId)));
        var selector = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(TRow)), bindings), group);
        return new StatsGroups<TElement, TRow>(
            GroupByMethod.MakeGenericMethod(typeof(TElement), keyType), Expression.Quote(keySelector), SelectMethod.MakeGenericMethod(groupType, typeof(TRow)), Expression.Quote(selector));
    }

    /// <summary>The same, with keys and measures as lambdas over the element and over the group's elements.</summary>
    public static StatsGroups<TElement, TRow> Groups<TElement, TRow>(IEnumerable<(StatsDimension Dimension, LambdaExpression Value)> keys, IEnumerable<(string Name, LambdaExpression Aggregate)> measures, int schemeId)
        where TRow : StatsRow, new() =>
        Groups<TElement, TRow>(
            keys.Select(k => (StatsDimensions.KeyProperty(k.Dimension), (Func<Expression, Expression>)(e => Domain.Rules.Inline.Body(k.Value, e)))),
            measures.Select(m => (m.Name, (Func<Expression, Expression>)(g => Domain.Rules.Inline.Body(m.Aggregate, g)))),
            schemeId);

    private static MemberAssignment Bind(PropertyInfo target, Expression value) =>
        Expression.Bind(target, value.Type == target.PropertyType ? value : Expression.Convert(value, target.PropertyType));
}

/// <summary>
/// A GROUP BY and the select of its stats rows, built once: expression trees are immutable, so one shape serves
/// every query that groups the same keys into the same measures, whatever rows it reads.
/// </summary>
internal sealed class StatsGroups<TElement, TRow>(MethodInfo groupBy, UnaryExpression keySelector, MethodInfo select, UnaryExpression selector)
    where TRow : StatsRow, new()
{
    public IQueryable<TRow> Apply(IQueryable<TElement> rows) =>
        rows.Provider.CreateQuery<TRow>(Expression.Call(select, Expression.Call(groupBy, rows.Expression, keySelector), selector));
}
