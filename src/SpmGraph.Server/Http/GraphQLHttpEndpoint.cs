using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace SpmGraph.Server.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) for one endpoint path: POST and GET
/// requests, `?sdl`, and Banana Cake Pop for browsers.
/// </summary>
internal sealed class GraphQLHttpEndpoint
{
    /// <summary>Route value holding the part of the URL after the endpoint path (IDE assets).</summary>
    public const string FileRouteValue = "file";

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    private readonly IGraphQLTextSerializer _serializer;
    private readonly IDocumentBuilder _documentBuilder;
    private readonly GraphQLHttpOptions _options;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<GraphQLHttpEndpoint> _logger;
    private string? _sdl;

    public GraphQLHttpEndpoint(
        PathString path,
        IGraphQLTextSerializer serializer,
        IDocumentBuilder documentBuilder,
        IOptions<GraphQLHttpOptions> options,
        IHostEnvironment environment,
        ILogger<GraphQLHttpEndpoint> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _serializer = serializer;
        _documentBuilder = documentBuilder;
        _options = options.Value;
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
            var code = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? Codes.PayloadTooLarge : Codes.BadRequest;
            await WriteErrorAsync(context, ex.StatusCode, code, ex.Message);
        }
#pragma warning disable CA1031 // The transport is the last line: anything unexpected becomes a GraphQL error, not a 500 page.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Unhandled error serving {Method} {Path}", context.Request.Method, context.Request.Path);
            var message = _environment.IsDevelopment() ? ex.ToString() : "An unexpected error occurred.";
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, Codes.InternalServerError, message);
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
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, Codes.MethodNotAllowed, $"HTTP method {request.Method} is not supported; use GET or POST.");
        }
    }

    private async Task HandleGetAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.ContainsKey("sdl"))
        {
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

        if (!query.ContainsKey("query") && _options.EnableBananaCakePop && GraphQLMediaTypes.AcceptsHtml(context.Request))
        {
            await Ide.ServeIndexAsync(context);
            return;
        }

        if (GraphQLMediaTypes.Negotiate(context.Request) is not { } mediaType)
        {
            await WriteNotAcceptableAsync(context);
            return;
        }

        if (!TryGetSingle(query, "query", out var text) || text is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, Codes.BadRequest, "The 'query' parameter is required and must be given once.", mediaType);
            return;
        }

        if (!TryGetSingle(query, "operationName", out var operationName))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, Codes.BadRequest, "The 'operationName' parameter must be given at most once.", mediaType);
            return;
        }

        if (!TryReadMapParameter(query, "variables", out var variables, out var error)
            || !TryReadMapParameter(query, "extensions", out var extensions, out error))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, Codes.BadRequest, error!, mediaType);
            return;
        }

        // GET must not change state: only queries run over it (spec: mutations over GET get 405).
        var document = TryBuildDocument(text);
        if (document is not null && SelectOperation(document, operationName) is { } operation && operation.Operation != OperationType.Query)
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, Codes.MethodNotAllowed, $"A {operation.Operation.ToString().ToLowerInvariant()} operation cannot be sent over GET; use POST.", mediaType);
            return;
        }

        var request = new GraphQLHttpRequest(text, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions, document);
        await ExecuteAsync(context, request, mediaType);
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
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, Codes.UnsupportedMediaType, "POST requests must have Content-Type application/json (UTF-8).", mediaType);
            return;
        }

        var body = await ReadBodyAsync(context.Request, _options.MaxRequestBodySize, context.RequestAborted);
        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, Codes.PayloadTooLarge, $"The request body is larger than {_options.MaxRequestBodySize} bytes.", mediaType);
            return;
        }

        var (request, code, message) = ParseBody(body.Value);
        if (request is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, code!, message!, mediaType);
            return;
        }

        await ExecuteAsync(context, request, mediaType);
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
            return (null, Codes.BadRequest, "The request body is empty; expected a JSON object with a 'query'.");
        }

        // JSON is UTF-8; checking up front also keeps invalid bytes out of the strings we decode.
        if (!Utf8.IsValid(bytes))
        {
            return (null, Codes.InvalidJson, "The request body is not valid UTF-8.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body, JsonOptions);
        }
        catch (JsonException ex)
        {
            return (null, Codes.InvalidJson, "The request body is not valid JSON: " + ex.Message);
        }

        using (json)
        {
            try
            {
                return ReadRequest(json.RootElement);
            }
            catch (Exception ex) when (ex is InvalidOperationException or JsonException)
            {
                // Strings that are valid UTF-8 but not valid text, such as an unpaired "\ud800" escape.
                return (null, Codes.InvalidJson, "The request body has an invalid JSON string: " + ex.Message);
            }
        }
    }

    private (GraphQLHttpRequest? Request, string? Code, string? Message) ReadRequest(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, Codes.BadRequest, "The request body must be a JSON object.");
        }

        if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            return (null, Codes.BadRequest, "The 'query' parameter is required and must be a string.");
        }

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var operation) && operation.ValueKind != JsonValueKind.Null)
        {
            if (operation.ValueKind != JsonValueKind.String)
            {
                return (null, Codes.BadRequest, "The 'operationName' parameter must be a string or null.");
            }

            operationName = operation.GetString();
        }

        if (!TryReadMap(root, "variables", out var variables, out var error) || !TryReadMap(root, "extensions", out var extensions, out error))
        {
            return (null, Codes.BadRequest, error);
        }

        return (new GraphQLHttpRequest(query.GetString()!, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions, null), null, null);
    }

    private async Task ExecuteAsync(HttpContext context, GraphQLHttpRequest request, string mediaType)
    {
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = request.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = context.RequestAborted,
            UnhandledExceptionDelegate = unhandled =>
            {
                _logger.LogError(unhandled.OriginalException, "Unhandled error executing GraphQL operation {OperationName}", request.OperationName);
                return Task.CompletedTask;
            },
        });

        // Not executed = a request error (syntax, validation, variable coercion). The legacy application/json
        // answers those with 200; application/graphql-response+json with 400. A crash before execution is ours.
        var status = StatusCodes.Status200OK;
        if (!result.Executed)
        {
            if (result.Errors?.Any(e => e is UnhandledError) == true)
            {
                status = StatusCodes.Status500InternalServerError;
            }
            else if (mediaType == GraphQLMediaTypes.GraphQLResponseJson)
            {
                status = StatusCodes.Status400BadRequest;
            }
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + GraphQLMediaTypes.Utf8Suffix;
        await _serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private Task WriteNotAcceptableAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, Codes.NotAcceptable, $"Accept must allow {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}.");

    /// <summary>Writes {"errors":[{"message":..., "extensions":{"code":...}}]} through the GraphQL serializer.</summary>
    private async Task WriteErrorAsync(HttpContext context, int status, string code, string message, string? mediaType = null)
    {
        if (context.Response.HasStarted)
        {
            // Part of a response is out already; all we can do is cut the connection.
            context.Abort();
            return;
        }

        var allow = context.Response.Headers.Allow;
        context.Response.Clear();
        if (!StringValues.IsNullOrEmpty(allow))
        {
            context.Response.Headers.Allow = allow;
        }

        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        context.Response.StatusCode = status;
        context.Response.ContentType = (mediaType ?? GraphQLMediaTypes.Json) + GraphQLMediaTypes.Utf8Suffix;
        await _serializer.WriteAsync(context.Response.Body, result, CancellationToken.None);
    }

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

    private sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions, GraphQLDocument? Document);

    /// <summary>The extensions.code values of transport errors.</summary>
    internal static class Codes
    {
        public const string BadRequest = "BAD_REQUEST";
        public const string InvalidJson = "INVALID_JSON";
        public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
        public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
        public const string NotAcceptable = "NOT_ACCEPTABLE";
        public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
        public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    }
}
