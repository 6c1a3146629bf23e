using System.Linq.Expressions;

namespace SpmGraph.Domain.Rules;

/// <summary>
/// The business rules behind every derived figure, written once as expressions: queries compose
/// them into SQL (rows, filters, sorts and the GROUP BYs of the statistics) and in-memory code
/// calls their compiled forms, so the database and the server can never disagree.
/// </summary>
public static class SpmRules
{
    /// <summary>Capaian (achievement): served / target x 100; null when the target is 0; not capped.</summary>
    public static readonly Expression<Func<long, long, double?>> Rate =
        (served, target) => target == 0 ? null : served * 100.0 / target;

    /// <summary>
    /// Indeks Pencapaian SPM of one row: recipientWeight x rate (capped at 100 when the scheme caps it)
    /// + qualityWeight x qualityRate; null when the rate or the quality is unknown.
    /// </summary>
    public static readonly Expression<Func<double?, double?, double, double, bool, double?>> Index =
        (rate, quality, recipientWeight, qualityWeight, cap) => rate == null || quality == null
            ? null
            : (recipientWeight * (cap && rate > 100 ? 100.0 : rate)) + (qualityWeight * quality);

    /// <summary>A report is on time when it was submitted before its period closed; null while not submitted.</summary>
    public static readonly Expression<Func<DateTime?, DateTime, bool?>> OnTime =
        (submittedAt, closesAt) => submittedAt == null ? null : submittedAt < closesAt;

    /// <summary>Budget gap: budgetNeeded - budgetAllocated, never negative.</summary>
    public static readonly Expression<Func<long, long, long>> BudgetGap =
        (needed, allocated) => needed > allocated ? needed - allocated : 0L;

    /// <summary>Tidak teranggarkan (unbudgeted): less allocated than needed.</summary>
    public static readonly Expression<Func<long, long, bool>> Unbudgeted =
        (needed, allocated) => allocated < needed;

    public static Func<long, long, double?> RateOf { get; } = Rate.Compile();

    public static Func<double?, double?, double, double, bool, double?> IndexOf { get; } = Index.Compile();

    public static Func<DateTime?, DateTime, bool?> OnTimeOf { get; } = OnTime.Compile();

    public static Func<long, long, long> BudgetGapOf { get; } = BudgetGap.Compile();

    public static Func<long, long, bool> UnbudgetedOf { get; } = Unbudgeted.Compile();
}

/// <summary>The rules above, applied to entities: the expressions that filters, sorts and rows share.</summary>
public static class EntityRules
{
    public static readonly Expression<Func<Model.Achievement, double?>> AchievementRate =
        Inline.Apply<Model.Achievement, double?>(SpmRules.Rate, a => a.Served, a => a.Target);

    /// <summary>Tuntas (complete): served at or above a target above 0.</summary>
    public static readonly Expression<Func<Model.Achievement, bool>> AchievementComplete = a => a.Target > 0 && a.Served >= a.Target;

    /// <summary>A row's index with these weights (a scheme's, or (1, 0) and (0, 1) for its recipient and quality parts).</summary>
    public static Expression<Func<Model.Achievement, double?>> AchievementIndex(double recipientWeight, double qualityWeight, bool cap)
    {
        var a = Expression.Parameter(typeof(Model.Achievement), "a");
        var body = Inline.Body(
            SpmRules.Index,
            Inline.Body(AchievementRate, a),
            Expression.Property(a, nameof(Model.Achievement.QualityRate)),
            Expression.Constant(recipientWeight),
            Expression.Constant(qualityWeight),
            Expression.Constant(cap));
        return Expression.Lambda<Func<Model.Achievement, double?>>(body, a);
    }

    public static readonly Expression<Func<Model.Achievement, bool?>> AchievementOnTime =
        Inline.Apply<Model.Achievement, bool?>(SpmRules.OnTime, a => a.SubmittedAt, a => a.Report!.ReportingPeriod!.ClosesAt);

    public static readonly Expression<Func<Model.Plan, long>> BudgetGap =
        Inline.Apply<Model.Plan, long>(SpmRules.BudgetGap, p => p.BudgetNeeded, p => p.BudgetAllocated);

    public static readonly Expression<Func<Model.Plan, bool>> Unbudgeted =
        Inline.Apply<Model.Plan, bool>(SpmRules.Unbudgeted, p => p.BudgetNeeded, p => p.BudgetAllocated);
}

/// <summary>Composes expressions by substituting parameters, so EF Core sees one plain tree.</summary>
public static class Inline
{
    /// <summary>The body of <paramref name="lambda"/> with its parameters replaced by <paramref name="arguments"/>.</summary>
    public static Expression Body(LambdaExpression lambda, params Expression[] arguments)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        ArgumentNullException.ThrowIfNull(arguments);
        var map = new Dictionary<ParameterExpression, Expression>();
        for (var i = 0; i < lambda.Parameters.Count; i++)
        {
            var argument = arguments[i];
            var parameter = lambda.Parameters[i];
            map[parameter] = argument.Type == parameter.Type || !parameter.Type.IsValueType ? argument : Expression.Convert(argument, parameter.Type);
        }

        return new Substitution(map).Visit(lambda.Body);
    }

    /// <summary>x => rule(part1(x), part2(x), ...).</summary>
    public static Expression<Func<T, TResult>> Apply<T, TResult>(LambdaExpression rule, params Expression<Func<T, object?>>[] parts) =>
        Apply<T, TResult>(rule, parts.Cast<LambdaExpression>().ToArray());

    /// <summary>The same, with parts of any result type.</summary>
    public static Expression<Func<T, TResult>> Apply<T, TResult>(LambdaExpression rule, params LambdaExpression[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var x = Expression.Parameter(typeof(T), "x");
        var arguments = parts.Select(p => StripBox(Body(p, x))).ToArray();
        return Expression.Lambda<Func<T, TResult>>(Body(rule, arguments), x);
    }

    private static Expression StripBox(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u && u.Type == typeof(object) ? u.Operand : e;

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var e) ? e : base.VisitParameter(node);
    }
}
