using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace SpmGraph.QueryConventions.Sorting;

/// <summary>
/// Sort keys applied to rows in memory, in the order SQLite and PostgreSQL give them: only keys over the row's own
/// string, bool and integer members (and their nullness), whose order is the same in SQL and in .NET (strings by code
/// point, as SQLite's BINARY and PostgreSQL's "C" collation compare UTF-8 bytes). Anything else is left to SQL.
/// </summary>
internal static class MemoryOrder<T>
{
    private static readonly MethodInfo TypedMethod = typeof(MemoryOrder<T>).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!;

    // By the member and the form (value or nullness): a handful per type.
    private static readonly ConcurrentDictionary<(MemberInfo Member, bool IsNull), Comparison<T>> Keys = new();

    /// <summary>The comparison the keys ask for, or null when one of them cannot be compared in memory as SQL does.</summary>
    public static Comparison<T>? For(IReadOnlyList<SortKey> keys)
    {
        var parts = new Comparison<T>[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            if (Compare(keys[i].Key) is not { } compare)
            {
                return null;
            }

            parts[i] = keys[i].Descending ? (a, b) => compare(b, a) : compare;
        }

        return (a, b) =>
        {
            foreach (var part in parts)
            {
                if (part(a, b) is var result and not 0)
                {
                    return result;
                }
            }

            return 0;
        };
    }

    private static Comparison<T>? Compare(LambdaExpression key)
    {
        var (body, isNull) = key.Body is BinaryExpression { NodeType: ExpressionType.Equal, Left: var left, Right: ConstantExpression { Value: null } }
            ? (left, true)
            : (key.Body, false);
        if (body is not MemberExpression { Member: PropertyInfo property, Expression: var instance } || instance != key.Parameters[0] || !Comparable(property.PropertyType))
        {
            return null;
        }

        return Keys.GetOrAdd((property, isNull), k =>
        {
            var row = Expression.Parameter(typeof(T), "row");
            Expression value = Expression.Property(row, property);
            if (k.IsNull)
            {
                value = Expression.Equal(value, Expression.Constant(null, property.PropertyType));
            }

            return (Comparison<T>)TypedMethod.MakeGenericMethod(value.Type).Invoke(null, [Expression.Lambda(value, row)])!;
        });
    }

    private static bool Comparable(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying == typeof(bool) || underlying == typeof(int) || underlying == typeof(long);
    }

    private static Comparison<T> Typed<TValue>(Expression<Func<T, TValue>> key)
    {
        var value = key.Compile();
        var comparer = typeof(TValue) == typeof(string) ? (IComparer<TValue>)(object)CodePointComparer.Instance : Comparer<TValue>.Default;
        return (a, b) => comparer.Compare(value(a), value(b));
    }
}

/// <summary>Strings by Unicode code point, the order of their UTF-8 bytes (UTF-16's own order differs past U+D7FF).</summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            int a = x[i], b = y[i];
            if (a != b)
            {
                // Surrogates (U+D800-DFFF) encode code points above U+FFFF: move them past U+E000-FFFF.
                if (a >= 0xD800 && b >= 0xD800)
                {
                    a += a >= 0xE000 ? -0x800 : 0x2000;
                    b += b >= 0xE000 ? -0x800 : 0x2000;
                }

                return a - b;
            }
        }

        return x.Length - y.Length;
    }
}
