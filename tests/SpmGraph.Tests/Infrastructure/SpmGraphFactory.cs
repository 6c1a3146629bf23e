using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using SpmGraph.Server.Database;
using SpmGraph.Server.Observability;

namespace SpmGraph.Tests.Infrastructure;

/// <summary>
/// The one test host: the real server on Kestrel (a free loopback port, so external clients such
/// as the graphql-http audit can reach it) over its own throwaway database, seeded once: a SQLite
/// file, or a database in a throwaway PostgreSQL cluster when the assembly runs the suite on
/// PostgreSQL (<see cref="TestProvider"/>).
/// </summary>
public sealed class SpmGraphFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spmgraph-tests-" + Guid.NewGuid().ToString("N"));
    private readonly PostgresCluster? _cluster;
    private readonly IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    public SpmGraphFactory()
        : this(TestProvider.Current)
    {
    }

    /// <summary>A host on a given provider, e.g. the SQLite reference the provider parity tests compare with.</summary>
    internal SpmGraphFactory(DatabaseProvider provider, bool answerCache = false)
    {
        Provider = provider;
        AnswerCacheEnabled = answerCache;
        Directory.CreateDirectory(_folder);
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                _cluster = PostgresCluster.Start();
                ConnectionString = _cluster.ConnectionString("spmgraph");
            }
            else
            {
                ConnectionString = $"Data Source={DatabaseFile}";
            }

            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            StartServer();
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor threw.
            _cluster?.Dispose();
            DeleteFolder();
            throw;
        }
    }

    /// <summary>Another instance of the server on <paramref name="sameDatabaseAs"/>'s database, as behind a load balancer, with <paramref name="settings"/> of its own.</summary>
    internal SpmGraphFactory(SpmGraphFactory sameDatabaseAs, bool answerCache, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(sameDatabaseAs);
        Provider = sameDatabaseAs.Provider;
        ConnectionString = sameDatabaseAs.ConnectionString;
        AnswerCacheEnabled = answerCache;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Whether the host keeps query answers: off for the shared host, so every request runs.</summary>
    public bool AnswerCacheEnabled { get; private init; }

    public string ConnectionString { get; }

    public string DatabaseFile => Path.Combine(_folder, "spmgraph.db");

    /// <summary>Every SQL command the server runs; tests in the collection run one at a time.</summary>
    public SqlCommandCounter Sql { get; } = new();

    /// <summary>The server's spans and log lines while a test records them (tests in the collection run one at a time).</summary>
    public TelemetryRecorder Telemetry { get; } = new();

    /// <summary>While true, a readiness check of the tests' own fails: `/health/ready` answers 503.</summary>
    public bool NotReady { get; set; }

    /// <summary>The base address of the live server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseServiceCollectionExtensions.ProviderKey, Provider.ToString());
        builder.UseSetting("ConnectionStrings:Spm", ConnectionString);

        // The suite makes thousands of anonymous requests from one address; the rate-limit test uses a key with its own quota.
        builder.UseSetting("RateLimiting:AnonymousPermitLimit", "1000000");
        builder.UseSetting("RateLimiting:UserPermitLimit", "1000000");

        // The shared host runs every request, so statement counts do not depend on what ran before.
        builder.UseSetting("GraphQL:AnswerCache:Enabled", AnswerCacheEnabled ? "true" : "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(Sql);
            services.AddHealthChecks().AddCheck(
                "tests",
                () => NotReady ? HealthCheckResult.Unhealthy("Turned off by a test.") : HealthCheckResult.Healthy(),
                tags: [HealthEndpoints.ReadyTag]);

            // Tracing runs as it does with an OTLP endpoint, into the recorder.
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Telemetry.SpanSink));
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Telemetry));
    }

    /// <summary>POSTs a GraphQL request and returns the parsed JSON response body.</summary>
    public Task<JsonObject> ExecuteAsync(string query, object? variables = null) => ExecuteAsAsync(null, query, variables);

    /// <summary>POSTs a GraphQL request with credentials: a bearer token, or an API key ("key:..."), or none.</summary>
    public async Task<JsonObject> ExecuteAsAsync(string? credential, string query, object? variables = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (credential?.StartsWith("key:", StringComparison.Ordinal) == true)
        {
            request.Headers.Add("X-Api-Key", credential[4..]);
        }
        else if (credential is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", credential);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Not JSON ({(int)response.StatusCode}): {text}");
    }

    /// <summary>A bearer token for a role, signed with the server's key.</summary>
    public string TokenFor(SpmGraph.Domain.Model.AccessRole role, string? region = null) =>
        Services.GetRequiredService<SpmGraph.Server.Security.TokenIssuer>().Create(role, region, $"test-{role}-{region}".ToLowerInvariant());

    /// <summary>Like <see cref="ExecuteAsync"/> but fails the test when the response has errors.</summary>
    public Task<JsonObject> ExecuteDataAsync(string query, object? variables = null) => ExecuteDataAsAsync(null, query, variables);

    /// <summary>Like <see cref="ExecuteAsAsync"/> but fails the test when the response has errors.</summary>
    public async Task<JsonObject> ExecuteDataAsAsync(string? credential, string query, object? variables = null)
    {
        var body = await ExecuteAsAsync(credential, query, variables);
        if (body["errors"] is JsonArray errors && errors.Count > 0)
        {
            throw new InvalidOperationException("GraphQL errors: " + errors.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        return body["data"]!.AsObject();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_cluster is not null)
            {
                using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
                Npgsql.NpgsqlConnection.ClearPool(connection);
                _cluster.Dispose();
            }

            DeleteFolder();
        }
    }

    private void DeleteFolder()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleaning.
        }
    }
}

/// <summary>Integration tests join this collection to share one <see cref="SpmGraphFactory"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ServerFixtureGroup : ICollectionFixture<SpmGraphFactory>
{
    public const string Name = "server";
}
