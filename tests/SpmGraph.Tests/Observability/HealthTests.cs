using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Server.Database;
using SpmGraph.Server.Observability;
using SpmGraph.Server.Security;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Observability;

/// <summary>`/health/live` and `/health/ready` (load balancer probes), on the suite's provider.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class HealthTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Live_answers_200_and_checks_nothing()
    {
        var (status, body) = await GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Empty(body["checks"]!.AsObject());
    }

    [Fact]
    public async Task Ready_answers_200_when_the_database_answers_and_every_migration_is_applied()
    {
        var (status, body) = await GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        var database = body["checks"]![DatabaseHealthCheck.Name]!;
        Assert.Equal("Healthy", (string?)database["status"]);
        Assert.Empty(database["pendingMigrations"]!.AsArray());
    }

    [Fact]
    public async Task Ready_answers_503_naming_the_failing_check_while_live_stays_200()
    {
        factory.NotReady = true;
        try
        {
            var (status, body) = await GetAsync("/health/ready");
            var (liveStatus, _) = await GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", (string?)body["status"]);
            Assert.Equal("Unhealthy", (string?)body["checks"]!["tests"]!["status"]);
            Assert.Equal("Healthy", (string?)body["checks"]![DatabaseHealthCheck.Name]!["status"]);
            Assert.Equal(HttpStatusCode.OK, liveStatus);
        }
        finally
        {
            factory.NotReady = false;
        }
    }

    [Fact]
    public async Task Probes_and_scrapes_are_not_rate_limited()
    {
        var key = await factory.Services.GetRequiredService<ApiKeyStore>()
            .CreateAsync($"probe-quota-{Guid.NewGuid():N}", AccessRole.National, null, requestsPerMinute: 1, CancellationToken.None);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/health/live", "/health/ready", "/metrics", "/health/live", "/health/ready", "/metrics" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        // The key's one request a minute is still there for the API, and then used up.
        using var first = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
        using var second = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task The_database_check_is_unhealthy_on_a_database_without_the_migrations()
    {
        await using var empty = await EmptyDatabase.CreateAsync(factory);

        var result = await new DatabaseHealthCheck(empty).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        var pending = Assert.IsType<List<string>>(result.Data["pendingMigrations"]);
        await using var db = empty.CreateDbContext();
        Assert.Equal(db.Database.GetMigrations(), pending);
    }

    [Fact]
    public async Task The_database_check_is_unhealthy_when_the_database_does_not_answer()
    {
        var missing = factory.Provider == DatabaseProvider.Postgres
            ? new EmptyDatabase(Postgres(factory.ConnectionString.Replace("Database=spmgraph", "Database=missing_" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal)), null)
            : new EmptyDatabase(Sqlite($"Data Source={Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N"), "spmgraph.db")};Mode=ReadWrite"), null);

        var result = await new DatabaseHealthCheck(missing).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The database does not answer.", result.Description);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static Func<SpmDbContext> Sqlite(string connectionString) =>
        () => new SqliteSpmDbContext(new DbContextOptionsBuilder<SqliteSpmDbContext>().UseSqlite(connectionString).Options);

    private static Func<SpmDbContext> Postgres(string connectionString) =>
        () => new PostgresSpmDbContext(new DbContextOptionsBuilder<PostgresSpmDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>A database on the suite's provider that exists but has no tables (or, made directly, any database); dropped after.</summary>
    private sealed class EmptyDatabase(Func<SpmDbContext> create, Func<Task>? drop) : IDbContextFactory<SpmDbContext>, IAsyncDisposable
    {
        public static async Task<EmptyDatabase> CreateAsync(SpmGraphFactory factory)
        {
            var name = "empty_" + Guid.NewGuid().ToString("N");
            if (factory.Provider == DatabaseProvider.Postgres)
            {
                await AdminAsync(factory.ConnectionString, $"CREATE DATABASE {name}");
                var connectionString = factory.ConnectionString.Replace("Database=spmgraph", "Database=" + name, StringComparison.Ordinal);
                return new EmptyDatabase(Postgres(connectionString), async () =>
                {
                    using (var connection = new Npgsql.NpgsqlConnection(connectionString))
                    {
                        Npgsql.NpgsqlConnection.ClearPool(connection);
                    }

                    await AdminAsync(factory.ConnectionString, $"DROP DATABASE IF EXISTS {name}");
                });
            }

            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
            {
                await connection.OpenAsync();
            }

            return new EmptyDatabase(Sqlite($"Data Source={file};Pooling=false"), () =>
            {
                File.Delete(file);
                return Task.CompletedTask;
            });
        }

        public SpmDbContext CreateDbContext() => create();

        public async ValueTask DisposeAsync()
        {
            if (drop is not null)
            {
                await drop();
            }
        }

        private static async Task AdminAsync(string connectionString, string sql)
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
