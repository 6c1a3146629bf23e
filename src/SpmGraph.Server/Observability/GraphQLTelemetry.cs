using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQLParser.AST;
using SpmGraph.Server.Caching;
using SpmGraph.Server.Http;

namespace SpmGraph.Server.Observability;

/// <summary>
/// The telemetry of each GraphQL request (<see cref="IGraphQLRequestObserver"/>): a span named after its operation
/// ("graphql ProvinceRollup"; an anonymous one is "graphql query") under the HTTP span, with the request's SQL spans
/// as its children; the duration, SQL command and error metrics (<see cref="SpmMetrics"/>); and exactly one log line at
/// Information with the operation, HTTP status, duration, SQL command count and error codes. Neither the document's
/// text nor its variables are ever recorded: they may hold personal data.
/// </summary>
internal sealed partial class GraphQLTelemetry : IGraphQLRequestObserver
{
    public const string OperationNameTag = "graphql.operation.name";

    public const string OperationTypeTag = "graphql.operation.type";

    /// <summary>The persisted document's id (`documentId`, or `sha256:` and the Apollo hash), when the request sent one.</summary>
    public const string DocumentIdTag = "graphql.document.id";

    public const string ErrorCodeTag = "graphql.error.code";

    /// <summary>On the span: the distinct `extensions.code` values of the answer's errors.</summary>
    public const string ErrorCodesTag = "graphql.error.codes";

    /// <summary>On the span: the SQL commands the request ran.</summary>
    public const string SqlStatementsTag = "spmgraph.sql.statements";

    /// <summary>The status logged for a request whose client went away before the answer (nginx's convention).</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>Names and ids longer than this are cut: they end up in tags and log lines.</summary>
    private const int MaxTagLength = 100;

    private readonly ILogger<GraphQLTelemetry> _logger;

    public GraphQLTelemetry(ILogger<GraphQLTelemetry> logger)
    {
        _logger = logger;
    }

    public async Task ObserveAsync(HttpContext context, RequestDelegate endpoint)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endpoint);
        var observation = new Observation(context);
        context.Features.Set<IGraphQLRequestObservation>(observation);
        try
        {
            await endpoint(context);
        }
        finally
        {
            context.Features.Set<IGraphQLRequestObservation>(null);
            observation.End(this);
        }
    }

    [LoggerMessage(EventId = 1, EventName = "GraphQLRequest", Level = LogLevel.Information,
        Message = "GraphQL {OperationType} {OperationName} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms, {SqlStatements} SQL commands, errors: {ErrorCodes}, document: {DocumentId}")]
    private partial void LogRequest(string operationType, string operationName, int statusCode, double elapsedMilliseconds, int sqlStatements, string errorCodes, string documentId);

    private static string? Bounded(string? text) => text is { Length: > MaxTagLength } ? text[..MaxTagLength] : text;

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]*$")]
    private static partial Regex GraphQLName();

    /// <summary>What one request told the observer, then its span, metrics and log line.</summary>
    private sealed class Observation(HttpContext context) : IGraphQLRequestObservation
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
        private Activity? _activity;
        private SqlStatementCounter.Count? _sql;
        private bool _reported;
        private string? _operationName;
        private string? _operationType;
        private string? _documentId;
        private List<string> _errorCodes = [];

        public void Read(GraphQLHttpRequest request)
        {
            _reported = true;
            _operationName = request.OperationName is { } name && GraphQLName().IsMatch(name) ? Bounded(name) : null;
            _documentId = Bounded(request.DocumentId ?? ApolloDocumentId(request.Extensions));

            // Started here, in the endpoint's async flow, so the SQL spans of the execution become its children; it
            // begins when the request arrived.
            _activity = StartActivity();
            _sql = SqlStatementCounter.Start();
        }

        public void Answered(ExecutionResult result)
        {
            ArgumentNullException.ThrowIfNull(result);
            _reported = true;
            if ((result.Operation ?? SelectedOperation(result.Document, _operationName)) is { } operation)
            {
                _operationType = TypeName(operation.Operation);
                _operationName = Bounded(operation.Name?.StringValue);
            }

            _errorCodes = result.Errors is { Count: > 0 } errors ? [.. errors.Select(e => e.Code ?? "UNKNOWN")] : [];
        }

        public void AnsweredFromCache(GraphQLAnswer answer)
        {
            ArgumentNullException.ThrowIfNull(answer);
            _reported = true;
            _operationType = TypeName(GraphQLParser.AST.OperationType.Query);
            _operationName = Bounded(answer.OperationName);
            _errorCodes = [];
        }

        public void Refused(IEnumerable<JsonObject> errors)
        {
            // What ErrorAnswers writes replaces whatever was about to be answered.
            _reported = true;
            _errorCodes = [.. errors.Select(e => e["extensions"]?["code"]?.GetValue<string>() ?? "UNKNOWN")];
        }

        public void End(GraphQLTelemetry telemetry)
        {
            if (!_reported)
            {
                // Not a GraphQL request: the IDE, the SDL, or a client gone before it sent one.
                _activity?.Stop();
                return;
            }

            var elapsed = Stopwatch.GetElapsedTime(_started);
            var status = context.RequestAborted.IsCancellationRequested ? ClientClosedRequest : context.Response.StatusCode;
            var sql = _sql?.Value ?? 0;
            var codes = _errorCodes.Distinct(StringComparer.Ordinal).ToList();

            var activity = _activity ?? StartActivity();
            if (activity is not null)
            {
                activity.DisplayName = SpanName();
                activity.SetTag(OperationNameTag, _operationName);
                activity.SetTag(OperationTypeTag, _operationType);
                activity.SetTag(DocumentIdTag, _documentId);
                activity.SetTag(SqlStatementsTag, sql);
                if (codes.Count > 0)
                {
                    activity.SetTag(ErrorCodesTag, codes.ToArray());
                    activity.SetTag("error.type", codes[0]);
                    activity.SetStatus(ActivityStatusCode.Error, string.Join(", ", codes));
                }
                else if (status >= StatusCodes.Status500InternalServerError || status == ClientClosedRequest)
                {
                    activity.SetStatus(ActivityStatusCode.Error, status == ClientClosedRequest ? "The client closed the request." : null);
                }
            }

            SpmMetrics.RecordRequest(_operationName, _operationType, status, elapsed, sql, _errorCodes);

            // The line is written inside the span, so log records carry its trace and span ids.
            var outer = Activity.Current;
            if (activity is not null)
            {
                Activity.Current = activity;
            }

            try
            {
                telemetry.LogRequest(
                    _operationType ?? "request",
                    _operationName ?? "(anonymous)",
                    status,
                    elapsed.TotalMilliseconds,
                    sql,
                    codes.Count > 0 ? string.Join(",", codes) : "none",
                    _documentId ?? "none");
            }
            finally
            {
                activity?.Stop();
                Activity.Current = outer;
            }
        }

        private Activity? StartActivity() =>
            SpmTelemetry.Source.StartActivity(ActivityKind.Internal, parentContext: default, startTime: _startedAt, name: "graphql");

        private string SpanName() => (_operationName ?? _operationType) is { } name ? "graphql " + name : "graphql";

        private static string TypeName(OperationType type) => type switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => type.ToString().ToLowerInvariant(),
        };

        /// <summary>
        /// The operation a document that failed validation would have run: the one named, or its only one. (GraphQL.NET
        /// sets <see cref="ExecutionResult.Operation"/> only for documents it runs.)
        /// </summary>
        private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument? document, string? name)
        {
            var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
            return name is null
                ? (operations.Count == 1 ? operations[0] : null)
                : operations.FirstOrDefault(o => o.Name?.StringValue == name);
        }

        /// <summary>Apollo's `extensions.persistedQuery.sha256Hash`, as a document id.</summary>
        private static string? ApolloDocumentId(Inputs? extensions) =>
            extensions is not null
            && extensions.TryGetValue("persistedQuery", out var persistedQuery)
            && persistedQuery is IDictionary<string, object?> fields
            && fields.TryGetValue("sha256Hash", out var hash)
            && hash is string { Length: > 0 } text
                ? "sha256:" + text
                : null;
    }
}
