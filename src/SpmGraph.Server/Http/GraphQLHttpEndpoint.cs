using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using SpmGraph.GraphQL.Limits;
using SpmGraph.Server.PersistedDocuments;

namespace SpmGraph.Server.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) for one endpoint path: POST and GET
/// requests, persisted documents (`documentId`), `?sdl`, and Banana Cake Pop for browsers. One request per HTTP
/// request: batches (a JSON array body) are refused.
/// </summary>
internal sealed class GraphQLHttpEndpoint
{
    /// <summary>Route value holding the part of the URL after the endpoint path (IDE assets).</summary>
    public const string FileRouteValue = "file";

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    private readonly IGraphQLTextSerializer _serializer;
    private readonly IDocumentBuilder _documentBuilder;
    private readonly PersistedDocumentResolver _persistedDocuments;
    private readonly GraphQLHttpOptions _options;
    private readonly bool _enableIntrospection;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<GraphQLHttpEndpoint> _logger;
    private string? _sdl;

    public GraphQLHttpEndpoint(
        PathString path,
        IGraphQLTextSerializer serializer,
        IDocumentBuilder documentBuilder,
        PersistedDocumentResolver persistedDocuments,
        IOptions<GraphQLHttpOptions> options,
        IOptions<GraphQLIntrospectionOptions> introspection,
        IHostEnvironment environment,
        ILogger<GraphQLHttpEndpoint> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(introspection);
        _serializer = serializer;
        _documentBuilder = documentBuilder;
        _persistedDocuments = persistedDocuments;
        _options = options.Value;
        _enableIntrospection = introspection.Value.EnableIntrospection;
        _environment = environment;
        _logger = logger;
        Ide = new BananaCakePop(path, _options, environment);
    }

    public BananaCakePop Ide { get; }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own request errors (malformed chunking, body too slow or too large).
            var code = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? HttpErrorCodes.PayloadTooLarge : HttpErrorCodes.BadRequest;
            await ErrorAnswers.WriteAsync(context, ex.StatusCode, code, ex.Message);
        }
#pragma warning disable CA1031 // The transport is the last line: anything unexpected becomes a GraphQL error, not a 500 page.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Unhandled error serving {Method} {Path}", context.Request.Method, context.Request.Path);
            var message = _environment.IsDevelopment() ? ex.ToString() : "An unexpected error occurred.";
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status500InternalServerError, HttpErrorCodes.InternalServerError, message);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.RouteValues.TryGetValue(FileRouteValue, out var file) && file is string { Length: > 0 } name)
        {
            if (_options.EnableBananaCakePop)
            {
                await Ide.ServeFileAsync(context, name);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return;
        }

        if (HttpMethods.IsGet(request.Method))
        {
            await HandleGetAsync(context);
        }
        else if (HttpMethods.IsPost(request.Method))
        {
            await HandlePostAsync(context);
        }
        else
        {
            context.Response.Headers.Allow = "GET, POST";
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, HttpErrorCodes.MethodNotAllowed, $"HTTP method {request.Method} is not supported; use GET or POST.");
        }
    }

    private async Task HandleGetAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.ContainsKey("sdl"))
        {
            // The schema text is what switching introspection off hides.
            if (!_enableIntrospection)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (_sdl is null)
            {
                // Same text as schema/schema.graphql, so `curl '.../graphql?sdl'` can regenerate that file.
                var schema = context.RequestServices.GetRequiredService<ISchema>();
                schema.Initialize();
                _sdl = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
            }

            context.Response.Headers.CacheControl = "no-cache";
            context.Response.ContentType = "text/plain" + GraphQLMediaTypes.Utf8Suffix;
            await context.Response.WriteAsync(_sdl, context.RequestAborted);
            return;
        }

        if (!query.ContainsKey("query") && !query.ContainsKey("documentId") && _options.EnableBananaCakePop && GraphQLMediaTypes.AcceptsHtml(context.Request))
        {
            await Ide.ServeIndexAsync(context);
            return;
        }

        if (GraphQLMediaTypes.Negotiate(context.Request) is not { } mediaType)
        {
            await WriteNotAcceptableAsync(context);
            return;
        }

        if (!TryGetSingle(query, "query", out var text) || !TryGetSingle(query, "documentId", out var documentId))
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status400BadRequest, HttpErrorCodes.BadRequest, "The 'query' and 'documentId' parameters must be given at most once.");
            return;
        }

        if (!TryGetSingle(query, "operationName", out var operationName))
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status400BadRequest, HttpErrorCodes.BadRequest, "The 'operationName' parameter must be given at most once.");
            return;
        }

        if (!TryReadMapParameter(query, "variables", out var variables, out var error)
            || !TryReadMapParameter(query, "extensions", out var extensions, out error))
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status400BadRequest, HttpErrorCodes.BadRequest, error!);
            return;
        }

        var request = new GraphQLHttpRequest(text, documentId, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions);
        await ResolveAndExecuteAsync(context, request, mediaType, overGet: true);
    }

    private async Task HandlePostAsync(HttpContext context)
    {
        if (GraphQLMediaTypes.Negotiate(context.Request) is not { } mediaType)
        {
            await WriteNotAcceptableAsync(context);
            return;
        }

        if (!GraphQLMediaTypes.IsJsonRequest(context.Request))
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, HttpErrorCodes.UnsupportedMediaType, "POST requests must have Content-Type application/json (UTF-8).");
            return;
        }

        var body = await ReadBodyAsync(context.Request, _options.MaxRequestBodySize, context.RequestAborted);
        if (body is null)
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, HttpErrorCodes.PayloadTooLarge, $"The request body is larger than {_options.MaxRequestBodySize} bytes.");
            return;
        }

        var (request, code, message) = ParseBody(body.Value);
        if (request is null)
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status400BadRequest, code!, message!);
            return;
        }

        await ResolveAndExecuteAsync(context, request, mediaType, overGet: false);
    }

    /// <summary>Finds the document text (the query, or a persisted document) and runs it.</summary>
    private async Task ResolveAndExecuteAsync(HttpContext context, GraphQLHttpRequest request, string mediaType, bool overGet)
    {
        var resolution = await _persistedDocuments.ResolveAsync(request.Query, request.DocumentId, request.Extensions, context.RequestAborted);
        if (resolution.IsBadRequest)
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status400BadRequest, HttpErrorCodes.BadRequest, resolution.ErrorMessage!);
            return;
        }

        if (resolution.Query is not { } text)
        {
            // Like a validation error: nothing ran.
            await WriteResultAsync(context, new ExecutionResult { Errors = [new ExecutionError(resolution.ErrorMessage!) { Code = resolution.ErrorCode }] }, mediaType);
            return;
        }

        GraphQLDocument? document = null;
        if (overGet)
        {
            // GET must not change state: only queries run over it (spec: mutations over GET get 405). GET URLs are
            // short (Kestrel caps the request line), so parsing here costs little; long persisted texts are ours.
            document = TryBuildDocument(text);
            if (document is not null && SelectOperation(document, request.OperationName) is { } operation && operation.Operation != OperationType.Query)
            {
                context.Response.Headers.Allow = "POST";
                await ErrorAnswers.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, HttpErrorCodes.MethodNotAllowed, $"A {operation.Operation.ToString().ToLowerInvariant()} operation cannot be sent over GET; use POST.");
                return;
            }
        }

        await ExecuteAsync(context, text, document, request, mediaType);
    }

    /// <summary>The body as a GraphQL request, or the error code and message saying why it is not one.</summary>
    private (GraphQLHttpRequest? Request, string? Code, string? Message) ParseBody(ReadOnlyMemory<byte> body)
    {
        var bytes = body.Span;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
            bytes = body.Span;
        }

        if (bytes.IsEmpty)
        {
            return (null, HttpErrorCodes.BadRequest, "The request body is empty; expected a JSON object with a 'query'.");
        }

        // Refused before parsing, however many requests the array holds.
        if (bytes.TrimStart(" \t\r\n"u8) is [(byte)'[', ..])
        {
            return (null, HttpErrorCodes.BadRequest, "Batching is not supported: send one GraphQL request (a JSON object) per HTTP request.");
        }

        // JSON is UTF-8; checking up front also keeps invalid bytes out of the strings we decode.
        if (!Utf8.IsValid(bytes))
        {
            return (null, HttpErrorCodes.InvalidJson, "The request body is not valid UTF-8.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body, JsonOptions);
        }
        catch (JsonException ex)
        {
            return (null, HttpErrorCodes.InvalidJson, "The request body is not valid JSON: " + ex.Message);
        }

        using (json)
        {
            try
            {
                return ReadRequest(json.RootElement);
            }
            catch (Exception ex) when (ex is InvalidOperationException or JsonException)
            {
                // Strings that are valid UTF-8 but not valid text, such as an unpaired "\ud800" escape. The reader's own
                // message names .NET types and JSON paths: say what is wrong in the client's terms instead.
                return (null, HttpErrorCodes.InvalidJson, "The request body has a JSON string that is not valid Unicode text: an unpaired surrogate escape such as \\ud800.");
            }
        }
    }

    private (GraphQLHttpRequest? Request, string? Code, string? Message) ReadRequest(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, HttpErrorCodes.BadRequest, "The request body must be a JSON object.");
        }

        if (!TryReadString(root, "query", out var query) || !TryReadString(root, "documentId", out var documentId))
        {
            return (null, HttpErrorCodes.BadRequest, "The 'query' and 'documentId' parameters must be strings (one of them is required).");
        }

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var operation) && operation.ValueKind != JsonValueKind.Null)
        {
            if (operation.ValueKind != JsonValueKind.String)
            {
                return (null, HttpErrorCodes.BadRequest, "The 'operationName' parameter must be a string or null.");
            }

            operationName = operation.GetString();
        }

        if (!TryReadMap(root, "variables", out var variables, out var error) || !TryReadMap(root, "extensions", out var extensions, out error))
        {
            return (null, HttpErrorCodes.BadRequest, error);
        }

        return (new GraphQLHttpRequest(query, documentId, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null, null);
    }

    /// <summary>An optional string member; null and absent both give <see langword="null"/>.</summary>
    private static bool TryReadString(JsonElement root, string key, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(key, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString();
        return true;
    }

    private async Task ExecuteAsync(HttpContext context, string query, GraphQLDocument? document, GraphQLHttpRequest request, string mediaType)
    {
        // Limits, the timeout and the masking of unexpected errors are configured with the schema (AddSpmLimits).
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = context.RequestAborted,
        });

        if (result.Errors?.Any(e => e is TimeoutError) == true)
        {
            _logger.LogWarning("GraphQL operation {OperationName} ran past the execution timeout and was cancelled", request.OperationName);
        }

        await WriteResultAsync(context, result, mediaType);
    }

    private async Task WriteResultAsync(HttpContext context, ExecutionResult result, string mediaType)
    {
        context.Response.StatusCode = StatusOf(result, mediaType);
        context.Response.ContentType = mediaType + GraphQLMediaTypes.Utf8Suffix;
        await _serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    /// <summary>
    /// Not executed = a request error (syntax, validation, a limit, variable coercion, an unknown persisted document):
    /// the legacy application/json answers those with 200, application/graphql-response+json with 400. A crash before
    /// execution is ours (500); a timeout is 504 with graphql-response+json.
    /// </summary>
    private static int StatusOf(ExecutionResult result, string mediaType)
    {
        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        var errors = result.Errors ?? [];
        if (errors.Any(e => e is UnhandledError || e.Code == LimitErrorCodes.InternalServerError))
        {
            return StatusCodes.Status500InternalServerError;
        }

        if (mediaType != GraphQLMediaTypes.GraphQLResponseJson)
        {
            return StatusCodes.Status200OK;
        }

        return errors.Any(e => e is TimeoutError) ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status400BadRequest;
    }

    private static Task WriteNotAcceptableAsync(HttpContext context) =>
        ErrorAnswers.WriteAsync(context, StatusCodes.Status406NotAcceptable, HttpErrorCodes.NotAcceptable, $"Accept must allow {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}.");

    private GraphQLDocument? TryBuildDocument(string query)
    {
        try
        {
            return _documentBuilder.Build(query);
        }
        catch (Exception ex) when (ex is ExecutionError or GraphQLParser.Exceptions.GraphQLParserException)
        {
            // Left to the executer, which reports syntax errors in the GraphQL way.
            return null;
        }
    }

    /// <summary>The operation the request runs, or <see langword="null"/> when that is ambiguous (the executer reports it).</summary>
    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (string.IsNullOrEmpty(operationName))
        {
            return operations.Count == 1 ? operations[0] : null;
        }

        return operations.FirstOrDefault(o => o.Name is { } n && n.Value.Span.SequenceEqual(operationName));
    }

    private static bool TryGetSingle(IQueryCollection query, string key, out string? value)
    {
        value = null;
        if (!query.TryGetValue(key, out var values))
        {
            return true;
        }

        if (values.Count != 1)
        {
            return false;
        }

        value = values[0];
        return true;
    }

    /// <summary>A GET parameter holding a JSON object (or null), as GraphQL inputs.</summary>
    private bool TryReadMapParameter(IQueryCollection query, string key, out Inputs? inputs, out string? error)
    {
        inputs = null;
        error = null;
        if (!TryGetSingle(query, key, out var text))
        {
            error = $"The '{key}' parameter must be given at most once.";
            return false;
        }

        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            using var json = JsonDocument.Parse(text, JsonOptions);
            return TryReadMap(json.RootElement, key, out inputs, out error, isValue: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException)
        {
            error = $"The '{key}' parameter must be a JSON object.";
            return false;
        }
    }

    /// <summary>An optional JSON object member (or, with <paramref name="isValue"/>, the element itself) as GraphQL inputs.</summary>
    private bool TryReadMap(JsonElement element, string key, out Inputs? inputs, out string? error, bool isValue = false)
    {
        inputs = null;
        error = null;
        if (!isValue && !element.TryGetProperty(key, out element))
        {
            return true;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                inputs = _serializer.ReadNode<Inputs>(element);
                return true;
            default:
                error = $"The '{key}' parameter must be a JSON object or null.";
                return false;
        }
    }

    /// <summary>The body, or <see langword="null"/> when it is larger than <paramref name="limit"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>A request as sent: `query` text or a persisted `documentId` (or an Apollo hash in extensions).</summary>
    private sealed record GraphQLHttpRequest(string? Query, string? DocumentId, string? OperationName, Inputs? Variables, Inputs? Extensions);
}
