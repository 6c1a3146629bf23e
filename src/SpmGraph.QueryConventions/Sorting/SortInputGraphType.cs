using System.Linq.Expressions;
using GraphQL.Types;
using GraphQLParser.AST;
using SpmGraph.QueryConventions.Filtering;

namespace SpmGraph.QueryConventions.Sorting;

/// <summary>ASC or DESC.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType
{
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Description = "Sort direction.";
        Add("ASC", false, "Ascending; nulls last.");
        Add("DESC", true, "Descending; nulls first.");
    }
}

/// <summary>One sort key: an expression over the root entity and its direction.</summary>
public sealed record SortKey(LambdaExpression Key, bool Descending);

/// <summary>An `order` element type whose fields map to expressions over an entity.</summary>
public interface ISortInputGraphType : IInputObjectGraphType
{
    /// <summary>Adds the keys of <paramref name="input"/>; <paramref name="written"/> is its literal, if any, for the order written.</summary>
    internal void Collect(Expression instance, IDictionary<string, object?> input, GraphQLValue? written, ParameterExpression root, string path, List<SortKey> keys);
}

/// <summary>
/// The `XxxSortInput` of an entity: one field per sortable expression, relations nest. Within
/// one object, fields sort in the order written (from a variable, whose object order GraphQL does
/// not keep, in schema order); `order: [...]` sorts by each element in turn.
/// </summary>
public abstract class SortInputGraphType<T> : InputObjectGraphType, ISortInputGraphType
{
    private readonly Dictionary<string, Action<Expression, object?, GraphQLValue?, ParameterExpression, string, List<SortKey>>> _collectors = [];

    protected SortInputGraphType(string name, string? description = null)
    {
        Name = name;
        Description = description ?? $"Sort {name.Replace("SortInput", "", StringComparison.Ordinal)} items by one or more fields.";
    }

    /// <summary>The sort input of <paramref name="fields"/>: those it declares sortable, in their order.</summary>
    protected SortInputGraphType(string name, QueryableFields<T> fields, string? description = null)
        : this(name, description)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.AddTo(this);
    }

    /// <summary>A sortable scalar.</summary>
    protected internal void Field<TValue>(string name, Expression<Func<T, TValue>> value, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        Field<SortEnumGraphType>(name).Description(description);
        _collectors[name] = (instance, direction, _, root, path, keys) =>
        {
            if (direction is not bool descending)
            {
                throw QueryConventionErrors.Error(QueryConventionErrors.InvalidSort, $"`{path}` needs ASC or DESC.");
            }

            var body = FilterInputGraphType<T>.Inline(value, instance);
            var nullable = !body.Type.IsValueType || Nullable.GetUnderlyingType(body.Type) is not null;
            if (nullable)
            {
                // Nulls last ascending and first descending, on every provider (SQLite's own order is the opposite).
                keys.Add(new SortKey(Expression.Lambda(Expression.Equal(body, Expression.Constant(null, body.Type)), root), descending));
            }
            else if (instance != root)
            {
                // Through a missing relation even a non-nullable value reads as NULL: sort those as nulls too.
                keys.Add(new SortKey(Expression.Lambda(Expression.Equal(instance, Expression.Constant(null, instance.Type)), root), descending));
            }

            keys.Add(new SortKey(Expression.Lambda(body, root), descending));
        };
    }

    /// <summary>A to-one relation, sorted by the related entity's fields.</summary>
    protected internal void Relation<TRelated, TRelatedSort>(string name, Expression<Func<T, TRelated?>> related, string? description = null)
        where TRelated : class
        where TRelatedSort : SortInputGraphType<TRelated>
    {
        ArgumentNullException.ThrowIfNull(related);
        Field<TRelatedSort>(name).Description(description);
        _collectors[name] = (instance, value, written, root, path, keys) =>
        {
            if (value is not IDictionary<string, object?> nested)
            {
                throw QueryConventionErrors.Error(QueryConventionErrors.InvalidSort, $"`{path}` needs an object.");
            }

            ((ISortInputGraphType)GetField(name)!.ResolvedType!).Collect(FilterInputGraphType<T>.Inline(related, instance), nested, written, root, path, keys);
        };
    }

    void ISortInputGraphType.Collect(Expression instance, IDictionary<string, object?> input, GraphQLValue? written, ParameterExpression root, string path, List<SortKey> keys)
    {
        // GraphQL.NET hands input objects over in schema order; the literal keeps the order written.
        var fields = (written as GraphQLObjectValue)?.Fields;
        IEnumerable<KeyValuePair<string, object?>> ordered = fields is null ? input : input.OrderBy(f => fields.FindIndex(w => w.Name.StringValue == f.Key) is var i and >= 0 ? i : int.MaxValue);
        foreach (var (name, value) in ordered)
        {
            _collectors[name](instance, value, fields?.Find(w => w.Name.StringValue == name)?.Value, root, $"{path}.{name}", keys);
        }
    }
}
