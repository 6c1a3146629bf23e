using System.Text.Json.Nodes;
using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SpmGraph.Server.Http;
using SpmGraph.Server.PersistedDocuments;
using HttpRequestError = SpmGraph.Server.Http.HttpRequestError;

namespace SpmGraph.Server.Export;

/// <summary>
/// `GET` and `POST /export`: a GraphQL request as /graphql takes it (`query` or `documentId`, `variables`,
/// `operationName`), read by the same <see cref="GraphQLRequestReader"/>, resolved by the same
/// <see cref="PersistedDocumentResolver"/> and run by the same <see cref="GraphQLExecutionStep"/> (so the same caller,
/// limits and OnlyPersisted switch hold), answered as an <see cref="ExportTable"/> in the <see cref="ExportFormats"/> the
/// request asks for. An answer with errors is never a partial table: the errors are answered, as JSON.
/// </summary>
internal sealed class ExportEndpoint
{
    /// <summary>Query parameter naming the field whose list to export (dotted response names, e.g. `reportingStats`).</summary>
    public const string ListParameter = "list";

    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLRequestReader _reader;
    private readonly PersistedDocumentResolver _persistedDocuments;
    private readonly GraphQLExecutionStep _execution;
    private readonly TransportGuard _guard;

    public ExportEndpoint(
        IGraphQLTextSerializer serializer,
        PersistedDocumentResolver persistedDocuments,
        IOptions<GraphQLHttpOptions> options,
        IHostEnvironment environment,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _serializer = serializer;
        _reader = new GraphQLRequestReader(serializer, options);
        _persistedDocuments = persistedDocuments;
        _execution = new GraphQLExecutionStep(loggers.CreateLogger<GraphQLExecutionStep>());
        _guard = new TransportGuard(environment, loggers.CreateLogger<ExportEndpoint>());
    }

    public Task HandleAsync(HttpContext context) => _guard.RunAsync(context, RouteAsync);

    private async Task RouteAsync(HttpContext context)
    {
        var http = context.Request;
        if (!HttpMethods.IsGet(http.Method) && !HttpMethods.IsPost(http.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, HttpErrorCodes.MethodNotAllowed, $"HTTP method {http.Method} is not supported; use GET or POST.");
            return;
        }

        var (format, formatError) = ExportFormats.Choose(http);
        if (format is null)
        {
            await formatError!.WriteAsync(context);
            return;
        }

        if (http.Query.TryGetValue(ListParameter, out var lists) && lists.Count != 1)
        {
            await HttpRequestError.BadRequest($"The '{ListParameter}' parameter must be given at most once.").WriteAsync(context);
            return;
        }

        if (HttpMethods.IsPost(http.Method) && !GraphQLMediaTypes.IsJsonRequest(http))
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, HttpErrorCodes.UnsupportedMediaType, "POST requests must have Content-Type application/json (UTF-8).");
            return;
        }

        var (request, requestError) = HttpMethods.IsGet(http.Method)
            ? _reader.ReadQueryString(http.Query)
            : await _reader.ReadBodyAsync(http, context.RequestAborted);
        if (request is null)
        {
            await requestError!.WriteAsync(context);
            return;
        }

        await ExportAsync(context, request, format, lists.FirstOrDefault());
    }

    private async Task ExportAsync(HttpContext context, GraphQLHttpRequest request, ExportFormat format, string? list)
    {
        var observation = context.Features.Get<IGraphQLRequestObservation>();
        observation?.Read(request);
        var resolution = await _persistedDocuments.ResolveAsync(request.Query, request.DocumentId, request.Extensions, context.RequestAborted);
        if (resolution.IsBadRequest)
        {
            await HttpRequestError.BadRequest(resolution.ErrorMessage!).WriteAsync(context);
            return;
        }

        if (resolution.Query is not { } text)
        {
            observation?.Refused([ErrorAnswers.Error(resolution.ErrorCode!, resolution.ErrorMessage!)]);
            await WriteErrorsAsync(context, [new ExecutionError(resolution.ErrorMessage!) { Code = resolution.ErrorCode }]);
            return;
        }

        var result = await _execution.ExecuteAsync(context, text, request, QueriesOnlyValidationRule.ForExport.Rules);
        observation?.Answered(result);
        if (result.Errors is { Count: > 0 } errors)
        {
            await WriteErrorsAsync(context, errors);
            return;
        }

        var data = JsonNode.Parse(_serializer.Serialize(result))?["data"] as JsonObject ?? [];
        if (!ExportTable.TryCreate(data, list, out var table))
        {
            await HttpRequestError.BadRequest($"The answer has no field '{list}' to export: name a field by its response names, e.g. {ListParameter}=reportingStats.").WriteAsync(context);
            return;
        }

        // Written in full before anything is sent, so a failure is still answered as an error.
        using var buffer = new MemoryStream();
        await format.WriteAsync(table, buffer, context.RequestAborted);

        var response = context.Response;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName((result.Operation?.Name?.StringValue ?? "export") + "." + format.Name);
        response.Headers.ContentDisposition = disposition.ToString();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType;
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, context.RequestAborted);
    }

    /// <summary>
    /// The errors alone (no partial data), in the JSON media type Accept prefers: 500 for our failures, 504 for a
    /// timeout, 400 otherwise (the request, its variables or its arguments are at fault).
    /// </summary>
    private Task WriteErrorsAsync(HttpContext context, ExecutionErrors errors)
    {
        var response = context.Response;
        response.StatusCode = GraphQLResponseWriter.ErrorStatus(errors);
        response.ContentType = (GraphQLMediaTypes.Negotiate(context.Request) ?? GraphQLMediaTypes.Json) + GraphQLMediaTypes.Utf8Suffix;
        return _serializer.WriteAsync(response.Body, new ExecutionResult { Errors = errors }, context.RequestAborted);
    }
}
