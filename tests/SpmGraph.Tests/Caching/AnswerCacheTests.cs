using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SpmGraph.Domain.Model;
using SpmGraph.Server.Observability;
using SpmGraph.Server.PersistedDocuments;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Caching;

/// <summary>Two server instances on one database, both keeping answers, as behind a load balancer.</summary>
public sealed class CachedInstancePair : IDisposable
{
    public CachedInstancePair()
    {
        First = new SpmGraphFactory(TestProvider.Current, answerCache: true);
        Second = new SpmGraphFactory(First, answerCache: true);
    }

    public SpmGraphFactory First { get; }

    public SpmGraphFactory Second { get; }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
    }
}

/// <summary>
/// Its two hosts run alone (after the parallel collections): every host's EF Core instrumentation also traces the
/// other hosts' commands, which would nest extra spans into the tracing tests' requests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CachedInstancesGroup
{
    public const string Name = "cached instances";
}

/// <summary>
/// The answer cache and HTTP caching: answers are reused until the next committed write on any instance, never across
/// caller scopes, and an ETag is never confirmed (304) for an answer that changed. Writes go to 2031, a year the seed lacks.
/// </summary>
[Collection(CachedInstancesGroup.Name)]
public sealed class AnswerCacheTests(CachedInstancePair hosts) : IClassFixture<CachedInstancePair>
{
    private const int Year = 2031;

    private const string ServedQuery = """
        query($region: String!, $year: Int!) {
          achievementStats(where: { region: { code: { eq: $region } }, year: { eq: $year }, quarter: { eq: 1 } }) { nodes { count served } }
        }
        """;

    [Fact]
    public async Task A_write_through_one_instance_is_seen_by_the_next_read_through_the_other()
    {
        await hosts.First.PeriodsAsync(Year);
        var national = hosts.Second.TokenFor(AccessRole.National);
        var variables = new { region = "19.71", year = Year };
        Assert.Equal("""[{"count":0,"served":0}]""", await ServedAsync(hosts.Second, national, variables));

        // Asked again, the second instance answers from its cache: the data version is all it reads.
        hosts.Second.Sql.Reset();
        Assert.Equal("""[{"count":0,"served":0}]""", await ServedAsync(hosts.Second, national, variables));
        Assert.Contains("\"DataVersions\"", Assert.Single(hosts.Second.Sql.Commands), StringComparison.Ordinal);

        Writes.AssertSucceeded(await hosts.First.RecordAsync(Writes.Row("19.71", Year, 1, served: 300)));
        Assert.Equal("""[{"count":1,"served":300}]""", await ServedAsync(hosts.Second, national, variables));

        Writes.AssertSucceeded(await hosts.First.RecordAsync(Writes.Row("19.71", Year, 1, served: 450)));
        Assert.Equal("""[{"count":1,"served":450}]""", await ServedAsync(hosts.Second, national, variables));
    }

    [Fact]
    public async Task Callers_of_different_scopes_never_share_an_answer()
    {
        await hosts.First.PeriodsAsync(Year);
        Writes.AssertSucceeded(await hosts.First.RecordAsync(Writes.Row("19.04", Year, 1, served: 210)));
        var variables = new { region = "19.04", year = Year };

        // The draft is the region's and its province's to see, not the public's, whichever asks first.
        Assert.Equal("""[{"count":0,"served":0}]""", await ServedAsync(hosts.First, null, variables));
        Assert.Equal("""[{"count":1,"served":210}]""", await ServedAsync(hosts.First, hosts.First.TokenFor(AccessRole.Province, "19"), variables));
        Assert.Equal("""[{"count":0,"served":0}]""", await ServedAsync(hosts.First, hosts.First.TokenFor(AccessRole.Province, "33"), variables));
        Assert.Equal("""[{"count":0,"served":0}]""", await ServedAsync(hosts.First, null, variables));
    }

    [Fact]
    public async Task A_304_is_never_sent_for_an_answer_that_changed()
    {
        await hosts.First.PeriodsAsync(Year);
        var token = hosts.First.TokenFor(AccessRole.National);
        var (status, etag, body) = await GetAchievementsAsync(hosts.First, token, "19.05", ifNoneMatch: null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"totalCount\":0", body, StringComparison.Ordinal);

        // Unchanged: both instances confirm the tag (it is a hash of the answer, the same everywhere).
        Assert.Equal(HttpStatusCode.NotModified, (await GetAchievementsAsync(hosts.First, token, "19.05", etag)).Status);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAchievementsAsync(hosts.Second, hosts.Second.TokenFor(AccessRole.National), "19.05", etag)).Status);

        Writes.AssertSucceeded(await hosts.Second.RecordAsync(Writes.Row("19.05", Year, 1, served: 120)));
        foreach (var host in new[] { hosts.First, hosts.Second })
        {
            var changed = await GetAchievementsAsync(host, host.TokenFor(AccessRole.National), "19.05", etag);
            Assert.Equal(HttpStatusCode.OK, changed.Status);
            Assert.NotEqual(etag, changed.ETag);
            Assert.Contains("\"served\":120", changed.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotModified, (await GetAchievementsAsync(host, host.TokenFor(AccessRole.National), "19.05", changed.ETag)).Status);
        }
    }

    [Fact]
    public async Task Signed_in_answers_are_private_and_public_ones_must_be_revalidated()
    {
        using var client = hosts.First.CreateClient();
        using var anonymous = await client.GetAsync(AchievementsUri("19.01"));
        Assert.True(anonymous.Headers.CacheControl is { Public: true, NoCache: true, Private: false }, anonymous.Headers.CacheControl?.ToString());
        Assert.Contains("Authorization", anonymous.Headers.Vary);

        using var request = new HttpRequestMessage(HttpMethod.Get, AchievementsUri("19.01"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", hosts.First.TokenFor(AccessRole.Province, "19"));
        using var signedIn = await client.SendAsync(request);
        Assert.True(signedIn.Headers.CacheControl is { Private: true, NoCache: true, Public: false }, signedIn.Headers.CacheControl?.ToString());
        Assert.NotNull(signedIn.Headers.ETag);
    }

    [Fact]
    public async Task Answers_with_errors_and_mutations_carry_no_tag_and_are_not_stored()
    {
        using var client = hosts.First.CreateClient();
        using var failing = await client.PostAsync(new Uri("/graphql", UriKind.Relative), Json("""{"query":"{ achievementStats(scheme: \"NO_SUCH\") { nodes { spmIndex } } }"}"""));
        Assert.Null(failing.Headers.ETag);
        Assert.True(failing.Headers.CacheControl?.NoStore, failing.Headers.CacheControl?.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = Json("""{"query":"mutation { upsertReportingPeriod(input: { year: 2032, quarter: 1, opensAt: \"2032-04-01T00:00:00Z\", closesAt: \"2032-04-20T00:00:00Z\" }) { reportingPeriod { year } } }"}"""),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", hosts.First.TokenFor(AccessRole.National));
        using var mutation = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, mutation.StatusCode);
        Assert.Null(mutation.Headers.ETag);
        Assert.True(mutation.Headers.CacheControl?.NoStore, mutation.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_miss_then_a_hit_are_counted_as_the_answer_cache_s()
    {
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name is SpmMetrics.CacheHitsName or SpmMetrics.CacheMissesName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == SpmMetrics.CacheTag && (string?)tag.Value == "answers")
                {
                    counts.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
                }
            }
        });
        listener.Start();
        var variables = new { region = "13.71", year = Year };

        await ServedAsync(hosts.First, null, variables);
        var afterMiss = (counts.GetValueOrDefault(SpmMetrics.CacheMissesName), counts.GetValueOrDefault(SpmMetrics.CacheHitsName));
        await ServedAsync(hosts.First, null, variables);
        var afterHit = (counts.GetValueOrDefault(SpmMetrics.CacheMissesName), counts.GetValueOrDefault(SpmMetrics.CacheHitsName));

        Assert.Equal((1L, 0L), afterMiss);
        Assert.Equal((1L, 1L), afterHit);
    }

    [Fact]
    public async Task A_known_mutation_runs_without_reading_the_data_version_first()
    {
        const string Mutation = """{"query":"mutation Period { upsertReportingPeriod(input: { year: 2033, quarter: 1, opensAt: \"2033-04-01T00:00:00Z\", closesAt: \"2033-04-20T00:00:00Z\" }) { reportingPeriod { year } } }"}""";
        using var client = hosts.First.CreateClient();
        async Task<HttpStatusCode> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = Json(Mutation) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", hosts.First.TokenFor(AccessRole.National));
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await SendAsync());
        hosts.First.Sql.Reset();
        Assert.Equal(HttpStatusCode.OK, await SendAsync());

        // The write and its bump, and no read of the version before them.
        Assert.Contains(hosts.First.Sql.Commands, c => c.Contains("\"ReportingPeriods\"", StringComparison.Ordinal));
        Assert.DoesNotContain(hosts.First.Sql.Commands, c => c.Contains("\"DataVersions\"", StringComparison.Ordinal) && c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<string> ServedAsync(SpmGraphFactory host, string? credential, object variables)
    {
        var data = await host.ExecuteDataAsAsync(credential, ServedQuery, variables);
        return data["achievementStats"]!["nodes"]!.ToJsonString();
    }

    private static async Task<(HttpStatusCode Status, string? ETag, string Body)> GetAchievementsAsync(SpmGraphFactory host, string token, string region, string? ifNoneMatch)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, AchievementsUri(region));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Assert.Equal("", body);
            Assert.Equal(ifNoneMatch, response.Headers.ETag?.ToString());
        }

        return (response.StatusCode, response.Headers.ETag?.ToString(), body);
    }

    private static Uri AchievementsUri(string region)
    {
        var id = PersistedDocumentIds.ForDocument(ContractOperations.Registered("Achievements"));
        var variables = new JsonObject { ["region"] = region, ["year"] = Year }.ToJsonString();
        return new Uri($"/graphql?documentId={Uri.EscapeDataString(id)}&variables={Uri.EscapeDataString(variables)}", UriKind.Relative);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
