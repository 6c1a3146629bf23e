using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Observability;

/// <summary>
/// POSTs a GraphQL request in a trace of its own (a W3C `traceparent` the server continues), so a test finds its spans
/// and log lines among those of other hosts in the process.
/// </summary>
internal static class TracedRequest
{
    public static async Task<(ActivityTraceId Trace, HttpStatusCode Status, JsonObject Body)> PostAsync(SpmGraphFactory factory, object body)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (trace, response.StatusCode, json);
    }

    /// <summary>The GraphQL span of <paramref name="trace"/>, once it has ended.</summary>
    public static Task<Activity> GraphQLSpanAsync(SpmGraphFactory factory, ActivityTraceId trace) =>
        TelemetryRecorder.EventuallyAsync(
            () => factory.Telemetry.SpansOf(trace).SingleOrDefault(s => s.Source.Name == Server.Observability.SpmTelemetry.Name),
            () => "the GraphQL span; spans of the trace: " + string.Join("; ", factory.Telemetry.SpansOf(trace).Select(s => $"{s.Source.Name}:{s.DisplayName}")));
}
