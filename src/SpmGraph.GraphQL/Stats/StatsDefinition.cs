using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Rules;

namespace SpmGraph.GraphQL.Stats;

/// <summary>What a measure's SQL may read besides the group: the scheme, and the rows the caller may read.</summary>
public sealed class StatsContext<TSource>
{
    public required ScoringScheme Scheme { get; init; }

    /// <summary>Every row the caller may read, before `where` (e.g. to find a row's previous quarter).</summary>
    public required IQueryable<TSource> Visible { get; init; }
}

/// <summary>A row of a selection and whether it is the latest quarter of its series in that selection.</summary>
public sealed class StatsFlagged<TSource>
{
    public TSource Row { get; set; } = default!;

    public bool Latest { get; set; }
}

/// <summary>A measure's GraphQL name and its group-row property, one from the other: `spmIndex` is `SpmIndex`.</summary>
internal static class StatsMeasureNames
{
    public static string Of(LambdaExpression property)
    {
        var name = ((MemberExpression)property.Body).Member.Name;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static PropertyInfo PropertyOf(Type row, string measure) => row.GetProperty(char.ToUpperInvariant(measure[0]) + measure[1..])!;
}

/// <summary>Receives each measure with its type, for the inputs and output fields built from the catalog.</summary>
public interface IMeasureVisitor<TRow>
{
    void Visit<TValue>(string name, Expression<Func<TRow, TValue>> value, string description);
}

/// <summary>One measure: its name, description and value on a group row; how SQL computes it is on the definition.</summary>
public sealed class StatsMeasure<TRow>
{
    internal StatsMeasure(string name, string description, Type type, Func<TRow, object?> get, Action<IMeasureVisitor<TRow>> accept)
    {
        Name = name;
        Description = description;
        Type = type;
        Get = get;
        Accept = accept;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>The CLR type of the value (int, long, double?...).</summary>
    public Type Type { get; }

    internal Func<TRow, object?> Get { get; }

    internal Action<IMeasureVisitor<TRow>> Accept { get; }
}

/// <summary>
/// The GraphQL face of a stats type: its names, dimensions and measures. The output type, key,
/// `groupBy` enum, `having` and `order` inputs and the comparison type are all generated from it,
/// so a measure or a dimension is declared once.
/// </summary>
public abstract class StatsType<TRow>
    where TRow : StatsRow
{
    private readonly List<StatsMeasure<TRow>> _measures = [];
    private readonly List<Action<ObjectGraphType<TRow>>> _extraFields = [];

    protected StatsType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>Output type name, e.g. "AchievementStats"; the inputs and enums are named after it.</summary>
    public string Name { get; }

    public string Description { get; }

    public abstract IReadOnlyList<StatsDimension> Dimensions { get; }

    public IReadOnlyList<StatsMeasure<TRow>> Measures => _measures;

    /// <summary>Whether the measures depend on a scoring scheme (a `scheme` argument and field).</summary>
    public bool UsesScheme { get; protected set; }

    /// <summary>Whether groups can be compared with an earlier period (`previous`, `change`).</summary>
    public bool Comparable { get; protected set; }

    /// <summary>Fields computed after SQL from measures (e.g. a band from the index), with what they read.</summary>
    internal Dictionary<string, string[]> Derived { get; } = new(StringComparer.Ordinal);

    internal IReadOnlyList<Action<ObjectGraphType<TRow>>> ExtraFields => _extraFields;

    /// <summary>Names the query computes: the measures asked for and those derived fields read.</summary>
    public HashSet<string> Needed(IEnumerable<string> asked)
    {
        var measures = _measures.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in asked)
        {
            if (measures.Contains(name))
            {
                needed.Add(name);
            }
            else if (Derived.TryGetValue(name, out var inputs))
            {
                needed.UnionWith(inputs);
            }
        }

        return needed;
    }

    protected void AddMeasure(StatsMeasure<TRow> measure) => _measures.Add(measure);

    protected void AddExtraField(string name, string[] reads, Action<ObjectGraphType<TRow>> add)
    {
        Derived[name] = reads;
        _extraFields.Add(add);
    }
}

/// <summary>
/// A stats type over <typeparamref name="TSource"/> rows: how each dimension and measure is computed
/// in SQL. Only the dimensions grouped by and the measures needed are in the statement.
/// </summary>
public sealed class StatsDefinition<TSource, TRow> : StatsType<TRow>
    where TRow : StatsRow, new()
{
    private readonly List<(StatsDimension Dimension, LambdaExpression Value)> _dimensions = [];
    private readonly Dictionary<string, (Func<StatsContext<TSource>, LambdaExpression> Aggregate, bool Cumulative)> _sql = new(StringComparer.Ordinal);

    public StatsDefinition(string name, string description)
        : base(name, description)
    {
    }

    public override IReadOnlyList<StatsDimension> Dimensions => [.. _dimensions.Select(d => d.Dimension)];

    /// <summary>Each row of a selection with whether it is the latest quarter of its series in it; null when nothing is cumulative.</summary>
    internal Func<IQueryable<TSource>, IQueryable<StatsFlagged<TSource>>>? Latest { get; private set; }

    /// <summary>The `where` field that, fixed to one value, leaves one row per series (so no latest filter is needed).</summary>
    internal string? LatestFixedBy { get; private set; }

    internal PropertyInfo? YearMember { get; private set; }

    internal PropertyInfo? QuarterMember { get; private set; }

    /// <summary>The pre-summed rows this type can read instead of its rows; null when it has none.</summary>
    internal IStatsRollup<TSource, TRow>? RollupTable { get; private set; }

    /// <summary>A dimension: which key column it fills and from what expression over the source row.</summary>
    public StatsDefinition<TSource, TRow> Dimension<TValue>(StatsDimension dimension, Expression<Func<TSource, TValue>> value)
    {
        _dimensions.Add((dimension, value));
        return this;
    }

    /// <summary>
    /// A measure computed in SQL from the group's rows. A cumulative one (built on a quantity that is
    /// cumulative within a year) reads only each series' latest row in the group: its year-to-date position.
    /// </summary>
    public StatsDefinition<TSource, TRow> Measure<TValue>(Expression<Func<TRow, TValue>> property, string description, Expression<Func<IEnumerable<TSource>, TValue>> aggregate, bool cumulative = false) =>
        Measure(property, description, _ => aggregate, cumulative);

    /// <summary>The same, for an aggregate that reads the scheme or the caller's rows.</summary>
    public StatsDefinition<TSource, TRow> Measure<TValue>(Expression<Func<TRow, TValue>> property, string description, Func<StatsContext<TSource>, Expression<Func<IEnumerable<TSource>, TValue>>> aggregate, bool cumulative = false)
    {
        ArgumentNullException.ThrowIfNull(property);
        var name = StatsMeasureNames.Of(property);
        var get = property.Compile();
        AddMeasure(new StatsMeasure<TRow>(name, description, typeof(TValue), r => get(r), v => v.Visit(name, property, description)));
        _sql[name] = (aggregate, cumulative);
        return this;
    }

    /// <summary>
    /// Declares the row series whose quantities are cumulative within a year: <paramref name="latest"/>
    /// flags the rows of a selection that are the latest quarter of their series in it; a `where` that
    /// fixes <paramref name="fixedBy"/>, or grouping by QUARTER, leaves one row per series anyway.
    /// </summary>
    public StatsDefinition<TSource, TRow> CumulativeSeries(Func<IQueryable<TSource>, IQueryable<StatsFlagged<TSource>>> latest, string fixedBy)
    {
        Latest = latest;
        LatestFixedBy = fixedBy;
        return this;
    }

    /// <summary>The year and quarter of a row: groups can then be compared with an earlier period.</summary>
    public StatsDefinition<TSource, TRow> Periods(Expression<Func<TSource, int>> year, Expression<Func<TSource, int>> quarter)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(quarter);
        YearMember = (PropertyInfo)((MemberExpression)year.Body).Member;
        QuarterMember = (PropertyInfo)((MemberExpression)quarter.Body).Member;
        Comparable = true;
        return this;
    }

    /// <summary>A rollup table the groups are read from when a request needs nothing else (<see cref="StatsRollup{TSource, TRollup, TRow}"/>).</summary>
    public StatsDefinition<TSource, TRow> RollUp<TRollup>(StatsRollup<TSource, TRollup, TRow> rollup)
    {
        RollupTable = rollup;
        return this;
    }

    /// <summary>The measures read a scoring scheme: the field takes `scheme` and each group names it.</summary>
    public StatsDefinition<TSource, TRow> WithScheme()
    {
        UsesScheme = true;
        return this;
    }

    /// <summary>A field computed after SQL (e.g. a band from the index), reading <paramref name="reads"/>.</summary>
    public StatsDefinition<TSource, TRow> Field(string name, string[] reads, Action<ObjectGraphType<TRow>> add)
    {
        AddExtraField(name, reads, add);
        return this;
    }

    internal LambdaExpression DimensionValue(StatsDimension dimension) => _dimensions.First(d => d.Dimension == dimension).Value;

    /// <summary>
    /// selection → GROUP BY the dimensions (and the owner, for nested fields) → one <typeparamref name="TRow"/> per group.
    /// <paramref name="latestOnly"/> makes cumulative measures read each series' latest row only;
    /// <paramref name="shift"/> moves every row one period later, so the groups are those of the period before.
    /// </summary>
    internal IQueryable<TRow> Group(IQueryable<TSource> selection, IReadOnlyCollection<StatsDimension> dimensions, IReadOnlySet<string> measures, StatsContext<TSource> context, bool latestOnly, LambdaExpression? owner, StatsPeriod? shift)
    {
        // Cumulative measures over several quarters read flagged rows: the flag is computed once per row
        // (a join with each series' latest quarter), and every other expression reads the row inside.
        if (latestOnly && Latest is not null)
        {
            Expression RowOf(Expression e) => Expression.Property(e, nameof(StatsFlagged<TSource>.Row));
            var x = Expression.Parameter(typeof(StatsFlagged<TSource>), "f");
            var row = Expression.Lambda(RowOf(x), x);
            var isLatest = Expression.Lambda(Expression.Property(x, nameof(StatsFlagged<TSource>.Latest)), x);
            Expression AllRows(Expression group) => Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [x.Type, typeof(TSource)], group, row);
            Expression LatestRows(Expression group) => Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [x.Type, typeof(TSource)],
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Where), [x.Type], group, isLatest), row);
            return StatsGrouping.Group<StatsFlagged<TSource>, TRow>(
                Latest(selection),
                Keys(dimensions, owner, shift, RowOf),
                measures.Select(name => (name, Measure(name, context, group => _sql[name].Cumulative ? LatestRows(group) : AllRows(group)))),
                context.Scheme.Id);
        }

        return StatsGrouping.Group<TSource, TRow>(selection, Keys(dimensions, owner, shift, e => e), measures.Select(name => (name, Measure(name, context, group => group))), context.Scheme.Id);
    }

    private IEnumerable<(string KeyProperty, Func<Expression, Expression> Value)> Keys(IReadOnlyCollection<StatsDimension> dimensions, LambdaExpression? owner, StatsPeriod? shift, Func<Expression, Expression> rowOf)
    {
        foreach (var dimension in dimensions.Distinct())
        {
            var value = Shifted(DimensionValue(dimension), shift);
            yield return (StatsDimensions.KeyProperty(dimension), element => Inline.Body(value, rowOf(element)));
        }

        if (owner is not null)
        {
            yield return (nameof(StatsKey.OwnerId), element => Inline.Body(owner, rowOf(element)));
        }
    }

    private Func<Expression, Expression> Measure(string name, StatsContext<TSource> context, Func<Expression, Expression> rowsOf)
    {
        var aggregate = _sql[name].Aggregate(context);
        return group => Inline.Body(aggregate, rowsOf(group));
    }

    /// <summary>A dimension or predicate with the row's year and quarter moved one period later.</summary>
    internal TLambda Shifted<TLambda>(TLambda lambda, StatsPeriod? shift)
        where TLambda : LambdaExpression =>
        shift is null || YearMember is null ? lambda : (TLambda)new PeriodShift(lambda.Parameters[0], YearMember, QuarterMember!, shift.Value).Visit(lambda);

    /// <summary>Replaces row.Year and row.Quarter of the lambda's own parameter by the next period's.</summary>
    private sealed class PeriodShift(ParameterExpression row, PropertyInfo year, PropertyInfo quarter, StatsPeriod period) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression != row)
            {
                return base.VisitMember(node);
            }

            var y = Expression.Property(row, year);
            var q = Expression.Property(row, quarter);
            var lastQuarter = Expression.Equal(q, Expression.Constant(4));
            if (node.Member == year)
            {
                return period == StatsPeriod.Year
                    ? Expression.Add(y, Expression.Constant(1))
                    : Expression.Condition(lastQuarter, Expression.Add(y, Expression.Constant(1)), y);
            }

            if (node.Member == quarter && period == StatsPeriod.Quarter)
            {
                return Expression.Condition(lastQuarter, Expression.Constant(1), Expression.Add(q, Expression.Constant(1)));
            }

            return node;
        }
    }
}
