using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.QueryConventions.Plans;
using SpmGraph.QueryConventions.Tests.Infrastructure;
using SpmGraph.QueryConventions.Tests.Model;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>
/// A query read through a kept plan answers what EF Core's own path answers, whatever values each request brings;
/// a query whose values EF Core would read while compiling takes EF Core's path instead.
/// </summary>
public sealed class QueryPlansTests
{
    /// <summary>Read on every request; a plan that froze it at compile time would answer the first value forever.</summary>
    private static int _staticThreshold;

    private static TestHost Host => TestHost.Instance;

    [Fact]
    public async Task Requests_of_one_shape_share_a_plan_and_each_reads_its_own_values()
    {
        await using var db = await NewDbAsync();
        var statements = new List<string>();
        foreach (var (pages, genre) in new[] { (100, Genre.Science), (250, Genre.Fiction), (0, Genre.Poetry), (100, Genre.Science) })
        {
            var query = db.Books.AsNoTracking().Where(b => b.Pages > pages && b.Genre != genre).OrderBy(b => b.Title).ThenBy(b => b.Id).Take(5).Select(b => b.Id);
            var log = CommandLog.Begin();
            var read = await QueryPlans.ToListAsync(db, query, CancellationToken.None);

            var expected = Host.Books.Where(b => b.Pages > pages && b.Genre != genre).OrderBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id).Take(5).Select(b => b.Id);
            Assert.Equal(expected, read);
            Assert.True(QueryPlans.HasPlan(db, query));

            statements.Add(Assert.Single(log));
        }

        // The values are SQL parameters, as on EF Core's path: one statement text for every request. A count of Take
        // stays in the text: SQLite prepares a statement again whenever a LIMIT parameter is bound.
        Assert.Contains("LIMIT 5", Assert.Single(statements.Distinct()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_and_present_values_of_one_shape_each_read_their_rows()
    {
        await using var db = await NewDbAsync();
        foreach (var subtitle in new[] { null, "A Novel", null, "nothing of the kind" })
        {
            var read = await QueryPlans.ToListAsync(db, db.Books.Where(b => b.Subtitle == subtitle).OrderBy(b => b.Id).Select(b => b.Id), CancellationToken.None);
            Assert.Equal(Host.Books.Where(b => b.Subtitle == subtitle).Select(b => b.Id), read);
        }
    }

    [Fact]
    public async Task A_list_value_and_a_captured_subquery_are_read_anew_for_each_request()
    {
        await using var db = await NewDbAsync();
        foreach (var (ids, price) in new[] { (new List<int> { 1, 2, 3, 40 }, 10.0), (new List<int> { 5 }, 30.0), (new List<int>(), 0.0) })
        {
            var cheap = db.Books.Where(b => b.Price < price);
            var query = db.Publishers.Where(p => ids.Contains(p.Id) || cheap.Any(b => b.PublisherId == p.Id)).OrderBy(p => p.Id).Select(p => p.Id);
            var read = await QueryPlans.ToListAsync(db, query, CancellationToken.None);

            var expected = Host.Publishers.Where(p => ids.Contains(p.Id) || Host.Books.Any(b => b.Price < price && b.PublisherId == p.Id)).Select(p => p.Id);
            Assert.Equal(expected, read);
            Assert.True(QueryPlans.HasPlan(db, query));
        }
    }

    [Fact]
    public async Task Shapes_that_differ_in_a_constant_each_have_their_own_plan()
    {
        await using var db = await NewDbAsync();
        foreach (var pages in new[] { 120, 300 })
        {
            var book = Expression.Parameter(typeof(Book), "b");
            var predicate = Expression.Lambda<Func<Book, bool>>(Expression.GreaterThan(Expression.Property(book, nameof(Book.Pages)), Expression.Constant(pages)), book);
            var query = db.Books.Where(predicate).OrderBy(b => b.Id).Select(b => b.Id);
            var read = await QueryPlans.ToListAsync(db, query, CancellationToken.None);
            Assert.Equal(Host.Books.Where(b => b.Pages > pages).Select(b => b.Id), read);
        }
    }

    [Fact]
    public async Task A_value_ef_core_would_read_while_compiling_takes_ef_cores_path_and_is_read_every_time()
    {
        await using var db = await NewDbAsync();
        var query = db.Books.Where(b => b.Pages > _staticThreshold).OrderBy(b => b.Id).Select(b => b.Id);
        foreach (var threshold in new[] { 100, 400, 0 })
        {
            _staticThreshold = threshold;
            var read = await QueryPlans.ToListAsync(db, query, CancellationToken.None);
            Assert.Equal(Host.Books.Where(b => b.Pages > threshold).Select(b => b.Id), read);
        }

        Assert.False(QueryPlans.HasPlan(db, query));
    }

    private static async Task<TestDbContext> NewDbAsync() =>
        await Host.Services.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContextAsync();
}
