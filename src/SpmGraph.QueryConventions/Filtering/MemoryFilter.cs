using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace SpmGraph.QueryConventions.Filtering;

/// <summary>
/// A filter applied to rows in memory with the answer SQL gives, for the filters whose every test means the same in
/// .NET as in SQLite and PostgreSQL: equality and list membership (`eq`, `neq`, `in`, `nin`, `null`) of strings,
/// booleans, integers and enums, combined by `and`, `or`, `not`, read on the row and through the to-one relations the
/// rows in memory link. EF Core gives SQL the C# meaning of nulls, so each test is the C# one. Anything else (orderings
/// of text or enums, patterns, lists of related rows, fractions, dates) is left to SQL: null.
/// </summary>
internal static class MemoryFilter<T>
{
    private static readonly MethodInfo EnumerableContains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    // Member getters over boxed rows, compiled once per property.
    private static readonly ConcurrentDictionary<PropertyInfo, Func<object, object?>> Getters = new();

    /// <summary>
    /// The test <paramref name="predicate"/> makes, or null when it cannot be made in memory as SQL makes it;
    /// <paramref name="linked"/> are the relations the rows in memory hold (any other is left to SQL).
    /// </summary>
    public static Func<T, bool>? For(Expression<Func<T, bool>>? predicate, IReadOnlySet<PropertyInfo> linked)
    {
        ArgumentNullException.ThrowIfNull(linked);
        if (predicate is null)
        {
            return static _ => true;
        }

        var test = new Translation(predicate.Parameters[0], linked).Test(predicate.Body);
        return test is null ? null : row => test(row!);
    }

    private static bool Comparable(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying == typeof(bool) || underlying == typeof(int) || underlying == typeof(long)
            || underlying == typeof(short) || underlying == typeof(byte) || underlying.IsEnum;
    }

    private static Func<object, object?> Getter(PropertyInfo property) => Getters.GetOrAdd(property, p =>
    {
        var row = Expression.Parameter(typeof(object), "row");
        var read = Expression.Convert(Expression.Property(Expression.Convert(row, p.DeclaringType!), p), typeof(object));
        return Expression.Lambda<Func<object, object?>>(read, row).Compile();
    });

    private sealed class Translation(ParameterExpression row, IReadOnlySet<PropertyInfo> linked)
    {
        public Func<object, bool>? Test(Expression expression)
        {
            switch (expression)
            {
                case BinaryExpression { NodeType: ExpressionType.AndAlso } both when Test(both.Left) is { } left && Test(both.Right) is { } right:
                    return o => left(o) && right(o);
                case BinaryExpression { NodeType: ExpressionType.OrElse } either when Test(either.Left) is { } left && Test(either.Right) is { } right:
                    return o => left(o) || right(o);
                case UnaryExpression { NodeType: ExpressionType.Not, Type: var type, Operand: var operand } when type == typeof(bool) && Test(operand) is { } inner:
                    return o => !inner(o);
                case ConstantExpression { Value: bool constant }:
                    return _ => constant;
                case BinaryExpression { NodeType: ExpressionType.Equal or ExpressionType.NotEqual } comparison
                    when comparison.Method is null || comparison.Method.DeclaringType == typeof(string):
                    // string == string is its operator (ordinal), every other comparable type's is built in.
                    return Equality(comparison);
                case MethodCallExpression { Method.IsGenericMethod: true, Arguments: [var list, var member] } call
                    when call.Method.GetGenericMethodDefinition() == EnumerableContains && Comparable(member.Type)
                        && Given(list, out var values) && values is IEnumerable listed && Value(member) is { } value:
                    var members = new HashSet<object?>(listed.Cast<object?>());
                    return o => members.Contains(value(o));
                default:
                    return null;
            }
        }

        private Func<object, bool>? Equality(BinaryExpression comparison)
        {
            // Values of a comparable type, or a relation tested for null.
            var comparable = Comparable(comparison.Left.Type) && Comparable(comparison.Right.Type)
                || IsNull(comparison.Left) || IsNull(comparison.Right);
            if (!comparable || Value(comparison.Left) is not { } left || Value(comparison.Right) is not { } right)
            {
                return null;
            }

            return comparison.NodeType == ExpressionType.Equal
                ? o => Equals(left(o), right(o))
                : o => !Equals(left(o), right(o));
        }

        private static bool IsNull(Expression e) => e is ConstantExpression { Value: null };

        /// <summary>A value read from the row (through linked relations, null past a missing one) or given by the request.</summary>
        private Func<object, object?>? Value(Expression expression)
        {
            switch (expression)
            {
                case ConstantExpression { Value: var constant } when constant is null || Comparable(expression.Type):
                    return _ => constant;
                case MemberExpression when Given(expression, out var value):
                    return _ => value;
                case MemberExpression { Member: PropertyInfo property, Expression: { } inner }
                    when (Comparable(property.PropertyType) || linked.Contains(property)) && Row(inner) is { } owner:
                    var get = Getter(property);
                    return o => owner(o) is { } instance ? get(instance) : null;
                case UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand, Type: var type }
                    when (Nullable.GetUnderlyingType(type) == operand.Type || Nullable.GetUnderlyingType(operand.Type) == type) && Value(operand) is { } converted:
                    // T to T? and back: the same boxed value.
                    return converted;
                default:
                    return null;
            }
        }

        /// <summary>A filter value the request gave (a <see cref="ValueBox{T}"/>'s), read once.</summary>
        private static bool Given(Expression expression, out object? value)
        {
            if (expression is MemberExpression { Member: PropertyInfo property, Expression: ConstantExpression { Value: { } box } }
                && box.GetType() is { IsGenericType: true } boxType && boxType.GetGenericTypeDefinition() == typeof(ValueBox<>))
            {
                value = property.GetValue(box);
                return true;
            }

            value = null;
            return false;
        }

        /// <summary>The row itself, or a linked relation of it.</summary>
        private Func<object, object?>? Row(Expression expression) => expression == row
            ? static o => o
            : expression is MemberExpression { Member: PropertyInfo property } && linked.Contains(property) ? Value(expression) : null;
    }
}
