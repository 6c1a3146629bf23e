using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;

namespace SpmGraph.QueryConventions.Filtering;

/// <summary>
/// The operations on one scalar field, e.g. `{ eq: 5 }` or `{ startsWith: "Kota" }`. Every
/// operation given must hold; `eq: null` and `neq: null` test for null.
/// </summary>
public abstract class OperationFilterInputGraphType : InputObjectGraphType
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo StringToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo StringSubstringFrom = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;
    private static readonly MethodInfo StringSubstring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;

    protected OperationFilterInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    protected void AddEquality(Type valueGraphType)
    {
        Field("eq", valueGraphType).Description("Equal to the value; `eq: null` matches null.");
        Field("neq", valueGraphType).Description("Not equal to the value; `neq: null` matches non-null.");
        Field("in", typeof(ListGraphType<>).MakeGenericType(valueGraphType)).Description("Equal to one of the values.");
        Field("nin", typeof(ListGraphType<>).MakeGenericType(valueGraphType)).Description("Equal to none of the values.");
    }

    protected void AddComparison(Type valueGraphType)
    {
        foreach (var (op, text) in new[] { ("gt", "Greater than"), ("gte", "Greater than or equal to"), ("lt", "Less than"), ("lte", "Less than or equal to") })
        {
            Field(op, valueGraphType).Description(text + " the value.");
            Field("n" + op, valueGraphType).Description("Not " + char.ToLowerInvariant(text[0]) + text[1..] + " the value (null matches).");
        }
    }

    protected void AddText()
    {
        foreach (var (op, text) in new[] { ("contains", "Contains"), ("startsWith", "Starts with"), ("endsWith", "Ends with") })
        {
            var negated = "n" + op;
            Field<StringGraphType>(op).Description(text + " the text (case-sensitive).");
            Field<StringGraphType>(negated).Description("Does not " + char.ToLowerInvariant(text[0]) + text[1..].Replace("s ", " ", StringComparison.Ordinal) + " the text (null matches).");
            Field<StringGraphType>(op + "IgnoreCase").Description(text + " the text, ignoring case.");
            Field<StringGraphType>(negated + "IgnoreCase").Description("The negation of " + op + "IgnoreCase (null matches).");
        }

        Field<StringGraphType>("eqIgnoreCase").Description("Equal to the text, ignoring case.");
        Field<StringGraphType>("neqIgnoreCase").Description("Not equal to the text, ignoring case (null matches).");
    }

    /// <summary>The conjunction of the operations in <paramref name="input"/> applied to <paramref name="member"/>.</summary>
    internal static Expression Build(Expression member, IDictionary<string, object?> input, string path, QueryConventionOptions options)
    {
        Expression? result = null;
        foreach (var (op, value) in input)
        {
            var term = BuildOperation(member, op, value, $"{path}.{op}", options);
            result = result is null ? term : Expression.AndAlso(result, term);
        }

        return result ?? Expression.Constant(true);
    }

    private static Expression BuildOperation(Expression member, string op, object? value, string path, QueryConventionOptions options)
    {
        var type = member.Type;
        var nullable = !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

        if (op is "eq" or "neq" && value is null)
        {
            if (!nullable)
            {
                return Expression.Constant(op == "neq");
            }

            var isNull = Expression.Equal(member, Expression.Constant(null, type));
            return op == "eq" ? isNull : Expression.Not(isNull);
        }

        if (value is null)
        {
            throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`{path}` needs a value; only `eq` and `neq` accept null.");
        }

        switch (op)
        {
            case "eq":
                return Expression.Equal(member, Parameter(value, type));
            case "neq":
                return Expression.NotEqual(member, Parameter(value, type));
            case "in":
            case "nin":
                var contains = InList(member, (IEnumerable)value, path, options);
                return op == "in" ? contains : Expression.Not(contains);
            case "gt":
                return Expression.GreaterThan(member, Parameter(value, type));
            case "gte":
                return Expression.GreaterThanOrEqual(member, Parameter(value, type));
            case "lt":
                return Expression.LessThan(member, Parameter(value, type));
            case "lte":
                return Expression.LessThanOrEqual(member, Parameter(value, type));
            case "ngt" or "ngte" or "nlt" or "nlte":
                return OrNull(member, nullable, Expression.Not(BuildOperation(member, op[1..], value, path, options)));
        }

        // Text operations; the member is a string.
        var ignoreCase = op.EndsWith("IgnoreCase", StringComparison.Ordinal);
        var core = ignoreCase ? op[..^"IgnoreCase".Length] : op;
        var negated = core is "ncontains" or "nstartsWith" or "nendsWith" or "neq";
        if (negated)
        {
            core = core[1..];
        }

        var text = (string)value;
        Expression subject = member;
        if (ignoreCase)
        {
            // lower() translates on SQLite and PostgreSQL alike.
            subject = Expression.Call(member, StringToLower);
            text = text.ToLowerInvariant();
        }

        var argument = Parameter(text, typeof(string));
        Expression test = core switch
        {
            "contains" => Expression.Call(subject, StringContains, argument),
            "startsWith" => Expression.Call(subject, StringStartsWith, argument),
            "endsWith" => Expression.Call(subject, StringEndsWith, argument),
            "eq" => Expression.Equal(subject, argument),
            _ => throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"Unknown operation `{path}`."),
        };

        if (!ignoreCase && core is "startsWith" or "endsWith")
        {
            // EF Core turns StartsWith/EndsWith into LIKE, which ignores ASCII case on SQLite; an exact
            // comparison of the prefix/suffix keeps them case-sensitive everywhere (LIKE still narrows first).
            var length = ValueParameter.Of(text.Length, typeof(int));
            var part = core == "startsWith"
                ? Expression.Call(subject, StringSubstring, Expression.Constant(0), length)
                : Expression.Call(subject, StringSubstringFrom, Expression.Subtract(Expression.Property(subject, nameof(string.Length)), length));
            test = Expression.AndAlso(test, Expression.Equal(part, argument));
        }

        var guarded = Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, typeof(string))), test);
        return negated ? Expression.Not(guarded) : guarded;
    }

    private static Expression OrNull(Expression member, bool nullable, Expression test) =>
        nullable ? Expression.OrElse(Expression.Equal(member, Expression.Constant(null, member.Type)), test) : test;

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

public sealed class StringOperationFilterInputGraphType : OperationFilterInputGraphType
{
    public StringOperationFilterInputGraphType()
        : base("StringOperationFilterInput", "Operations on a String field.")
    {
        AddEquality(typeof(StringGraphType));
        AddText();
    }
}

public sealed class IntOperationFilterInputGraphType : OperationFilterInputGraphType
{
    public IntOperationFilterInputGraphType()
        : base("IntOperationFilterInput", "Operations on an Int field.")
    {
        AddEquality(typeof(IntGraphType));
        AddComparison(typeof(IntGraphType));
    }
}

public sealed class LongOperationFilterInputGraphType : OperationFilterInputGraphType
{
    public LongOperationFilterInputGraphType()
        : base("LongOperationFilterInput", "Operations on a Long field.")
    {
        AddEquality(typeof(LongGraphType));
        AddComparison(typeof(LongGraphType));
    }
}

public sealed class FloatOperationFilterInputGraphType : OperationFilterInputGraphType
{
    public FloatOperationFilterInputGraphType()
        : base("FloatOperationFilterInput", "Operations on a Float field.")
    {
        AddEquality(typeof(FloatGraphType));
        AddComparison(typeof(FloatGraphType));
    }
}

public sealed class DateTimeOperationFilterInputGraphType : OperationFilterInputGraphType
{
    public DateTimeOperationFilterInputGraphType()
        : base("DateTimeOperationFilterInput", "Operations on a DateTime field.")
    {
        AddEquality(typeof(DateTimeGraphType));
        AddComparison(typeof(DateTimeGraphType));
    }
}

public sealed class BooleanOperationFilterInputGraphType : OperationFilterInputGraphType
{
    public BooleanOperationFilterInputGraphType()
        : base("BooleanOperationFilterInput", "Operations on a Boolean field.")
    {
        Field<BooleanGraphType>("eq").Description("Equal to the value; `eq: null` matches null.");
        Field<BooleanGraphType>("neq").Description("Not equal to the value; `neq: null` matches non-null.");
    }
}

/// <summary>Operations on an enum field; named after the enum, e.g. `RegionKindOperationFilterInput`.</summary>
public sealed class EnumOperationFilterInputGraphType<TEnumGraphType> : OperationFilterInputGraphType
    where TEnumGraphType : EnumerationGraphType, new()
{
    public EnumOperationFilterInputGraphType()
        : base(new TEnumGraphType().Name + "OperationFilterInput", "Operations on a " + new TEnumGraphType().Name + " field.")
    {
        AddEquality(typeof(TEnumGraphType));
    }
}
