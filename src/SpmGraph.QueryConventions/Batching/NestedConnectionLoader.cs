using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Paging;
using SpmGraph.QueryConventions.Plans;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.QueryConventions.Batching;

/// <summary>One parent's rows of a nested connection, as read in the batch statement.</summary>
public sealed class NestedRows<TKey, TNode>
{
    public TKey Key { get; set; } = default!;

    public List<TNode> Items { get; set; } = [];

    public int Count { get; set; }
}

/// <summary>The items of a nested connection that the application keeps in memory, by parent key (a parent without items may be missing).</summary>
public delegate Task<IReadOnlyDictionary<TKey, IReadOnlyList<TNode>>> ItemsInMemory<TKey, TNode>(IServiceProvider requestServices, CancellationToken cancellationToken);

/// <summary>
/// Loads a nested connection for many parents in one statement: parents filtered by key, each
/// projecting its filtered, ordered window of items (EF Core emits ROW_NUMBER() OVER (PARTITION BY ...)).
/// With items kept in memory, a field without a filter, ordered by the items' own scalars, is paged over them
/// instead: no statement.
/// </summary>
internal sealed class NestedConnectionLoader<TParent, TKey, TNode>(
    IServiceProvider requestServices,
    Expression<Func<TParent, TKey>> parentKey,
    Expression<Func<TParent, IEnumerable<TNode>>> items,
    ConnectionQuery<TNode> query,
    ItemsInMemory<TKey, TNode>? inMemory) : BatchLoader<TKey, Connection<TNode>>
    where TParent : class
    where TKey : notnull
{
    private static readonly MethodInfo AsQueryable = typeof(Queryable).GetMethods().Single(m => m.Name == nameof(Queryable.AsQueryable) && m.IsGenericMethod).MakeGenericMethod(typeof(TNode));
    private static readonly MethodInfo Where = QueryableMethod(nameof(Queryable.Where), 2).MakeGenericMethod(typeof(TNode));
    private static readonly MethodInfo Skip = QueryableMethod(nameof(Queryable.Skip), 2).MakeGenericMethod(typeof(TNode));
    private static readonly MethodInfo Take = QueryableMethod(nameof(Queryable.Take), 2).MakeGenericMethod(typeof(TNode));
    private static readonly MethodInfo Select = QueryableMethod(nameof(Queryable.Select), 2, m => m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2).MakeGenericMethod(typeof(TNode), typeof(TNode));
    private static readonly MethodInfo Count = QueryableMethod(nameof(Queryable.Count), 1).MakeGenericMethod(typeof(TNode));
    private static readonly MethodInfo ToList = typeof(Enumerable).GetMethod(nameof(Enumerable.ToList))!.MakeGenericMethod(typeof(TNode));
    private static readonly MethodInfo Contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(TKey));

    protected override async Task<IReadOnlyDictionary<TKey, Connection<TNode>>> LoadBatchAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken)
    {
        if (inMemory is not null && query.Predicate is null && MemoryOrder<TNode>.For(query.Order) is { } order)
        {
            var all = await inMemory(requestServices, cancellationToken);
            return await ConnectionPages<TKey, TNode>.PagesAsync(query, keys, (batch, window) => Task.FromResult(ConnectionPages<TKey, TNode>.FromMemory(query, all, batch, window, static _ => true, order)));
        }

        await using var db = await requestServices.GetRequiredService<IQueryContextSource>().OpenAsync(cancellationToken);
        return await ConnectionPages<TKey, TNode>.PagesAsync(query, keys, (batch, window) => LoadAsync(db, batch, window, cancellationToken));
    }

    private async Task<List<NestedRows<TKey, TNode>>> LoadAsync(DbContext db, IReadOnlyCollection<TKey> keys, Window window, CancellationToken cancellationToken)
    {
        var parent = Expression.Parameter(typeof(TParent), "p");
        var key = FilterInputGraphType<TParent>.Inline(parentKey, parent);

        var keyList = keys.ToList();
        var inBatch = Expression.Lambda<Func<TParent, bool>>(Expression.Call(Contains, ValueParameter.Of(keyList, typeof(List<TKey>)), key), parent);

        Expression filtered = Expression.Call(AsQueryable, FilterInputGraphType<TParent>.Inline(items, parent));

        // The items of the batch's parents only, by their foreign key: without it the per-parent window
        // (ROW_NUMBER() OVER (PARTITION BY ...)) numbers every row of the table before the join keeps a few.
        if (BatchFilter(db, keyList) is { } ofBatch)
        {
            filtered = Expression.Call(Where, filtered, Expression.Quote(ofBatch));
        }

        if (query.Predicate is not null)
        {
            filtered = Expression.Call(Where, filtered, Expression.Quote(query.Predicate));
        }

        var bindings = new List<MemberBinding>
        {
            Expression.Bind(typeof(NestedRows<TKey, TNode>).GetProperty(nameof(NestedRows<TKey, TNode>.Key))!, key),
        };

        if (query.ReadRows)
        {
            var reverse = window.End is null;
            var rows = Ordering.Apply(filtered, typeof(TNode), query.Order, reverse);
            if (!reverse && window.Start > 0)
            {
                rows = Expression.Call(Skip, rows, Expression.Constant((int)window.Start));
            }

            rows = Expression.Call(Take, rows, Expression.Constant(reverse ? window.FromEnd!.Value : window.Take));
            if (query.Projection is not null)
            {
                rows = Expression.Call(Select, rows, Expression.Quote(query.Projection));
            }

            bindings.Add(Expression.Bind(typeof(NestedRows<TKey, TNode>).GetProperty(nameof(NestedRows<TKey, TNode>.Items))!, Expression.Call(ToList, rows)));
        }

        if (query.Count || window.End is null || (query.ReadRows && window.LastBefore is not null))
        {
            bindings.Add(Expression.Bind(typeof(NestedRows<TKey, TNode>).GetProperty(nameof(NestedRows<TKey, TNode>.Count))!, Expression.Call(Count, filtered)));
        }

        var selector = Expression.Lambda<Func<TParent, NestedRows<TKey, TNode>>>(
            Expression.MemberInit(Expression.New(typeof(NestedRows<TKey, TNode>)), bindings), parent);

        return await QueryPlans.ToListAsync(db, db.Set<TParent>().AsNoTracking().Where(inBatch).Select(selector), cancellationToken);
    }

    /// <summary>item => keys.Contains(item.ForeignKey), when the navigation is a plain one-to-many on the parent key.</summary>
    private Expression<Func<TNode, bool>>? BatchFilter(DbContext db, List<TKey> keys)
    {
        if (items.Body is not MemberExpression { Member.Name: var navigationName } || parentKey.Body is not MemberExpression { Member.Name: var keyName })
        {
            return null;
        }

        var foreignKey = db.Model.FindEntityType(typeof(TParent))?.FindNavigation(navigationName) is { IsCollection: true } navigation
            ? navigation.ForeignKey
            : null;
        if (foreignKey is not { Properties.Count: 1 } || foreignKey.DeclaringEntityType.ClrType != typeof(TNode)
            || foreignKey.PrincipalKey.Properties[0].Name != keyName || foreignKey.Properties[0].PropertyInfo is not { } property
            || (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) != typeof(TKey))
        {
            return null;
        }

        var item = Expression.Parameter(typeof(TNode), "i");
        var values = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(property.PropertyType))!;
        foreach (var key in keys)
        {
            values.Add(key);
        }

        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(property.PropertyType);
        return Expression.Lambda<Func<TNode, bool>>(Expression.Call(contains, ValueParameter.Of(values, values.GetType()), Expression.Property(item, property)), item);
    }

    private static MethodInfo QueryableMethod(string name, int parameters, Func<MethodInfo, bool>? extra = null) =>
        typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters
            && (parameters < 2 || m.GetParameters()[1].ParameterType != typeof(Range))
            && (name != nameof(Queryable.Where) || m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2)
            && (name != nameof(Queryable.Skip) && name != nameof(Queryable.Take) || m.GetParameters()[1].ParameterType == typeof(int))
            && (extra is null || extra(m)));
}
