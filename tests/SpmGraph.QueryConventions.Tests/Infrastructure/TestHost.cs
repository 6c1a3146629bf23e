using System.Text.Json.Nodes;
using GraphQL;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.QueryConventions.Tests.Model;
using SpmGraph.QueryConventions.Tests.Schema;

namespace SpmGraph.QueryConventions.Tests.Infrastructure;

/// <summary>
/// One schema, service provider and seeded SQLite database for the whole test run, plus the same
/// rows loaded into memory as the independent reference the tests compare against.
/// </summary>
public sealed class TestHost : IDisposable
{
    private static readonly Lazy<TestHost> Shared = new(() => new TestHost());

    // A named in-memory database lives as long as one connection to it is open.
    private readonly SqliteConnection _keepAlive;

    private TestHost()
    {
        var connectionString = $"Data Source=query-conventions-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(connectionString);
        _keepAlive.Open();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();

        var services = new ServiceCollection();
        services.AddDbContextFactory<TestDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(CommandLog.Interceptor));
        services.AddQueryConventions<TestDbContext>();
        services.AddScoped<PublisherByIdLoader>();
        services.AddScoped<AuthorByIdLoader>();
        services.AddSingleton<BooksByAuthor>();
        services.AddSingleton<KeptBooks>();
        services.AddGraphQL(b => b
            .AddSchema<TestSchema>()
            .AddSystemTextJson()
            // Failures show the exception, so a broken translation reads as such.
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = true)
            .AddGraphTypes(typeof(TestSchema).Assembly));
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var factory = Services.GetRequiredService<IDbContextFactory<TestDbContext>>();
        using (var db = factory.CreateDbContext())
        {
            db.Database.EnsureCreated();
            var (countries, publishers, authors, books, reviews, tags) = TestSeed.Create();
            db.AddRange(countries);
            db.AddRange(publishers);
            db.AddRange(authors);
            db.AddRange(books);
            db.AddRange(reviews);
            db.AddRange(tags);
            db.SaveChanges();
        }

        // Read back through a tracking context so every navigation is fixed up in memory.
        using (var db = factory.CreateDbContext())
        {
            Countries = [.. db.Countries.OrderBy(c => c.Id)];
            Publishers = [.. db.Publishers.OrderBy(p => p.Id)];
            Authors = [.. db.Authors.OrderBy(a => a.Id)];
            Books = [.. db.Books.OrderBy(b => b.Id)];
            Reviews = [.. db.Reviews.OrderBy(r => r.Id)];
            _ = db.BookTags.ToList();
        }
    }

    public static TestHost Instance => Shared.Value;

    public IServiceProvider Services { get; }

    public IReadOnlyList<Country> Countries { get; }

    public IReadOnlyList<Publisher> Publishers { get; }

    public IReadOnlyList<Author> Authors { get; }

    public IReadOnlyList<Book> Books { get; }

    public IReadOnlyList<Review> Reviews { get; }

    public void Dispose() => _keepAlive.Dispose();

    /// <summary>Runs a query in its own DI scope, as a server would per request.</summary>
    public async Task<ExecutionResult> ExecuteAsync(string query, Inputs? variables = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<TestSchema>>();
        return await executer.ExecuteAsync(new ExecutionOptions { Query = query, Variables = variables, RequestServices = scope.ServiceProvider });
    }

    /// <summary>The response as JSON, exactly as a client would receive it.</summary>
    public async Task<JsonObject> ResponseAsync(string query, Inputs? variables = null) => Json(await ExecuteAsync(query, variables));

    public JsonObject Json(ExecutionResult result) =>
        JsonNode.Parse(Services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!.AsObject();

    /// <summary>The `data` of a query that must succeed; fails with the whole response otherwise.</summary>
    public async Task<JsonObject> DataAsync(string query)
    {
        var response = await ResponseAsync(query);
        Assert.True(response["errors"] is null, $"Query failed: {response.ToJsonString()}\n{query}");
        return response["data"]!.AsObject();
    }

    /// <summary>All ids a root connection returns for <paramref name="arguments"/>, paging with `first: 100`.</summary>
    public async Task<List<int>> AllIdsAsync(string field, string arguments)
    {
        var ids = new List<int>();
        var after = "";
        for (var page = 0; page < 50; page++)
        {
            var data = await DataAsync($"{{ {field}(first: 100{after}, {arguments}) {{ nodes {{ id }} pageInfo {{ hasNextPage endCursor }} }} }}");
            var connection = data[field]!;
            ids.AddRange(Expected.Ids(connection));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                return ids;
            }

            after = $", after: \"{connection["pageInfo"]!["endCursor"]!.GetValue<string>()}\"";
        }

        throw new InvalidOperationException($"{field} did not end after 50 pages.");
    }

    /// <summary>The `data` of a query and the SQL statements it ran.</summary>
    public async Task<(JsonObject Data, IReadOnlyList<string> Commands)> DataWithCommandsAsync(string query)
    {
        var log = CommandLog.Begin();
        var data = await DataAsync(query);
        return (data, [.. log]);
    }
}
