using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using SpmGraph.Domain.Model;

namespace SpmGraph.GraphQL.Stats;

/// <summary>
/// The dimensions and measures of one stats field over <typeparamref name="TSource"/> rows, and the
/// GROUP BY query they make: only the dimensions grouped by and the measures needed are in the SQL.
/// </summary>
public sealed class StatsDefinition<TSource, TRow>
    where TRow : StatsRow, new()
{
    private static readonly MethodInfo GroupByMethod = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.GroupBy) && m.GetParameters().Length == 2 && m.GetGenericArguments().Length == 2);

    private static readonly MethodInfo SelectMethod = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Select) && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2);

    private readonly Dictionary<StatsDimension, LambdaExpression> _dimensions = [];
    private readonly Dictionary<string, MeasureDefinition> _measures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _derived = new(StringComparer.Ordinal);

    /// <summary>A dimension: which key column it fills and from what expression over the source row.</summary>
    public StatsDefinition<TSource, TRow> Dimension<TValue>(StatsDimension dimension, Expression<Func<TSource, TValue>> value)
    {
        _dimensions[dimension] = value;
        return this;
    }

    /// <summary>A measure computed in SQL; the aggregate may read the scoring scheme's weights.</summary>
    public StatsDefinition<TSource, TRow> Measure<TValue>(Expression<Func<TRow, TValue>> property, Func<ScoringScheme, Expression<Func<IGrouping<StatsKey, TSource>, TValue>>> aggregate, params string[] dependsOn)
    {
        ArgumentNullException.ThrowIfNull(property);
        var info = (PropertyInfo)((MemberExpression)property.Body).Member;
        _measures[char.ToLowerInvariant(info.Name[0]) + info.Name[1..]] = new MeasureDefinition(info, aggregate, dependsOn);
        return this;
    }

    /// <summary>A field computed after SQL from measures (e.g. a band from the index).</summary>
    public StatsDefinition<TSource, TRow> Derived(string name, params string[] dependsOn)
    {
        _derived[name] = dependsOn;
        return this;
    }

    /// <summary>Names the query needs: the ones asked for and what they depend on.</summary>
    public HashSet<string> Needed(IEnumerable<string> asked)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(asked);
        while (pending.TryPop(out var name))
        {
            if (_derived.TryGetValue(name, out var inputs))
            {
                inputs.ToList().ForEach(pending.Push);
            }
            else if (_measures.TryGetValue(name, out var measure) && needed.Add(name))
            {
                foreach (var dependency in measure.DependsOn)
                {
                    pending.Push(dependency);
                }
            }
        }

        return needed;
    }

    /// <summary>source → GROUP BY the dimensions → one <typeparamref name="TRow"/> per group.</summary>
    public IQueryable<TRow> Group(IQueryable<TSource> source, IReadOnlyCollection<StatsDimension> dimensions, IReadOnlySet<string> measures, ScoringScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheme);
        foreach (var dimension in dimensions.Where(d => !_dimensions.ContainsKey(d)))
        {
            throw new ExecutionError($"This stats field cannot group by {dimension}; it can group by {string.Join(", ", _dimensions.Keys)}.") { Code = "INVALID_DIMENSION" };
        }

        // Key: x => new StatsKey { Year = (int?)x.Year, ... } for the dimensions asked for; no
        // dimensions group by a constant, which EF Core turns into a plain aggregate (no GROUP BY).
        var row = Expression.Parameter(typeof(TSource), "x");
        var asked = dimensions.Distinct().ToList();
        LambdaExpression keySelector = asked.Count == 0
            ? Expression.Lambda(Expression.Constant(1), row)
            : Expression.Lambda(Expression.MemberInit(Expression.New(typeof(StatsKey)), asked.Select(d => Bind<StatsKey>(KeyProperty(d), Inline(_dimensions[d], row)))), row);
        var keyType = keySelector.ReturnType;
        var groupType = typeof(IGrouping<,>).MakeGenericType(keyType, typeof(TSource));
        var grouped = Expression.Call(GroupByMethod.MakeGenericMethod(typeof(TSource), keyType), source.Expression, Expression.Quote(keySelector));

        // Row: g => new TRow { Year = g.Key.Year (or null), Count = g.Count(), ..., SchemeId = id }.
        var group = Expression.Parameter(groupType, "g");
        var bindings = new List<MemberBinding>();
        foreach (var dimension in Enum.GetValues<StatsDimension>())
        {
            var property = KeyProperty(dimension);
            var target = typeof(TRow).GetProperty(property)!;
            bindings.Add(Expression.Bind(target, asked.Contains(dimension)
                ? Expression.Property(Expression.Property(group, "Key"), property)
                : Expression.Constant(null, target.PropertyType)));
        }

        foreach (var name in measures)
        {
            var measure = _measures[name];
            bindings.Add(Expression.Bind(measure.Property, Inline(measure.Aggregate(scheme), group)));
        }

        bindings.Add(Expression.Bind(typeof(TRow).GetProperty(nameof(StatsRow.SchemeId))!, Expression.Constant(scheme.Id)));
        var selector = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(TRow)), bindings), group);
        return source.Provider.CreateQuery<TRow>(Expression.Call(SelectMethod.MakeGenericMethod(groupType, typeof(TRow)), grouped, Expression.Quote(selector)));
    }

    private static MemberAssignment Bind<T>(string property, Expression value)
    {
        var target = typeof(T).GetProperty(property)!;
        return Expression.Bind(target, value.Type == target.PropertyType ? value : Expression.Convert(value, target.PropertyType));
    }

    private static string KeyProperty(StatsDimension dimension) => dimension switch
    {
        StatsDimension.Region => nameof(StatsKey.RegionId),
        StatsDimension.Province => nameof(StatsKey.ProvinceId),
        StatsDimension.RegionKind => nameof(StatsKey.RegionKind),
        StatsDimension.Sector => nameof(StatsKey.Sector),
        StatsDimension.Indicator => nameof(StatsKey.IndicatorId),
        StatsDimension.Year => nameof(StatsKey.Year),
        StatsDimension.Quarter => nameof(StatsKey.Quarter),
        StatsDimension.Opd => nameof(StatsKey.OpdId),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    private static Expression Inline(LambdaExpression lambda, Expression argument) =>
        new Replace(lambda.Parameters[0], argument).Visit(lambda.Body);

    private sealed record MeasureDefinition(PropertyInfo Property, Func<ScoringScheme, LambdaExpression> Aggregate, string[] DependsOn);

    private sealed class Replace(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
