using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.QueryConventions.Batching;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Paging;
using SpmGraph.QueryConventions.Plans;
using SpmGraph.QueryConventions.Projection;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.QueryConventions;

public static class ConnectionFieldExtensions
{
    /// <summary>
    /// A root connection field over <paramref name="source"/> with `where`, `order`,
    /// `first/after/last/before`; filter, sort, page and projection all run in SQL.
    /// </summary>
    public static FieldBuilder<TSource, object> Connection<TSource, TNodeGraphType, TNode>(
        this ComplexGraphType<TSource> type,
        string name,
        Func<DbContext, IResolveFieldContext, IQueryable<TNode>> source,
        Action<ConnectionOptions<TNode>> configure)
        where TNodeGraphType : IGraphType
    {
        ArgumentNullException.ThrowIfNull(source);
        return type.Connection<TSource, TNodeGraphType, TNode>(name, (db, context) => Task.FromResult(source(db, context)), configure);
    }

    /// <summary>The same, for a source that must read something first (e.g. a setting that shapes the query).</summary>
    public static FieldBuilder<TSource, object> Connection<TSource, TNodeGraphType, TNode>(
        this ComplexGraphType<TSource> type,
        string name,
        Func<DbContext, IResolveFieldContext, Task<IQueryable<TNode>>> source,
        Action<ConnectionOptions<TNode>> configure)
        where TNodeGraphType : IGraphType
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ConnectionOptions<TNode>();
        configure(options);

        var field = type.ConnectionField<TSource, TNodeGraphType, TNode>(name, options);
        field.ResolveAsync(async context =>
        {
            var query = ConnectionQuery<TNode>.From(context, options);
            if (options.Kept is { } kept && options.AllWhenUnpaged is null
                && MemoryOrder<TNode>.For(query.Order) is { } order && MemoryFilter<TNode>.For(query.Predicate, kept.Linked) is { } filter)
            {
                // One list, keyed 0, cut as the nested lists kept in memory are.
                var all = new Dictionary<int, IReadOnlyList<TNode>> { [0] = await kept.Rows(context.RequestServices!, context.CancellationToken) };
                var pages = await ConnectionPages<int, TNode>.PagesAsync(query, [0], (keys, window) => Task.FromResult(ConnectionPages<int, TNode>.FromMemory(query, all, keys, window, filter, order)));
                return pages[0];
            }

            var contexts = context.RequestServices!.GetRequiredService<IQueryContextSource>();
            await using var db = await contexts.OpenAsync(context.CancellationToken);
            return await PageQueryAsync(context, query, options, db, await source(db, context));
        });
        return field;
    }

    /// <summary>A connection field with the arguments of <paramref name="options"/>, for a resolver that reads its own rows (then <see cref="PageAsync"/>).</summary>
    public static FieldBuilder<TSource, object> ConnectionField<TSource, TNodeGraphType, TNode>(this ComplexGraphType<TSource> type, string name, ConnectionOptions<TNode> options)
        where TNodeGraphType : IGraphType
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        var field = type.Field<NonNullGraphType<ConnectionGraphType<TNodeGraphType, TNode>>>(name);
        AddArguments(field, options);
        return field;
    }

    /// <summary>
    /// The page of <paramref name="rows"/> the field's arguments ask for: filter, sort, window and
    /// projection in SQL, `totalCount` by a COUNT when selected (by reading the list whole for a field that
    /// returns all up to a max, <see cref="ConnectionOptions{TNode}.AllUpTo"/>, when it is no longer than that).
    /// </summary>
    public static Task<Connection<TNode>> PageAsync<TNode>(IResolveFieldContext context, ConnectionOptions<TNode> options, DbContext db, IQueryable<TNode> rows)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rows);
        return PageQueryAsync(context, ConnectionQuery<TNode>.From(context, options), options, db, rows);
    }

    private static async Task<Connection<TNode>> PageQueryAsync<TNode>(IResolveFieldContext context, ConnectionQuery<TNode> query, ConnectionOptions<TNode> options, DbContext db, IQueryable<TNode> rows)
    {
        if (query.Predicate is not null)
        {
            rows = rows.Where(query.Predicate);
        }

        if (query.Count && query.ReadRows && options.AllWhenUnpaged is { } unpaged)
        {
            // A list that may come whole (up to its max) is counted by reading it whole: one statement, not a COUNT
            // and a page. Only a longer one, paged, costs the COUNT after all.
            var max = unpaged.Max(context);
            var all = await QueryPlans.ToListAsync(db, Project(Ordering.Apply(rows, query.Order, reverse: false).Take(max + 1), query.Projection), context.CancellationToken);
            if (all.Count <= max)
            {
                return ListConnection.Page(context, all, unpaged);
            }

            query.CheckUnpaged(all.Count, more: true);

            // Longer, and paged: the COUNT, and the page from the rows read when it lies among them.
            var count = await rows.CountAsync(context.CancellationToken);
            if (query.Window is { End: { } end, LastBefore: null } among && end <= all.Count)
            {
                return among.Forward(all.Skip((int)among.Start).Take(among.Take).ToList(), count);
            }

            return await ReadPageAsync(context, query, db, rows, count);
        }

        if (query.Count && query.ReadRows && query.Window is { End: not null, LastBefore: null })
        {
            return await ReadCountedPageAsync(context, query, db, rows);
        }

        return await ReadPageAsync(context, query, db, rows, query.Count ? await rows.CountAsync(context.CancellationToken) : null);
    }

    /// <summary>
    /// A forward page and `totalCount` in one statement: the count is an uncorrelated subquery in the page's select list,
    /// which SQLite and PostgreSQL evaluate once. Only an empty page that could have held rows costs a COUNT.
    /// </summary>
    private static async Task<Connection<TNode>> ReadCountedPageAsync<TNode>(IResolveFieldContext context, ConnectionQuery<TNode> query, DbContext db, IQueryable<TNode> rows)
    {
        var window = query.Window;
        var page = Project(Ordering.Apply(rows, query.Order, reverse: false).Skip((int)window.Start).Take(window.Take), query.Projection);
        var counted = await QueryPlans.ToListAsync(db, page.Select(row => new CountedRow<TNode> { Row = row, Total = rows.Count() }), context.CancellationToken);
        // No row, no count: none at all when the first page had room for one, else (past the end, or `first: 0`) a COUNT.
        var total = counted.Count > 0 ? counted[0].Total : window is { Start: 0, Take: > 0 } ? 0 : await rows.CountAsync(context.CancellationToken);
        var connection = window.Forward([.. counted.Select(c => c.Row)], total);
        query.CheckUnpaged(total, connection.PageInfo.HasNextPage);
        return connection;
    }

    private static async Task<Connection<TNode>> ReadPageAsync<TNode>(IResolveFieldContext context, ConnectionQuery<TNode> query, DbContext db, IQueryable<TNode> rows, int? total)
    {
        var window = query.Window;
        if (!query.ReadRows)
        {
            return new Connection<TNode> { Edges = [], PageInfo = new PageInfo(false, false, null, null), TotalCount = total };
        }

        // An unpaged list that returns all is refused before any of it is read when it is too long.
        query.CheckUnpaged(total, more: false);
        if (window.End is null)
        {
            var last = await QueryPlans.ToListAsync(db, Project(Ordering.Apply(rows, query.Order, reverse: true).Take(window.FromEnd!.Value), query.Projection), context.CancellationToken);
            return window.Backward(last, total!.Value);
        }

        var page = await QueryPlans.ToListAsync(db, Project(Ordering.Apply(rows, query.Order, reverse: false).Skip((int)window.Start).Take(window.Take), query.Projection), context.CancellationToken);
        if (window.LastBefore is { } lastBefore && page.Count < window.End - window.Start)
        {
            // `before` lies past this list's end (a cursor from another list): count back from the end
            // instead, as `last` alone would; costs statements only when it happens.
            var tail = window with { Start = window.Floor, End = null, FromEnd = lastBefore, LastBefore = null };
            var reversed = await QueryPlans.ToListAsync(db, Project(Ordering.Apply(rows, query.Order, reverse: true).Take(lastBefore), query.Projection), context.CancellationToken);
            return tail.Backward(reversed, total ?? await rows.CountAsync(context.CancellationToken));
        }

        var connection = window.Forward(page, total);
        query.CheckUnpaged(total, connection.PageInfo.HasNextPage);
        return connection;
    }

    /// <summary>
    /// A connection nested in each <typeparamref name="TParent"/> over a to-many navigation, loaded
    /// for all parents of a level in one SQL statement (a per-parent window of rows). With
    /// <paramref name="inMemory"/>, a field without a filter, ordered by the items' own scalars, pages over the items
    /// it gives instead (they must be the rows SQL would read: same values, same keys).
    /// </summary>
    public static FieldBuilder<TParent, object> NestedConnection<TParent, TKey, TNodeGraphType, TNode>(
        this ComplexGraphType<TParent> type,
        string name,
        Expression<Func<TParent, TKey>> parentKey,
        Expression<Func<TParent, IEnumerable<TNode>>> items,
        Action<ConnectionOptions<TNode>> configure,
        ItemsInMemory<TKey, TNode>? inMemory = null)
        where TParent : class
        where TKey : notnull
        where TNodeGraphType : IGraphType
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(parentKey);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ConnectionOptions<TNode>();
        configure(options);
        var key = parentKey.Compile();

        var field = type.Field<NonNullGraphType<ConnectionGraphType<TNodeGraphType, TNode>>>(name);
        AddArguments(field, options);
        field.Reads(Expression.Lambda<Func<TParent, object?>>(Expression.Convert(parentKey.Body, typeof(object)), parentKey.Parameters));
        field.Resolve(context =>
        {
            var query = ConnectionQuery<TNode>.From(context, options);
            var loaders = context.RequestServices!.GetRequiredService<NestedConnectionLoaders>();
            var loader = loaders.GetOrAdd(query.Signature(context), () =>
                new NestedConnectionLoader<TParent, TKey, TNode>(context.RequestServices!, parentKey, items, query, inMemory));
            return loader.Load(key(context.Source));
        });
        return field;
    }

    private static void AddArguments<TSource, TNode>(FieldBuilder<TSource, object> field, ConnectionOptions<TNode> options)
    {
        if (options.FilterType is not null)
        {
            field.Argument(options.FilterType, options.FilterArgument, a => a.Description = "Only items that match.");
        }

        if (options.SortType is not null)
        {
            field.Argument(typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(options.SortType)), "order", a => a.Description = "Sort by these fields, in turn; ties fall back to the key.");
        }

        field.Argument<IntGraphType>("first", "Return the first n items (after `after`).");
        field.Argument<StringGraphType>("after", "Start after the item with this cursor.");
        field.Argument<IntGraphType>("last", "Return the last n items (before `before`).");
        field.Argument<StringGraphType>("before", "End before the item with this cursor.");
    }

    internal static IQueryable<T> Project<T>(IQueryable<T> rows, Expression<Func<T, T>>? projection) =>
        projection is null ? rows : rows.Select(projection);
}

/// <summary>Per-request nested-connection loaders, one per distinct field query.</summary>
public sealed class NestedConnectionLoaders
{
    private readonly ConcurrentDictionary<string, object> _loaders = new();

    internal T GetOrAdd<T>(string signature, Func<T> create)
        where T : class => (T)_loaders.GetOrAdd(signature, _ => create());
}

/// <summary>A row of a page with the count of all rows the page is cut from.</summary>
internal sealed class CountedRow<TNode>
{
    public TNode Row { get; init; } = default!;

    public int Total { get; init; }
}
