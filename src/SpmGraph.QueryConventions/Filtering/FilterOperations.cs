using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace SpmGraph.QueryConventions.Filtering;

/// <summary>What an operation's field takes: a value of the filtered field's type, a list of them, or text.</summary>
internal enum FilterOperand
{
    Value,
    List,
    Text,
}

/// <summary>Turns one operation's non-null value into a condition on <paramref name="member"/>.</summary>
internal delegate Expression FilterTranslation(Expression member, object value, string path, QueryConventionOptions options);

/// <summary>One filter operation: its field (name, operand, description) and its translation, declared together.</summary>
internal sealed record FilterOperation(string Name, FilterOperand Operand, string Description, FilterTranslation Translate)
{
    /// <summary>What `name: null` means; an operation without it needs a value.</summary>
    public Func<Expression, Expression>? TranslateNull { get; init; }
}

/// <summary>
/// Every filter operation, registered once and grouped by the inputs that offer them; a group's
/// order is its fields' order in the schema. A new operator is one entry here.
/// </summary>
internal static class FilterOperations
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo StringToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo StringSubstringFrom = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;
    private static readonly MethodInfo StringSubstring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;

    public static readonly FilterOperation Eq = new("eq", FilterOperand.Value, "Equal to the value; `eq: null` matches null.",
        (member, value, _, _) => Expression.Equal(member, Parameter(value, member.Type)))
    {
        TranslateNull = member => IsNullable(member.Type) ? IsNull(member) : Expression.Constant(false),
    };

    public static readonly FilterOperation Neq = new("neq", FilterOperand.Value, "Not equal to the value; `neq: null` matches non-null.",
        (member, value, _, _) => Expression.NotEqual(member, Parameter(value, member.Type)))
    {
        TranslateNull = member => IsNullable(member.Type) ? Expression.Not(IsNull(member)) : Expression.Constant(true),
    };

    /// <summary>`eq`, `neq`, `in`, `nin`.</summary>
    public static readonly IReadOnlyList<FilterOperation> Equality =
    [
        Eq,
        Neq,
        new("in", FilterOperand.List, "Equal to one of the values.", (member, value, path, options) => InList(member, (IEnumerable)value, path, options)),
        new("nin", FilterOperand.List, "Equal to none of the values.", (member, value, path, options) => Expression.Not(InList(member, (IEnumerable)value, path, options))),
    ];

    /// <summary>`gt`, `gte`, `lt`, `lte`, each followed by its negation, under which null matches.</summary>
    public static readonly IReadOnlyList<FilterOperation> Comparison =
    [
        .. Compared("gt", "Greater than", Expression.GreaterThan),
        .. Compared("gte", "Greater than or equal to", Expression.GreaterThanOrEqual),
        .. Compared("lt", "Less than", Expression.LessThan),
        .. Compared("lte", "Less than or equal to", Expression.LessThanOrEqual),
    ];

    /// <summary>`contains`, `startsWith`, `endsWith` with their negations and case-ignoring forms, then `eqIgnoreCase`, `neqIgnoreCase`.</summary>
    public static readonly IReadOnlyList<FilterOperation> Text =
    [
        .. Matched("contains", "Contains", StringContains),
        .. Matched("startsWith", "Starts with", StringStartsWith),
        .. Matched("endsWith", "Ends with", StringEndsWith),
        new("eqIgnoreCase", FilterOperand.Text, "Equal to the text, ignoring case.", TextTranslation(null, ignoreCase: true, negated: false)),
        new("neqIgnoreCase", FilterOperand.Text, "Not equal to the text, ignoring case (null matches).", TextTranslation(null, ignoreCase: true, negated: true)),
    ];

    private static readonly Dictionary<string, FilterOperation> ByName = Equality.Concat(Comparison).Concat(Text).ToDictionary(o => o.Name);

    /// <summary>The condition `{ name: value }` states about <paramref name="member"/>.</summary>
    public static Expression Translate(Expression member, string name, object? value, string path, QueryConventionOptions options)
    {
        if (!ByName.TryGetValue(name, out var operation))
        {
            throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"Unknown operation `{path}`.");
        }

        if (value is not null)
        {
            return operation.Translate(member, value, path, options);
        }

        return operation.TranslateNull?.Invoke(member)
            ?? throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`{path}` needs a value; only `eq` and `neq` accept null.");
    }

    private static IEnumerable<FilterOperation> Compared(string name, string text, Func<Expression, Expression, BinaryExpression> compare)
    {
        Expression Holds(Expression member, object value) => compare(member, Parameter(value, member.Type));
        yield return new(name, FilterOperand.Value, text + " the value.", (member, value, _, _) => Holds(member, value));
        yield return new("n" + name, FilterOperand.Value, "Not " + char.ToLowerInvariant(text[0]) + text[1..] + " the value (null matches).",
            (member, value, _, _) => IsNullable(member.Type) ? Expression.OrElse(IsNull(member), Expression.Not(Holds(member, value))) : Expression.Not(Holds(member, value)));
    }

    private static IEnumerable<FilterOperation> Matched(string name, string text, MethodInfo method)
    {
        var negated = "n" + name;
        yield return new(name, FilterOperand.Text, text + " the text (case-sensitive).", TextTranslation(method, ignoreCase: false, negated: false));
        yield return new(negated, FilterOperand.Text, "Does not " + char.ToLowerInvariant(text[0]) + text[1..].Replace("s ", " ", StringComparison.Ordinal) + " the text (null matches).",
            TextTranslation(method, ignoreCase: false, negated: true));
        yield return new(name + "IgnoreCase", FilterOperand.Text, text + " the text, ignoring case.", TextTranslation(method, ignoreCase: true, negated: false));
        yield return new(negated + "IgnoreCase", FilterOperand.Text, "The negation of " + name + "IgnoreCase (null matches).", TextTranslation(method, ignoreCase: true, negated: true));
    }

    /// <summary>A text test: <paramref name="method"/> (`Contains`, `StartsWith`, `EndsWith`) or, when null, equality.</summary>
    private static FilterTranslation TextTranslation(MethodInfo? method, bool ignoreCase, bool negated) => (member, value, _, _) =>
    {
        var text = (string)value;
        Expression subject = member;
        if (ignoreCase)
        {
            // lower() translates on SQLite and PostgreSQL alike.
            subject = Expression.Call(member, StringToLower);
            text = text.ToLowerInvariant();
        }

        var argument = Parameter(text, typeof(string));
        Expression test = method is null ? Expression.Equal(subject, argument) : Expression.Call(subject, method, argument);
        if (!ignoreCase && (method == StringStartsWith || method == StringEndsWith))
        {
            // EF Core turns StartsWith/EndsWith into LIKE, which ignores ASCII case on SQLite; an exact
            // comparison of the prefix/suffix keeps them case-sensitive everywhere (LIKE still narrows first).
            var length = ValueParameter.Of(text.Length, typeof(int));
            var part = method == StringStartsWith
                ? Expression.Call(subject, StringSubstring, Expression.Constant(0), length)
                : Expression.Call(subject, StringSubstringFrom, Expression.Subtract(Expression.Property(subject, nameof(string.Length)), length));
            test = Expression.AndAlso(test, Expression.Equal(part, argument));
        }

        var guarded = Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, typeof(string))), test);
        return negated ? Expression.Not(guarded) : guarded;
    };

    private static bool IsNullable(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static BinaryExpression IsNull(Expression member) => Expression.Equal(member, Expression.Constant(null, member.Type));

    private static MethodCallExpression InList(Expression member, IEnumerable values, string path, QueryConventionOptions options)
    {
        var type = member.Type;
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type))!;
        foreach (var value in values)
        {
            // A null never equals a non-nullable member, and List<int> cannot hold one: leave it out.
            if (value is null && type.IsValueType && Nullable.GetUnderlyingType(type) is null)
            {
                continue;
            }

            list.Add(value is null ? null : Convert(value, type));
        }

        if (list.Count > options.MaxInListLength)
        {
            throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`{path}` may list at most {options.MaxInListLength} values; got {list.Count}.");
        }

        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(type);
        return Expression.Call(contains, ValueParameter.Of(list, list.GetType()), member);
    }

    private static Expression Parameter(object value, Type type) => ValueParameter.Of(Convert(value, type), type);

    private static object? Convert(object value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        if (target.IsEnum)
        {
            return Enum.ToObject(target, value);
        }

        if (target == typeof(DateTime) && value is DateTimeOffset offset)
        {
            return offset.UtcDateTime;
        }

        return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}
