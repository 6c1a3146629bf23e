using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Limits;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Batching;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Paging;
using SpmGraph.QueryConventions.Plans;
using SpmGraph.QueryConventions.Projection;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Stats;

/// <summary>Where a nested stats field finds its parent region's rows: the row's region and that region's province.</summary>
internal sealed record StatsRegionOf<TSource>(Expression<Func<TSource, int>> RegionId, Expression<Func<TSource, int?>> ParentId);

/// <summary>
/// Adds a stats field: `where` on the rows, `groupBy`, `having` and `order` on the groups, cursor
/// paging over groups (all groups up to GraphQL:Limits:MaxGroups without `first`/`last`), and `scheme`
/// where the measures read one. At the root it is one GROUP BY statement, `totalCount` included (a COUNT more
/// only for a paged field with more than MaxGroups groups); on a region, the fields of a whole page of regions
/// share one statement.
/// </summary>
internal static class StatsFields
{
    /// <summary>The tiebreak: group keys in this order end every ordering.</summary>
    private static readonly StatsDimension[] KeyOrder = [StatsDimension.Province, StatsDimension.Region, StatsDimension.RegionKind, StatsDimension.Sector, StatsDimension.Indicator, StatsDimension.Opd, StatsDimension.Year, StatsDimension.Quarter];

    public static FieldBuilder<TParent, object> Stats<TParent, TSource, TRow, TRowGraphType, TSourceFilter, THaving, TSort, TDimension>(
        this ComplexGraphType<TParent> type,
        string name,
        StatsDefinition<TSource, TRow> definition,
        Func<IResolveFieldContext, Func<DbContext, IQueryable<TSource>>> visible,
        StatsRegionOf<TSource>? nestedIn = null)
        where TSource : class
        where TRow : StatsRow, new()
        where TRowGraphType : IGraphType
        where TSourceFilter : FilterInputGraphType<TSource>
        where THaving : FilterInputGraphType<TRow>
        where TSort : SortInputGraphType<TRow>
        where TDimension : EnumerationGraphType
    {
        var options = new ConnectionOptions<TRow>().Filter<THaving>("having").Sort<TSort>().AllUpTo(
            ctx => ctx.Service<IOptions<GraphQLLimits>>().Value.MaxGroups,
            TooManyGroups);
        var tiebreak = new TiebreakKeys<TRow>(options);
        foreach (var dimension in KeyOrder.Where(definition.Dimensions.Contains))
        {
            StatsDimensions.VisitKey(tiebreak, dimension);
        }

        var field = type.ConnectionField<TParent, TRowGraphType, TRow>(name, options);
        field.Argument<TSourceFilter>("where", "Only rows that match, before grouping.");
        field.Argument<ListGraphType<NonNullGraphType<TDimension>>>("groupBy", "Group by these dimensions; none for one group over everything that `where` selects.");
        if (definition.UsesScheme)
        {
            field.Argument<StringGraphType>("scheme", "Code of the scoring scheme to compute with (CODE for its active or latest version, CODE@VERSION for one version); the active one when omitted.");
        }

        field.ResolveAsync(async context =>
        {
            if (nestedIn is not null)
            {
                // The fields of a page of regions share one request, read from the first one's context.
                var region = (Region)(object)context.Source!;
                var loader = context.Service<StatsLoaders>().GetOrAdd(
                    Signature(context),
                    () => new StatsBatchLoader<TSource, TRow>(context, StatsRequest<TSource, TRow>.FromAsync(context, definition, visible), nestedIn, options, context.GetArgument<bool>("includeSelf")));
                var page = ListConnection.Pager<TRow>(context, options.AllWhenUnpaged);
                return loader.Load(new StatsOwnerKey(region.Id, region.Kind == RegionKind.Province, region.ParentId))
                    .Then(groups => page(groups ?? []));
            }

            var request = await StatsRequest<TSource, TRow>.FromAsync(context, definition, visible);
            await using var db = await context.OpenDbAsync();
            if (request.Dimensions.Count == 0)
            {
                // One group over everything selected, even when that is nothing; `having` then decides.
                var group = (await QueryPlans.ToListAsync(db, request.Query(db).AsNoTracking().Take(1), context.CancellationToken)).FirstOrDefault() ?? request.Empty(null);
                var groups = Having(context, [group]);
                StatsPage<TSource, TRow>.Attach(request, groups, null, context.RequestServices!, context.CancellationToken);
                return (object)ListConnection.Page(context, groups, options.AllWhenUnpaged);
            }

            var connection = await ConnectionFieldExtensions.PageAsync(context, options, db, request.Query(db));
            StatsPage<TSource, TRow>.Attach(request, [.. connection.Nodes], null, context.RequestServices!, context.CancellationToken);
            return connection;
        });
        return field;
    }

    /// <summary>The groups that pass `having`, checked in memory (for groups SQL did not filter, e.g. an empty one).</summary>
    internal static List<TRow> Having<TRow>(IResolveFieldContext context, IEnumerable<TRow> groups) => Having<TRow>(context)(groups);

    /// <summary>The `having` of the field, read now, as an in-memory filter.</summary>
    internal static Func<IEnumerable<TRow>, List<TRow>> Having<TRow>(IResolveFieldContext context)
    {
        var having = FilterArguments.Predicate<TRow>(context, "having")?.Compile();
        return groups => [.. groups.Where(g => having is null || having(g))];
    }

    private static ExecutionError TooManyGroups(int max) =>
        new($"This selection has more than {max} groups, the most a stats field returns at once; ask for a page of them with `first` (and `after` for the next), or narrow `where` or `groupBy`.")
        {
            Code = LimitErrorCodes.TooManyGroups,
        };

    /// <summary>Equal for nested fields that run the same statement: the field, its arguments and the node fields selected.</summary>
    private static string Signature(IResolveFieldContext context) =>
        FieldSignature.Of(context).Append('|').AppendJoin(',', Selection.NodeFields(context).Order(StringComparer.Ordinal)).ToString();
}

/// <summary>Makes each group key a tiebreak of the ordering, so pages of groups are stable.</summary>
internal sealed class TiebreakKeys<TRow>(ConnectionOptions<TRow> options) : IMeasureVisitor<TRow>
{
    public void Visit<TValue>(string name, Expression<Func<TRow, TValue>> value, string description) => options.Key(value);
}

/// <summary>A parent region of a nested stats field.</summary>
internal readonly record struct StatsOwnerKey(int Id, bool IsProvince, int? ParentId);

/// <summary>Per-request batch loaders of nested stats fields, one per distinct statement.</summary>
public sealed class StatsLoaders
{
    private readonly ConcurrentDictionary<string, object> _loaders = new();

    internal T GetOrAdd<T>(string signature, Func<T> create)
        where T : class => (T)_loaders.GetOrAdd(signature, _ => create());
}

/// <summary>
/// Reads a nested stats field for a whole page of regions in one GROUP BY with the parent as one more
/// column: a province owns its kabupaten/kota's rows (and its own with includeSelf), a kabupaten/kota
/// its own. A kabupaten/kota whose province is on the same page needs its own statement.
/// </summary>
internal sealed class StatsBatchLoader<TSource, TRow> : BatchLoader<StatsOwnerKey, List<TRow>>
    where TSource : class
    where TRow : StatsRow, new()
{
    // Everything is read from the first field's context now: the batch loads after the resolvers returned.
    private readonly Task<StatsRequest<TSource, TRow>> pendingRequest;
    private readonly StatsRegionOf<TSource> regionOf;
    private readonly Unpaged unpaged;
    private readonly bool includeSelf;
    private readonly Func<IQueryable<TRow>, IQueryable<TRow>> filterAndOrder;
    private readonly Func<IEnumerable<TRow>, List<TRow>> having;
    private readonly IServiceProvider services;

    public StatsBatchLoader(IResolveFieldContext context, Task<StatsRequest<TSource, TRow>> request, StatsRegionOf<TSource> regionOf, ConnectionOptions<TRow> options, bool includeSelf)
    {
        pendingRequest = request;
        this.regionOf = regionOf;
        this.includeSelf = includeSelf;
        unpaged = options.AllWhenUnpaged!;
        filterAndOrder = ConnectionArguments.FilterAndOrder(context, options);
        having = StatsFields.Having<TRow>(context);
        services = context.RequestServices!;
    }

    protected override async Task<IReadOnlyDictionary<StatsOwnerKey, List<TRow>>> LoadBatchAsync(IReadOnlyCollection<StatsOwnerKey> keys, CancellationToken cancellationToken)
    {
        var provinces = keys.Where(k => k.IsProvince).Select(k => (int?)k.Id).ToList();
        var separate = keys.Where(k => !k.IsProvince && provinces.Contains(k.ParentId)).ToList();
        var own = keys.Where(k => !k.IsProvince && !separate.Contains(k)).Select(k => k.Id).Concat(includeSelf ? keys.Where(k => k.IsProvince).Select(k => k.Id) : []).ToList();

        var request = await pendingRequest;
        var result = new Dictionary<StatsOwnerKey, List<TRow>>();
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(cancellationToken);
        await ReadAsync(db, request, keys.Except(separate).ToList(), Owner(provinces, own), result, cancellationToken);
        if (separate.Count > 0)
        {
            await ReadAsync(db, request, separate, Owner([], [.. separate.Select(k => k.Id)]), result, cancellationToken);
        }

        return result;
    }

    private async Task ReadAsync(DbContext db, StatsRequest<TSource, TRow> request, List<StatsOwnerKey> keys, StatsOwner<TSource> owner, Dictionary<StatsOwnerKey, List<TRow>> result, CancellationToken cancellationToken)
    {
        var limit = request.MaxGroups * keys.Count;
        var ungrouped = request.Dimensions.Count == 0;

        // Ungrouped, every parent has one group, rows or not, so `having` is checked in memory.
        var query = ungrouped ? request.Query(db, owner) : filterAndOrder(request.Query(db, owner));
        var rows = await QueryPlans.ToListAsync(db, query.AsNoTracking().Take(limit + 1), cancellationToken);
        if (rows.Count > limit)
        {
            throw unpaged.TooMany(request.MaxGroups);
        }

        var byOwner = rows.GroupBy(r => r.OwnerId).ToDictionary(g => g.Key ?? 0, g => g.ToList());
        foreach (var key in keys)
        {
            var groups = byOwner.GetValueOrDefault(key.Id) ?? (ungrouped ? [request.Empty(key.Id)] : []);
            result[key] = ungrouped ? having(groups) : groups;
        }

        StatsPage<TSource, TRow>.Attach(request, [.. result.Where(r => keys.Contains(r.Key)).SelectMany(r => r.Value)], owner, services, cancellationToken);
    }

    /// <summary>Rows of the batch and their parent: the province of a row whose province is on the page, else its region.</summary>
    private StatsOwner<TSource> Owner(List<int?> provinces, List<int> own)
    {
        var row = Expression.Parameter(typeof(TSource), "x");
        var regionId = Domain.Rules.Inline.Body(regionOf.RegionId, row);
        var parentId = Domain.Rules.Inline.Body(regionOf.ParentId, row);
        var inProvince = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int?)], Expression.Constant(provinces), parentId);
        var isOwn = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], Expression.Constant(own), regionId);
        var key = Expression.Lambda(Expression.Condition(inProvince, parentId, Expression.Convert(regionId, typeof(int?))), row);
        return new StatsOwner<TSource>(key, Expression.Lambda<Func<TSource, bool>>(Expression.OrElse(inProvince, isOwn), row));
    }
}
