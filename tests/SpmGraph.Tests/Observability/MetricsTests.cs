using System.Net;
using SpmGraph.Server.Observability;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Observability;

/// <summary>The Prometheus endpoint and the server's own metrics on it.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class MetricsTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Metrics_has_the_request_duration_sql_statements_and_errors_of_an_operation_after_it_ran()
    {
        await factory.ExecuteDataAsync("query MeteredRegions { regions(first: 2) { nodes { name } } }");
        await factory.ExecuteAsync("query MeteredMistake { regions(first: 1000) { totalCount } }");

        var text = await TelemetryRecorder.EventuallyAsync(
            () => Scrape() is { } body && body.Contains("graphql_operation_name=\"MeteredMistake\"", StringComparison.Ordinal) ? body : null,
            () => "MeteredMistake on /metrics: " + Diagnose(Scrape()));

        Assert.Contains(Line(text, "spmgraph_graphql_request_duration_seconds_count", "MeteredRegions"), text, StringComparison.Ordinal);
        Assert.Matches("spmgraph_graphql_request_duration_seconds_bucket\\{[^}]*graphql_operation_name=\"MeteredRegions\"[^}]*http_response_status_code=\"200\"", text);
        Assert.Matches("spmgraph_graphql_request_sql_statements_count\\{[^}]*graphql_operation_name=\"MeteredRegions\"", text);
        Assert.Matches("spmgraph_graphql_errors_total\\{[^}]*graphql_error_code=\"PAGE_SIZE_EXCEEDED\"[^}]*graphql_operation_name=\"MeteredMistake\"[^}]*\\} 1", text);
    }

    [Fact]
    public async Task Cache_hits_and_misses_are_counted_by_cache()
    {
        SpmMetrics.CacheHit("metrics-test");
        SpmMetrics.CacheHit("metrics-test");
        SpmMetrics.CacheMiss("metrics-test");

        var text = await TelemetryRecorder.EventuallyAsync(
            () => Scrape() is { } body && body.Contains("cache=\"metrics-test\"", StringComparison.Ordinal) ? body : null,
            () => "the test's cache on /metrics");

        Assert.Matches("spmgraph_cache_hits_total\\{[^}]*cache=\"metrics-test\"[^}]*\\} 2", text);
        Assert.Matches("spmgraph_cache_misses_total\\{[^}]*cache=\"metrics-test\"[^}]*\\} 1", text);
    }

    /// <summary>GET /metrics (its answer is cached briefly, so callers retry until what they look for shows).</summary>
    private string? Scrape()
    {
        using var client = factory.CreateClient();
        using var response = client.GetAsync(new Uri("/metrics", UriKind.Relative)).GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
    }

    private static string Diagnose(string? text)
    {
        var lines = (text ?? "").Split('\n');
        return $"{text?.Length} chars, {lines.Length} lines; overflow: {text?.Contains("overflow", StringComparison.Ordinal)}; "
            + string.Join(" | ", lines.Where(l => l.StartsWith("spmgraph_graphql_errors_total", StringComparison.Ordinal) || l.StartsWith("spmgraph_graphql_request_duration_seconds_count", StringComparison.Ordinal)).Take(40))
            + " ... " + (text is { Length: > 300 } ? text[^300..] : text);
    }

    private static string Line(string text, string metric, string operation) =>
        text.Split('\n').FirstOrDefault(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && l.Contains($"graphql_operation_name=\"{operation}\"", StringComparison.Ordinal))
        ?? $"(no {metric} line for {operation})";
}
