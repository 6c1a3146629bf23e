using System.Linq.Expressions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.QueryConventions;

/// <summary>
/// An entity's queryable fields, described once: <see cref="FilterInputGraphType{T}"/> and
/// <see cref="SortInputGraphType{T}"/> both build from it, each taking the fields it offers in
/// the order declared. A new column is one line here and appears in both inputs.
/// </summary>
public sealed class QueryableFields<T>
{
    private readonly List<Declaration> _declarations = [];

    /// <summary>A scalar; its operation input is picked from the value type.</summary>
    public QueryableFields<T> Field<TValue>(string name, Expression<Func<T, TValue>> value, string? description = null, bool filterable = true, bool sortable = true) =>
        Add(name, filterable ? filter => filter.Field(name, value, description) : null, sortable ? sort => sort.Field(name, value, description) : null);

    /// <summary>A scalar whose filter takes an explicit operation input (e.g. an enum's).</summary>
    public QueryableFields<T> Field<TValue>(string name, Expression<Func<T, TValue>> value, Type operationInputType, string? description = null, bool filterable = true, bool sortable = true) =>
        Add(name, filterable ? filter => filter.Field(name, value, operationInputType, description) : null, sortable ? sort => sort.Field(name, value, description) : null);

    /// <summary>
    /// A to-one relation, filtered and sorted by the related entity's inputs.
    /// <paramref name="filterDescription"/> replaces <paramref name="description"/> on the filter, for what only filtering means (e.g. `null`).
    /// </summary>
    public QueryableFields<T> Relation<TRelated, TRelatedFilter, TRelatedSort>(string name, Expression<Func<T, TRelated?>> related, string? description = null, string? filterDescription = null)
        where TRelated : class
        where TRelatedFilter : FilterInputGraphType<TRelated>
        where TRelatedSort : SortInputGraphType<TRelated> =>
        Add(name, filter => filter.Relation<TRelated, TRelatedFilter>(name, related, filterDescription ?? description), sort => sort.Relation<TRelated, TRelatedSort>(name, related, description));

    /// <summary>A to-one relation offered to the filter only.</summary>
    public QueryableFields<T> Relation<TRelated, TRelatedFilter>(string name, Expression<Func<T, TRelated?>> related, string? description = null)
        where TRelated : class
        where TRelatedFilter : FilterInputGraphType<TRelated> =>
        Add(name, filter => filter.Relation<TRelated, TRelatedFilter>(name, related, description), null);

    /// <summary>A to-many relation (`some`, `all`, `none`, `any`); filter only, as a list has no one value to sort by.</summary>
    public QueryableFields<T> List<TItem, TItemFilter>(string name, Expression<Func<T, IEnumerable<TItem>>> items, string? description = null)
        where TItemFilter : FilterInputGraphType<TItem>, new() =>
        Add(name, filter => filter.List<TItem, TItemFilter>(name, items, description), null);

    /// <summary>A list of scalars (e.g. enum values through a join table); filter only.</summary>
    public QueryableFields<T> ScalarList<TValue, TOperationInput>(string name, Expression<Func<T, IEnumerable<TValue>>> values, string? description = null)
        where TOperationInput : OperationFilterInputGraphType, new() =>
        Add(name, filter => filter.ScalarList<TValue, TOperationInput>(name, values, description), null);

    internal void AddTo(FilterInputGraphType<T> filter)
    {
        foreach (var declaration in _declarations)
        {
            declaration.Filter?.Invoke(filter);
        }
    }

    internal void AddTo(SortInputGraphType<T> sort)
    {
        foreach (var declaration in _declarations)
        {
            declaration.Sort?.Invoke(sort);
        }
    }

    private QueryableFields<T> Add(string name, Action<FilterInputGraphType<T>>? filter, Action<SortInputGraphType<T>>? sort)
    {
        if (_declarations.Exists(d => d.Name == name))
        {
            throw new InvalidOperationException($"The field `{name}` is declared twice.");
        }

        _declarations.Add(new Declaration(name, filter, sort));
        return this;
    }

    private sealed record Declaration(string Name, Action<FilterInputGraphType<T>>? Filter, Action<SortInputGraphType<T>>? Sort);
}
