using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Server.Observability;
using SpmGraph.Server.PersistedDocuments;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Observability;

/// <summary>One span per GraphQL request, named by its operation, under the HTTP span and over its SQL spans.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class TracingTests(SpmGraphFactory factory)
{
    /// <summary>The sources of SQL spans: EF Core's instrumentation (SQLite), Npgsql's own (PostgreSQL).</summary>
    private static readonly string[] SqlSources = ["OpenTelemetry.Instrumentation.EntityFrameworkCore", "Npgsql"];

    [Fact]
    public async Task A_request_has_a_span_named_by_its_operation_with_its_sql_spans_as_children()
    {
        using var recording = factory.Telemetry.Record();
        var (trace, status, _) = await TracedRequest.PostAsync(factory, new { query = "query TracedRegions { regions(first: 3, where: { name: { startsWith: \"Kota\" } }) { nodes { name parent { name } } } }" });

        var span = await TracedRequest.GraphQLSpanAsync(factory, trace);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("graphql TracedRegions", span.DisplayName);
        Assert.Equal("TracedRegions", span.GetTagItem(GraphQLTelemetry.OperationNameTag));
        Assert.Equal("query", span.GetTagItem(GraphQLTelemetry.OperationTypeTag));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        // The page of regions (a pattern: by SQL), and the data version their parents in memory are read at: each a child of the GraphQL span. (EF Core's
        // instrumentation makes one span per tracing host in the process, nested: the suite runs two hosts at once.)
        var spans = factory.Telemetry.SpansOf(trace);
        var sql = spans.Where(s => SqlSources.Contains(s.Source.Name)).ToList();
        var children = sql.Where(s => s.ParentSpanId == span.SpanId).ToList();
        Assert.True(children.Count >= 2, $"{children.Count} SQL spans under the GraphQL span {span.SpanId}; trace: {Describe(spans)}");
        Assert.True(sql.All(s => s.ParentSpanId == span.SpanId || children.Any(c => c.SpanId == s.ParentSpanId)), $"GraphQL span {span.SpanId}; trace: {Describe(spans)}");
        Assert.Equal(children.Count, span.GetTagItem(GraphQLTelemetry.SqlStatementsTag));

        // The GraphQL span sits under ASP.NET Core's HTTP span.
        var http = Assert.Single(spans, s => s.SpanId == span.ParentSpanId);
        Assert.Equal(ActivityKind.Server, http.Kind);
        Assert.True(span.StartTimeUtc >= http.StartTimeUtc && span.Duration <= http.Duration, "The GraphQL span lies within the HTTP span.");
    }

    private static string Describe(IEnumerable<Activity> spans) =>
        string.Join("\n", spans.Select(s => $"{s.Source.Name} '{s.DisplayName}' {s.SpanId} <- {s.ParentSpanId} at {s.StartTimeUtc:HH:mm:ss.ffffff} for {s.Duration.TotalMilliseconds} ms: {s.GetTagItem("db.query.text") ?? s.GetTagItem("db.statement")}"));

    [Fact]
    public async Task An_anonymous_operation_is_named_by_its_type_and_errors_mark_the_span()
    {
        using var recording = factory.Telemetry.Record();
        var (trace, _, _) = await TracedRequest.PostAsync(factory, new { query = "{ regions(first: 1000) { totalCount } }" });

        var span = await TracedRequest.GraphQLSpanAsync(factory, trace);

        Assert.Equal("graphql query", span.DisplayName);
        Assert.Null(span.GetTagItem(GraphQLTelemetry.OperationNameTag));
        Assert.Equal("query", span.GetTagItem(GraphQLTelemetry.OperationTypeTag));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(["PAGE_SIZE_EXCEEDED"], Assert.IsType<string[]>(span.GetTagItem(GraphQLTelemetry.ErrorCodesTag)));
    }

    [Fact]
    public async Task A_document_that_fails_validation_is_named_by_the_requests_operation_name()
    {
        using var recording = factory.Telemetry.Record();
        var (trace, _, _) = await TracedRequest.PostAsync(factory, new { query = "query InvalidRegions { regions(first: 1) { nodes { noSuchField } } }", operationName = "InvalidRegions" });

        var span = await TracedRequest.GraphQLSpanAsync(factory, trace);

        Assert.Equal("graphql InvalidRegions", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], Assert.IsType<string[]>(span.GetTagItem(GraphQLTelemetry.ErrorCodesTag)));
        Assert.DoesNotContain(factory.Telemetry.SpansOf(trace), s => s.ParentSpanId == span.SpanId);
    }

    [Fact]
    public async Task A_request_refused_before_execution_has_its_span_too()
    {
        using var recording = factory.Telemetry.Record();
        var (trace, status, _) = await TracedRequest.PostAsync(factory, new { query = 42 });

        var span = await TracedRequest.GraphQLSpanAsync(factory, trace);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("graphql", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(["BAD_REQUEST"], Assert.IsType<string[]>(span.GetTagItem(GraphQLTelemetry.ErrorCodesTag)));
    }

    [Fact]
    public async Task A_persisted_document_gives_its_id_and_no_tag_holds_the_document_or_its_variables()
    {
        var store = factory.Services.GetRequiredService<PersistedDocumentStore>();
        var text = Directory.GetFiles(store.Folder, "*.graphql").Select(File.ReadAllText).First(t => t.StartsWith("query RegionCard(", StringComparison.Ordinal));
        var id = PersistedDocumentIds.ForDocument(text);
        using var recording = factory.Telemetry.Record();

        var (trace, status, body) = await TracedRequest.PostAsync(factory, new { documentId = id, variables = new { code = "19.71" } });

        var span = await TracedRequest.GraphQLSpanAsync(factory, trace);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["errors"]);
        Assert.Equal("graphql RegionCard", span.DisplayName);
        Assert.Equal(id, span.GetTagItem(GraphQLTelemetry.DocumentIdTag));
        Assert.DoesNotContain(span.TagObjects, t => t.Value is string value && (value.Contains("region(", StringComparison.Ordinal) || value == "19.71"));
    }
}
