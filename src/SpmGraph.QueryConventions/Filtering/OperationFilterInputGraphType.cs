using System.Linq.Expressions;
using GraphQL.Types;

namespace SpmGraph.QueryConventions.Filtering;

/// <summary>
/// The operations on one scalar field, e.g. `{ eq: 5 }` or `{ startsWith: "Kota" }`, drawn from
/// <see cref="FilterOperations"/>. Every operation given must hold; `eq: null` and `neq: null` test for null.
/// </summary>
public abstract class OperationFilterInputGraphType : InputObjectGraphType
{
    protected OperationFilterInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    protected void AddEquality(Type valueGraphType) => Add(FilterOperations.Equality, valueGraphType);

    protected void AddComparison(Type valueGraphType) => Add(FilterOperations.Comparison, valueGraphType);

    protected void AddText() => Add(FilterOperations.Text, typeof(StringGraphType));

    /// <summary>Only `eq` and `neq`, for a value with no order and no list worth asking for (e.g. Boolean).</summary>
    protected void AddEqualityOnly(Type valueGraphType) => Add([FilterOperations.Eq, FilterOperations.Neq], valueGraphType);

    /// <summary>The conjunction of the operations in <paramref name="input"/> applied to <paramref name="member"/>.</summary>
    internal static Expression Build(Expression member, IDictionary<string, object?> input, string path, QueryConventionOptions options)
    {
        Expression? result = null;
        foreach (var (op, value) in input)
        {
            var term = FilterOperations.Translate(member, op, value, $"{path}.{op}", options);
            result = result is null ? term : Expression.AndAlso(result, term);
        }

        return result ?? Expression.Constant(true);
    }

    private void Add(IEnumerable<FilterOperation> operations, Type valueGraphType)
    {
        foreach (var operation in operations)
        {
            var type = operation.Operand switch
            {
                FilterOperand.List => typeof(ListGraphType<>).MakeGenericType(valueGraphType),
                FilterOperand.Text => typeof(StringGraphType),
                _ => valueGraphType,
            };
            Field(operation.Name, type).Description(operation.Description);
        }
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
        AddEqualityOnly(typeof(BooleanGraphType));
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
