using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Limits;
using SpmGraph.GraphQL.Scoring;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Plans;
using SpmGraph.QueryConventions.Projection;

namespace SpmGraph.GraphQL.Stats;

/// <summary>
/// What one stats field asks of the database, read once from its arguments and selection: the
/// rows (`where` within what the caller may read), the dimensions, the measures and the scheme.
/// </summary>
internal sealed class StatsRequest<TSource, TRow>
    where TSource : class
    where TRow : StatsRow, new()
{
    private static readonly MethodInfo ContainsMethod = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    private static readonly ScoringScheme NoScheme = new();

    private readonly Func<DbContext, IQueryable<TSource>> _visible;
    private readonly bool _useRollups;

    private StatsRequest(StatsDefinition<TSource, TRow> definition, Func<DbContext, IQueryable<TSource>> visible, ScoringScheme scheme, List<StatsDimension> dimensions, HashSet<string> measures, Expression<Func<TSource, bool>>? where, bool latestOnly, int maxGroups, bool useRollups)
    {
        _useRollups = useRollups;
        Definition = definition;
        _visible = visible;
        Scheme = scheme;
        Dimensions = dimensions;
        Measures = measures;
        Where = where;
        LatestOnly = latestOnly;
        MaxGroups = maxGroups;
    }

    public StatsDefinition<TSource, TRow> Definition { get; }

    public ScoringScheme Scheme { get; }

    public IReadOnlyList<StatsDimension> Dimensions { get; }

    public IReadOnlySet<string> Measures { get; }

    public Expression<Func<TSource, bool>>? Where { get; }

    /// <summary>Cumulative measures read each series' latest row: the groups may hold several quarters of one series.</summary>
    public bool LatestOnly { get; }

    public int MaxGroups { get; }

    /// <summary>
    /// Reads everything from the context before the one await (the scheme), so a batch may start it from
    /// the first field's context and finish after that resolver returned.
    /// </summary>
    public static async Task<StatsRequest<TSource, TRow>> FromAsync(IResolveFieldContext context, StatsDefinition<TSource, TRow> definition, Func<IResolveFieldContext, Func<DbContext, IQueryable<TSource>>> visible)
    {
        var dimensions = (context.GetArgument<List<StatsDimension>?>("groupBy") ?? []).Distinct().ToList();
        var asked = Selection.NodeFields(context)
            .Concat(InputNames(context.GetArgument<object?>("having")))
            .Concat(InputNames(context.GetArgument<object?>("order")));
        var latestOnly = definition.Latest is not null && !dimensions.Contains(StatsDimension.Quarter) && !Fixes(context.GetArgument<object?>("where"), definition.LatestFixedBy);
        var maxGroups = context.Service<IOptions<GraphQLLimits>>().Value.MaxGroups;
        var useRollups = context.Service<IOptions<StatsOptions>>().Value.UseRollups;
        var rows = visible(context);
        var where = FilterArguments.Predicate<TSource>(context, "where");
        var measures = definition.Needed(asked);

        // Only measures that score read a scheme (and the database for it).
        var scheme = definition.UsesScheme
            ? await context.Service<ScoringSchemeCatalog>().ResolveAsync(context.GetArgument<string?>("scheme"))
            : NoScheme;
        return new StatsRequest<TSource, TRow>(definition, rows, scheme, dimensions, measures, where, latestOnly, maxGroups, useRollups);
    }

    /// <summary>
    /// The GROUP BY statement: <paramref name="owner"/> adds a parent column for batched nested fields,
    /// <paramref name="shift"/> reads the period before, <paramref name="restrict"/> narrows the rows further.
    /// </summary>
    public IQueryable<TRow> Query(DbContext db, StatsOwner<TSource>? owner = null, StatsPeriod? shift = null, IReadOnlySet<string>? measures = null, Expression<Func<TSource, bool>>? restrict = null)
    {
        var visible = _visible(db);
        var selection = visible;
        if (Where is not null)
        {
            selection = selection.Where(Definition.Shifted(Where, shift));
        }

        if (owner is not null)
        {
            selection = selection.Where(owner.Filter);
        }

        if (restrict is not null)
        {
            selection = selection.Where(restrict);
        }

        // Groups that hold one row per series, of the whole scope, may come from the rollup.
        if (_useRollups && owner is null && shift is null && restrict is null && !LatestOnly
            && Definition.RollupTable?.TryGroup(db, Definition, visible, Where, Dimensions, measures ?? Measures, Scheme) is { } rolledUp)
        {
            return rolledUp;
        }

        var context = new StatsContext<TSource> { Scheme = Scheme, Visible = visible };
        return Definition.Group(selection, Dimensions, measures ?? Measures, context, LatestOnly, owner?.Key, shift);
    }

    /// <summary>The one group of an ungrouped field over a selection with no rows: count 0, sums 0, rates null.</summary>
    public TRow Empty(int? owner) => new() { OwnerId = owner, SchemeId = Scheme.Id };

    /// <summary>Rows whose value of each grouped dimension (one period later with <paramref name="shift"/>) is among the groups'.</summary>
    public Expression<Func<TSource, bool>>? Among(IReadOnlyCollection<TRow> groups, StatsPeriod shift)
    {
        var row = Expression.Parameter(typeof(TSource), "x");
        Expression? body = null;
        foreach (var dimension in Dimensions)
        {
            var keyProperty = typeof(StatsRow).GetProperty(StatsDimensions.KeyProperty(dimension))!;
            var keyType = keyProperty.PropertyType;
            var values = typeof(List<>).MakeGenericType(keyType);
            var list = (System.Collections.IList)Activator.CreateInstance(values)!;
            foreach (var key in groups.Select(g => keyProperty.GetValue(g)).Distinct())
            {
                list.Add(key);
            }

            var value = Domain.Rules.Inline.Body(Definition.Shifted(Definition.DimensionValue(dimension), shift), row);
            var test = Expression.Call(ContainsMethod.MakeGenericMethod(keyType), Expression.Constant(list, values), value.Type == keyType ? value : Expression.Convert(value, keyType));
            body = body is null ? test : Expression.AndAlso(body, test);
        }

        return body is null ? null : Expression.Lambda<Func<TSource, bool>>(body, row);
    }

    /// <summary>Field names used anywhere in a having or order input (and/or/not looked through).</summary>
    private static IEnumerable<string> InputNames(object? input) => input switch
    {
        IDictionary<string, object?> map => map.SelectMany(e => e.Key is "and" or "or" or "not" ? InputNames(e.Value) : [e.Key]),
        IEnumerable<object?> list => list.SelectMany(InputNames),
        _ => [],
    };

    /// <summary>True when `where` fixes <paramref name="field"/> to one value at its top level.</summary>
    private static bool Fixes(object? where, string? field) =>
        field is not null && where is IDictionary<string, object?> map && map.TryGetValue(field, out var condition)
        && condition is IDictionary<string, object?> operations && operations.TryGetValue("eq", out var value) && value is not null;
}

/// <summary>How rows belong to the parents of a batch of nested stats fields: the owner column and the rows of the batch.</summary>
internal sealed record StatsOwner<TSource>(LambdaExpression Key, Expression<Func<TSource, bool>> Filter);

/// <summary>The groups read in one statement, which compare themselves with an earlier period in one more.</summary>
internal interface IStatsPage
{
    Task<StatsRow?> PreviousAsync(StatsRow row, StatsPeriod period);
}

internal sealed class StatsPage<TSource, TRow>(StatsRequest<TSource, TRow> request, IReadOnlyList<TRow> groups, StatsOwner<TSource>? owner, IDbContextFactory<SpmDbContext> factory, CancellationToken cancellationToken) : IStatsPage
    where TSource : class
    where TRow : StatsRow, new()
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<StatsPeriod, Lazy<Task<Dictionary<StatsKeyValue, TRow>>>> _previous = new();

    public static void Attach(StatsRequest<TSource, TRow> request, IReadOnlyList<TRow> groups, StatsOwner<TSource>? owner, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!request.Definition.Comparable || groups.Count == 0)
        {
            return;
        }

        var page = new StatsPage<TSource, TRow>(request, groups, owner, services.GetRequiredService<IDbContextFactory<SpmDbContext>>(), cancellationToken);
        foreach (var group in groups)
        {
            group.Page = page;
        }
    }

    public async Task<StatsRow?> PreviousAsync(StatsRow row, StatsPeriod period)
    {
        var previous = await _previous.GetOrAdd(period, p => new Lazy<Task<Dictionary<StatsKeyValue, TRow>>>(() => LoadAsync(p))).Value;
        return previous.GetValueOrDefault(row.KeyValue);
    }

    private async Task<Dictionary<StatsKeyValue, TRow>> LoadAsync(StatsPeriod period)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var all = request.Definition.Measures.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var rows = await QueryPlans.ToListAsync(db, request.Query(db, owner, period, all, request.Among(groups, period)).AsNoTracking(), cancellationToken);
        if (request.Dimensions.Count == 0)
        {
            // Ungrouped, the earlier period has its one group even when it selects nothing.
            rows.AddRange(groups.Select(g => g.OwnerId).Distinct().Where(o => !rows.Any(r => r.OwnerId == o)).Select(request.Empty));
        }

        var byKey = rows.ToDictionary(r => r.KeyValue);
        foreach (var previous in rows)
        {
            // The statement moved rows one period later to meet the current groups; give back their own period.
            Unshift(previous, period);
        }

        return byKey;
    }

    private void Unshift(TRow row, StatsPeriod period)
    {
        var byYear = request.Dimensions.Contains(StatsDimension.Year);
        var byQuarter = request.Dimensions.Contains(StatsDimension.Quarter);
        if (period == StatsPeriod.Year)
        {
            row.Year = byYear ? row.Year - 1 : row.Year;
            return;
        }

        if (byQuarter && row.Quarter is { } quarter)
        {
            row.Quarter = quarter == 1 ? 4 : quarter - 1;
            row.Year = byYear && quarter == 1 ? row.Year - 1 : row.Year;
        }
    }
}
