using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;

namespace SpmGraph.QueryConventions.Filtering;

/// <summary>A `where` input whose fields map to expressions over an entity.</summary>
public interface IFilterInputGraphType : IInputObjectGraphType
{
    Type EntityType { get; }

    /// <summary>The predicate <paramref name="input"/> states about <paramref name="instance"/>.</summary>
    internal Expression Build(Expression instance, IDictionary<string, object?> input, FilterBuild build);
}

/// <summary>State of one `where` translation: options, depth and the path for error messages.</summary>
internal sealed record FilterBuild(QueryConventionOptions Options, string Path, int Depth)
{
    public FilterBuild Enter(string field)
    {
        if (Depth + 1 > Options.MaxFilterDepth)
        {
            throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`where` nests deeper than {Options.MaxFilterDepth} levels at `{Path}.{field}`.");
        }

        return this with { Path = $"{Path}.{field}", Depth = Depth + 1 };
    }
}

/// <summary>
/// The `XxxFilterInput` of an entity: declare its fields with expressions, and `and`, `or` and
/// `not` come with it. Everything it builds is an expression tree that EF Core turns into SQL.
/// </summary>
public abstract class FilterInputGraphType<T> : InputObjectGraphType, IFilterInputGraphType
{
    private readonly Dictionary<string, Func<Expression, IDictionary<string, object?>?, IGraphType, FilterBuild, Expression>> _builders = [];

    protected FilterInputGraphType(string name, string? description = null)
    {
        Name = name;
        Description = description ?? $"Conditions on {name.Replace("FilterInput", "", StringComparison.Ordinal)} items; all given must hold.";
        var self = new GraphQLTypeReference(name);
        AddField(new FieldType { Name = "and", ResolvedType = new ListGraphType(new NonNullGraphType(self)), Description = "All of these hold." });
        AddField(new FieldType { Name = "or", ResolvedType = new ListGraphType(new NonNullGraphType(self)), Description = "At least one of these holds." });
        AddField(new FieldType { Name = "not", ResolvedType = self, Description = "This does not hold." });
    }

    /// <summary>The filter input of <paramref name="fields"/>: those it declares filterable, in their order.</summary>
    protected FilterInputGraphType(string name, QueryableFields<T> fields, string? description = null)
        : this(name, description)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.AddTo(this);
    }

    public Type EntityType => typeof(T);

    /// <summary>A scalar field; its operation input is picked from the value type.</summary>
    protected internal void Field<TValue>(string name, Expression<Func<T, TValue>> value, string? description = null) =>
        Field<TValue>(name, value, OperationInputFor(typeof(TValue), name), description);

    /// <summary>A scalar field with an explicit operation input (e.g. an enum's).</summary>
    protected internal void Field<TValue>(string name, Expression<Func<T, TValue>> value, Type operationInputType, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        Field(name, operationInputType).Description(description);
        _builders[name] = (instance, input, _, build) =>
            OperationFilterInputGraphType.Build(Inline(value, instance), input!, build.Path, build.Options);
    }

    /// <summary>A to-one relation, filtered with the related entity's filter input; `null` matches no related item.</summary>
    protected internal void Relation<TRelated, TRelatedFilter>(string name, Expression<Func<T, TRelated?>> related, string? description = null)
        where TRelated : class
        where TRelatedFilter : FilterInputGraphType<TRelated>
    {
        ArgumentNullException.ThrowIfNull(related);
        Field<TRelatedFilter>(name).Description(description);
        _builders[name] = (instance, input, type, build) =>
        {
            var target = Inline(related, instance);
            var isNull = Expression.Equal(target, Expression.Constant(null, typeof(TRelated)));
            return input is null
                ? isNull
                : Expression.AndAlso(Expression.Not(isNull), ((IFilterInputGraphType)type).Build(target, input, build));
        };
    }

    /// <summary>A to-many relation: `some`, `all`, `none` take the item filter; `any` asks for at least one item.</summary>
    protected internal void List<TItem, TItemFilter>(string name, Expression<Func<T, IEnumerable<TItem>>> items, string? description = null)
        where TItemFilter : FilterInputGraphType<TItem>, new()
    {
        ArgumentNullException.ThrowIfNull(items);
        Field<ListFilterInputGraphType<TItem, TItemFilter>>(name).Description(description);
        _builders[name] = (instance, input, type, build) =>
            ((ListFilterInputGraphType<TItem, TItemFilter>)type).Build(Inline(items, instance), input!, build);
    }

    /// <summary>A list of scalars (e.g. enum values through a join table) with `some`, `all`, `none`, `any`.</summary>
    protected internal void ScalarList<TValue, TOperationInput>(string name, Expression<Func<T, IEnumerable<TValue>>> values, string? description = null)
        where TOperationInput : OperationFilterInputGraphType, new()
    {
        ArgumentNullException.ThrowIfNull(values);
        Field<ScalarListFilterInputGraphType<TValue, TOperationInput>>(name).Description(description);
        _builders[name] = (instance, input, _, build) =>
            ScalarListFilterInputGraphType<TValue, TOperationInput>.Build(Inline(values, instance), input!, build);
    }

    Expression IFilterInputGraphType.Build(Expression instance, IDictionary<string, object?> input, FilterBuild build)
    {
        Expression? result = null;
        foreach (var (name, value) in input)
        {
            var inner = build.Enter(name);
            Expression term = name switch
            {
                "and" => Combine(instance, value, inner, Expression.AndAlso, true),
                "or" => Combine(instance, value, inner, Expression.OrElse, false),
                "not" => value is IDictionary<string, object?> negated
                    ? Expression.Not(((IFilterInputGraphType)this).Build(instance, negated, inner))
                    : throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`{inner.Path}` needs an object."),
                _ => BuildField(name, instance, value, inner),
            };
            result = result is null ? term : Expression.AndAlso(result, term);
        }

        return result ?? Expression.Constant(true);
    }

    private Expression BuildField(string name, Expression instance, object? value, FilterBuild build)
    {
        var type = GetField(name)?.ResolvedType ?? throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"Unknown filter field `{build.Path}`.");
        var dictionary = value as IDictionary<string, object?>;
        var isRelation = type is IFilterInputGraphType;
        if (dictionary is null && !isRelation)
        {
            throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`{build.Path}` needs an object of operations, not null.");
        }

        return _builders[name](instance, dictionary, type, build);
    }

    private Expression Combine(Expression instance, object? value, FilterBuild build, Func<Expression, Expression, BinaryExpression> join, bool empty)
    {
        if (value is not IEnumerable<object?> items)
        {
            throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`{build.Path}` needs a list of conditions.");
        }

        Expression? result = null;
        foreach (var item in items)
        {
            var term = ((IFilterInputGraphType)this).Build(instance, (IDictionary<string, object?>)item!, build);
            result = result is null ? term : join(result, term);
        }

        // An empty `and` holds; an empty `or` does not (as in logic, and as Hasura does).
        return result ?? Expression.Constant(empty);
    }

    /// <summary>Substitutes <paramref name="instance"/> for the lambda's parameter.</summary>
    internal static Expression Inline(LambdaExpression lambda, Expression instance) =>
        new ParameterReplacer(lambda.Parameters[0], instance).Visit(lambda.Body);

    private static Type OperationInputFor(Type valueType, string field)
    {
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        return type switch
        {
            _ when type == typeof(string) => typeof(StringOperationFilterInputGraphType),
            _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) => typeof(IntOperationFilterInputGraphType),
            _ when type == typeof(long) => typeof(LongOperationFilterInputGraphType),
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => typeof(FloatOperationFilterInputGraphType),
            _ when type == typeof(bool) => typeof(BooleanOperationFilterInputGraphType),
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => typeof(DateTimeOperationFilterInputGraphType),
            _ => throw new InvalidOperationException($"No operation input for {valueType.Name} (field `{field}`): pass one explicitly."),
        };
    }
}

/// <summary>Operations on a to-many relation, named after the item filter (e.g. `RegionListFilterInput`).</summary>
public sealed class ListFilterInputGraphType<TItem, TItemFilter> : InputObjectGraphType
    where TItemFilter : FilterInputGraphType<TItem>, new()
{
    public ListFilterInputGraphType()
    {
        Name = new TItemFilter().Name.Replace("FilterInput", "", StringComparison.Ordinal) + "ListFilterInput";
        Description = "Conditions on a list of related items.";
        Field<TItemFilter>("some").Description("At least one item matches.");
        Field<TItemFilter>("all").Description("Every item matches (true for no items).");
        Field<TItemFilter>("none").Description("No item matches.");
        Field<BooleanGraphType>("any").Description("true: there is at least one item; false: there are none.");
    }

    internal Expression Build(Expression items, IDictionary<string, object?> input, FilterBuild build)
    {
        var filter = (IFilterInputGraphType)GetField("some")!.ResolvedType!;
        Expression? result = null;
        foreach (var (op, value) in input)
        {
            var inner = build.Enter(op);
            Expression term;
            if (op == "any")
            {
                var any = Call(nameof(Enumerable.Any), items, null);
                term = value switch
                {
                    true => any,
                    false => Expression.Not(any),
                    _ => throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`{inner.Path}` needs true or false."),
                };
            }
            else
            {
                if (value is not IDictionary<string, object?> condition)
                {
                    throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`{inner.Path}` needs an object.");
                }

                var item = Expression.Parameter(typeof(TItem), "item");
                var predicate = Expression.Lambda<Func<TItem, bool>>(filter.Build(item, condition, inner), item);
                term = op switch
                {
                    "some" => Call(nameof(Enumerable.Any), items, predicate),
                    "all" => Call(nameof(Enumerable.All), items, predicate),
                    "none" => Expression.Not(Call(nameof(Enumerable.Any), items, predicate)),
                    _ => throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"Unknown list operation `{inner.Path}`."),
                };
            }

            result = result is null ? term : Expression.AndAlso(result, term);
        }

        return result ?? Expression.Constant(true);
    }

    private static MethodCallExpression Call(string method, Expression items, LambdaExpression? predicate)
    {
        var arity = predicate is null ? 1 : 2;
        var info = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == method && m.GetParameters().Length == arity)
            .MakeGenericMethod(typeof(TItem));
        return predicate is null ? Expression.Call(info, items) : Expression.Call(info, items, predicate);
    }
}

internal sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
}

/// <summary>Operations on a list of scalars, e.g. `sectors: { some: { eq: HEALTH } }`.</summary>
public sealed class ScalarListFilterInputGraphType<TValue, TOperationInput> : InputObjectGraphType
    where TOperationInput : OperationFilterInputGraphType, new()
{
    public ScalarListFilterInputGraphType()
    {
        Name = new TOperationInput().Name.Replace("OperationFilterInput", "", StringComparison.Ordinal) + "ListOperationFilterInput";
        Description = "Conditions on a list of values.";
        Field<TOperationInput>("some").Description("At least one value matches.");
        Field<TOperationInput>("all").Description("Every value matches (true for no values).");
        Field<TOperationInput>("none").Description("No value matches.");
        Field<BooleanGraphType>("any").Description("true: there is at least one value; false: there are none.");
    }

    internal static Expression Build(Expression values, IDictionary<string, object?> input, FilterBuild build)
    {
        Expression? result = null;
        foreach (var (op, value) in input)
        {
            var inner = build.Enter(op);
            Expression term;
            if (op == "any")
            {
                var any = Expression.Call(EnumerableMethod(nameof(Enumerable.Any), 1), values);
                term = value switch
                {
                    true => any,
                    false => Expression.Not(any),
                    _ => throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`{inner.Path}` needs true or false."),
                };
            }
            else
            {
                if (value is not IDictionary<string, object?> condition)
                {
                    throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"`{inner.Path}` needs an object.");
                }

                var item = Expression.Parameter(typeof(TValue), "v");
                var predicate = Expression.Lambda<Func<TValue, bool>>(OperationFilterInputGraphType.Build(item, condition, inner.Path, inner.Options), item);
                term = op switch
                {
                    "some" => Expression.Call(EnumerableMethod(nameof(Enumerable.Any), 2), values, predicate),
                    "all" => Expression.Call(EnumerableMethod(nameof(Enumerable.All), 2), values, predicate),
                    "none" => Expression.Not(Expression.Call(EnumerableMethod(nameof(Enumerable.Any), 2), values, predicate)),
                    _ => throw QueryConventionErrors.Error(QueryConventionErrors.InvalidFilter, $"Unknown list operation `{inner.Path}`."),
                };
            }

            result = result is null ? term : Expression.AndAlso(result, term);
        }

        return result ?? Expression.Constant(true);
    }

    private static MethodInfo EnumerableMethod(string name, int arity) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == arity).MakeGenericMethod(typeof(TValue));
}
