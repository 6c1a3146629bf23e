using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using SpmGraph.Domain.Model;

namespace SpmGraph.GraphQL.Stats;

/// <summary>Whether stats read pre-summed rows where they can (`GraphQL:Stats`).</summary>
public sealed class StatsOptions
{
    public const string SectionName = "GraphQL:Stats";

    /// <summary>
    /// Read a stats type's rollup table when the request only filters and groups by what the rollup keeps (and
    /// every measure asked has a rollup form); the answer is the same, from far fewer rows. Off reads every row.
    /// </summary>
    public bool UseRollups { get; set; } = true;
}

/// <summary>What a stats definition asks of its rollup: the groups of a request, or null when the rollup cannot answer it.</summary>
internal interface IStatsRollup<TSource, TRow>
    where TRow : StatsRow, new()
{
    IQueryable<TRow>? TryGroup(DbContext db, StatsDefinition<TSource, TRow> definition, IQueryable<TSource> visible, Expression<Func<TSource, bool>>? where, IReadOnlyCollection<StatsDimension> dimensions, IReadOnlySet<string> measures, ScoringScheme scheme);
}

/// <summary>
/// A table of <typeparamref name="TRollup"/> rows, each the sums of a set of <typeparamref name="TSource"/> rows
/// that share some key members, which a stats type reads instead of its rows. A request qualifies when
/// every member its `where`, the caller's scope and its dimensions read is a key member (a member path
/// such as `Region` or `Indicator.Sector` mapped to the rollup's), and every measure asked has a rollup form.
/// Some key members are only in the rollup's detailed rows (a second, finer grain); the coarse grain is read otherwise.
/// Only groups that hold one row per series qualify (no year-to-date latest-row logic is needed): the caller checks that.
/// </summary>
public sealed class StatsRollup<TSource, TRollup, TRow> : IStatsRollup<TSource, TRow>
    where TRow : StatsRow, new()
{
    /// <summary>Groupings kept per scheme; past it, a grouping is built for its request only.</summary>
    private const int MaxGroupings = 512;

    private readonly Func<DbContext, bool, IQueryable<TRollup>> _source;
    private readonly Dictionary<string, (LambdaExpression Target, bool Detailed)> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<ScoringScheme, LambdaExpression>> _measures = new(StringComparer.Ordinal);
    private readonly HashSet<string> _required = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<ScoringScheme, ConcurrentDictionary<string, GroupsShape>> _groups = new();

    /// <param name="source">The rollup rows of a grain: the detailed one when the flag is true.</param>
    public StatsRollup(Func<DbContext, bool, IQueryable<TRollup>> source) => _source = source;

    /// <summary>A key member: <paramref name="member"/> of a source row is <paramref name="target"/> of its rollup row.</summary>
    public StatsRollup<TSource, TRollup, TRow> Key<TValue>(Expression<Func<TSource, TValue>> member, Expression<Func<TRollup, TValue>> target, bool detailed = false)
    {
        ArgumentNullException.ThrowIfNull(member);
        _keys[PathOf(member.Body, member.Parameters[0]) ?? throw new ArgumentException("Expected a member path of the row, e.g. a => a.Region.", nameof(member))] = (target, detailed);
        return this;
    }

    /// <summary>A relation every source row has (a required foreign key): filters' null tests of it are constants.</summary>
    public StatsRollup<TSource, TRollup, TRow> Required<TRelated>(Expression<Func<TSource, TRelated?>> relation)
        where TRelated : class
    {
        ArgumentNullException.ThrowIfNull(relation);
        _required.Add(PathOf(relation.Body, relation.Parameters[0]) ?? throw new ArgumentException("Expected a member path of the row, e.g. a => a.Indicator.", nameof(relation)));
        return this;
    }

    /// <summary>A measure's value from the rollup rows of a group.</summary>
    public StatsRollup<TSource, TRollup, TRow> Measure<TValue>(Expression<Func<TRow, TValue>> property, Expression<Func<IEnumerable<TRollup>, TValue>> aggregate) =>
        Measure(property, _ => aggregate);

    /// <summary>The same, for a measure that reads the scheme.</summary>
    public StatsRollup<TSource, TRollup, TRow> Measure<TValue>(Expression<Func<TRow, TValue>> property, Func<ScoringScheme, Expression<Func<IEnumerable<TRollup>, TValue>>> aggregate)
    {
        ArgumentNullException.ThrowIfNull(property);
        _measures[StatsMeasureNames.Of(property)] = aggregate;
        return this;
    }

    IQueryable<TRow>? IStatsRollup<TSource, TRow>.TryGroup(DbContext db, StatsDefinition<TSource, TRow> definition, IQueryable<TSource> visible, Expression<Func<TSource, bool>>? where, IReadOnlyCollection<StatsDimension> dimensions, IReadOnlySet<string> measures, ScoringScheme scheme)
    {
        if (!measures.All(_measures.ContainsKey) || Filters(visible.Expression) is not { } filters
            || GroupsOf(definition, dimensions, measures, scheme) is not { Groups: { } groups } shape)
        {
            return null;
        }

        var rebind = new Rebind(this);
        if (where is not null)
        {
            filters.Add(where);
        }

        var predicates = new List<Expression<Func<TRollup, bool>>>();
        foreach (var filter in filters)
        {
            if (rebind.Apply(filter) is not { } predicate)
            {
                return null;
            }

            predicates.Add((Expression<Func<TRollup, bool>>)predicate);
        }

        var rows = _source(db, rebind.Detailed || shape.Detailed);
        foreach (var predicate in predicates)
        {
            rows = rows.Where(predicate);
        }

        return groups.Apply(rows);
    }

    /// <summary>
    /// The grouping of these dimensions into these measures under the scheme, built on first use: its keys and
    /// measures read no request value (the filters carry those), so it is the same for every request that asks it.
    /// Kept per scheme object, which the scheme catalog replaces when the data changes.
    /// </summary>
    private GroupsShape GroupsOf(StatsDefinition<TSource, TRow> definition, IReadOnlyCollection<StatsDimension> dimensions, IReadOnlySet<string> measures, ScoringScheme scheme)
    {
        var distinct = dimensions.Distinct().ToList();
        var names = measures.Order(StringComparer.Ordinal).ToList();
        var key = string.Join(',', distinct) + "|" + string.Join(',', names);
        var kept = _groups.GetValue(scheme, _ => new());
        if (kept.TryGetValue(key, out var shape))
        {
            return shape;
        }

        var rebind = new Rebind(this);
        var keys = new List<(StatsDimension, LambdaExpression)>();
        foreach (var dimension in distinct)
        {
            if (rebind.Apply(definition.DimensionValue(dimension)) is { } value)
            {
                keys.Add((dimension, value));
            }
        }

        shape = keys.Count < distinct.Count
            ? new GroupsShape(null, false)
            : new GroupsShape(StatsGrouping.Groups<TRollup, TRow>(keys, names.Select(m => (m, _measures[m](scheme))), scheme.Id), rebind.Detailed);

        // Bounded: the combinations of dimensions (in their order) and measures a client may ask are many.
        return kept.Count < MaxGroupings ? kept.GetOrAdd(key, shape) : shape;
    }

    /// <summary>The predicates of a query that is its entity's table with Where calls on it; null for any other shape.</summary>
    private static List<LambdaExpression>? Filters(Expression query)
    {
        var filters = new List<LambdaExpression>();
        while (query is MethodCallExpression { Method.Name: nameof(Queryable.Where), Arguments: [var inner, UnaryExpression { Operand: LambdaExpression { Parameters.Count: 1 } predicate }] } call
            && call.Method.DeclaringType == typeof(Queryable))
        {
            filters.Add(predicate);
            query = inner;
        }

        return query is EntityQueryRootExpression root && root.ElementType == typeof(TSource) ? filters : null;
    }

    /// <summary>"Indicator.Sector" for row.Indicator.Sector; null when the chain does not start at the row.</summary>
    private static string? PathOf(Expression expression, ParameterExpression row) => expression switch
    {
        MemberExpression { Expression: { } inner } member when inner == row => member.Member.Name,
        MemberExpression { Expression: { } inner } member => PathOf(inner, row) is { } path ? path + "." + member.Member.Name : null,
        _ => null,
    };

    /// <summary>A grouping the rollup can answer (null when a dimension reads what it does not keep), and whether it needs the detailed grain.</summary>
    private sealed record GroupsShape(StatsGroups<TRollup, TRow>? Groups, bool Detailed);

    /// <summary>
    /// Rewrites a lambda over a source row into one over a rollup row, key member by key member; fails (null)
    /// when the lambda reads the row in any other way. Records whether a detailed key member was read.
    /// </summary>
    private sealed class Rebind(StatsRollup<TSource, TRollup, TRow> rollup) : ExpressionVisitor
    {
        private readonly ParameterExpression _target = Expression.Parameter(typeof(TRollup), "r");
        private ParameterExpression? _row;
        private bool _failed;

        public bool Detailed { get; private set; }

        public LambdaExpression? Apply(LambdaExpression lambda)
        {
            _row = lambda.Parameters[0];
            _failed = false;
            var body = Visit(lambda.Body);
            return _failed ? null : Expression.Lambda(body, _target);
        }

        private bool Required(Expression e) => PathOf(e, _row!) is { } path && rollup._required.Contains(path);

        private static bool IsNull(Expression e) => e is ConstantExpression { Value: null };

        protected override Expression VisitMember(MemberExpression node)
        {
            if (PathOf(node, _row!) is { } path && rollup._keys.TryGetValue(path, out var key))
            {
                Detailed |= key.Detailed;
                return Domain.Rules.Inline.Body(key.Target, _target);
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            // row.Indicator == null, as the filters test a relation before reading through it.
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual
                && (Required(node.Left) && IsNull(node.Right) || Required(node.Right) && IsNull(node.Left)))
            {
                return Expression.Constant(node.NodeType == ExpressionType.NotEqual);
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            // The row itself, not through a key member.
            _failed |= node == _row;
            return node;
        }
    }
}
