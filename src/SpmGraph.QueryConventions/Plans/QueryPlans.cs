using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

// IQueryCompiler is EF Core's internal API; CreateCompiledAsyncQuery is what EF.CompileAsyncQuery runs, for a shape
// known only at run time. Pinned by the central package version; QueryPlansTests (SQLite) and the whole PostgreSQL
// suite read through it.
#pragma warning disable EF1001
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace SpmGraph.QueryConventions.Plans;

/// <summary>
/// Reads a query through a plan compiled once per <see cref="QueryShape"/>, as EF.CompileAsyncQuery would for a query
/// written in code: a request then pays neither EF Core's parameter extraction nor its cache key over the whole
/// tree, which for a stats query (a GROUP BY with a dozen measures) was an eighth of its server CPU. A query
/// whose shape cannot be read takes EF Core's own path; past <see cref="MaxPlans"/> shapes of one model, the plans
/// kept are dropped and compiled again as they are asked.
/// </summary>
public static class QueryPlans
{
    /// <summary>Plans kept per model; the shapes (filters, orders, groupings) clients may send are many.</summary>
    public const int MaxPlans = 2048;

    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<(Type Context, QueryTrackingBehavior Tracking, QueryShape Shape), object>> Plans = new();

    /// <summary>The rows of <paramref name="query"/>, which reads through <paramref name="db"/>; the same as its ToListAsync.</summary>
    public static async Task<List<T>> ToListAsync<T>(DbContext db, IQueryable<T> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var values = new List<object?>();
        if (query.Provider is not IAsyncQueryProvider || QueryShape.Of(query.Expression, values) is not { } shape)
        {
            return await query.ToListAsync(cancellationToken);
        }

        var plans = Plans.GetValue(db.Model, _ => new());
        var key = (db.GetType(), db.ChangeTracker.QueryTrackingBehavior, shape);
        if (!plans.TryGetValue(key, out var plan))
        {
            if (plans.Count >= MaxPlans)
            {
                // Full: start again rather than leave every new shape to EF Core's path for good.
                plans.Clear();
            }

            plan = plans.GetOrAdd(key, db.GetService<IQueryCompiler>().CreateCompiledAsyncQuery<IAsyncEnumerable<T>>(shape.Expression));
        }

        var context = db.GetService<IQueryContextFactory>().Create();
        context.CancellationToken = cancellationToken;
        for (var i = 0; i < values.Count; i++)
        {
            context.Parameters.Add(QueryShape.ValueName(i), values[i]);
        }

        var rows = new List<T>();
        await foreach (var row in ((Func<QueryContext, IAsyncEnumerable<T>>)plan)(context).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Whether the shape of <paramref name="query"/> has a plan: false for one that takes EF Core's path.</summary>
    internal static bool HasPlan<T>(DbContext db, IQueryable<T> query) =>
        QueryShape.Of(query.Expression, []) is { } shape && Plans.TryGetValue(db.Model, out var plans)
        && plans.ContainsKey((db.GetType(), db.ChangeTracker.QueryTrackingBehavior, shape));
}
