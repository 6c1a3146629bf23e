using System.Net;
using Microsoft.Extensions.Logging;
using SpmGraph.Server.Observability;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Observability;

/// <summary>Exactly one Information line per GraphQL request, without the document's text or its variables.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class RequestLogTests(SpmGraphFactory factory)
{
    private static readonly string Category = typeof(GraphQLTelemetry).FullName!;

    [Fact]
    public async Task A_request_logs_one_line_with_its_operation_status_duration_and_sql_but_not_its_text_or_variables()
    {
        using var recording = factory.Telemetry.Record();
        var (trace, status, _) = await TracedRequest.PostAsync(factory, new
        {
            query = "query LoggedRegion($code: String!) { privateLookupMarker: region(code: $code) { name } }",
            variables = new { code = "98.76" },
        });

        var line = await LineAsync("LoggedRegion");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("query", line.Values["OperationType"]);
        Assert.Equal(200, line.Values["StatusCode"]);
        Assert.Equal(1, line.Values["SqlStatements"]);
        Assert.Equal("none", line.Values["ErrorCodes"]);
        Assert.True((double)line.Values["ElapsedMilliseconds"]! > 0);
        Assert.StartsWith("GraphQL query LoggedRegion answered 200 in ", line.Message, StringComparison.Ordinal);
        Assert.Single(factory.Telemetry.Logs, l => l.Category == Category && l.Message.Contains("LoggedRegion", StringComparison.Ordinal));

        // Nothing logged at Information or above, by any category, holds the document or the variables.
        Assert.DoesNotContain(factory.Telemetry.Logs, l => l.Level >= LogLevel.Information
            && (l.Message.Contains("privateLookupMarker", StringComparison.Ordinal) || l.Message.Contains("98.76", StringComparison.Ordinal)
                || l.Values.Values.Any(v => v?.ToString() is { } text && (text.Contains("privateLookupMarker", StringComparison.Ordinal) || text.Contains("98.76", StringComparison.Ordinal)))));
        Assert.NotEqual(default, trace);
    }

    [Fact]
    public async Task Errors_are_logged_by_code_including_requests_refused_before_execution()
    {
        using var recording = factory.Telemetry.Record();
        await TracedRequest.PostAsync(factory, new { query = "query LoggedMistake { regions(first: 1) { nodes { noSuchField } } }", operationName = "LoggedMistake" });
        var (_, status, _) = await TracedRequest.PostAsync(factory, new { query = "query LoggedRefusal { __typename }", operationName = 7 });

        var mistake = await LineAsync("LoggedMistake");
        var refusal = await TelemetryRecorder.EventuallyAsync(
            () => factory.Telemetry.Logs.FirstOrDefault(l => l.Category == Category && (string?)l.Values["ErrorCodes"] == "BAD_REQUEST"),
            () => "the refused request's line");

        Assert.Equal("FIELDS_ON_CORRECT_TYPE", mistake.Values["ErrorCodes"]);
        Assert.Equal(0, mistake.Values["SqlStatements"]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, refusal.Values["StatusCode"]);
    }

    [Fact]
    public async Task The_ide_and_the_sdl_are_not_graphql_requests_and_log_nothing()
    {
        using var recording = factory.Telemetry.Record();
        using var client = factory.CreateClient();
        using var sdl = await client.GetAsync(new Uri("/graphql?sdl", UriKind.Relative));
        await factory.ExecuteDataAsync("query AfterTheSdl { __typename }");

        await LineAsync("AfterTheSdl");

        Assert.Equal(HttpStatusCode.OK, sdl.StatusCode);
        Assert.Single(factory.Telemetry.Logs, l => l.Category == Category);
    }

    [Fact]
    public async Task An_export_logs_its_line_as_a_graphql_request_does()
    {
        using var recording = factory.Telemetry.Record();
        using var client = factory.CreateClient();
        var query = Uri.EscapeDataString("query ExportedRegions { regions(first: 2) { nodes { code } } }");

        using var response = await client.GetAsync(new Uri($"/export?format=csv&query={query}", UriKind.Relative));
        var line = await LineAsync("ExportedRegions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, line.Values["StatusCode"]);
        Assert.Equal("none", line.Values["ErrorCodes"]);
        Assert.Equal(1, line.Values["SqlStatements"]);
    }

    private Task<TelemetryRecorder.LogLine> LineAsync(string operation) =>
        TelemetryRecorder.EventuallyAsync(
            () => factory.Telemetry.Logs.FirstOrDefault(l => l.Category == Category && (string?)l.Values["OperationName"] == operation),
            () => $"the line of {operation}; lines: {string.Join(" | ", factory.Telemetry.Logs.Where(l => l.Category == Category).Select(l => l.Message))}");
}
