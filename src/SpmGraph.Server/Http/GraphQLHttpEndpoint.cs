using GraphQL;
using Microsoft.Extensions.Options;
using SpmGraph.GraphQL.Limits;
using SpmGraph.Server.PersistedDocuments;

namespace SpmGraph.Server.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) for one endpoint path: routes a request to
/// its step. GET and POST are read by <see cref="GraphQLRequestReader"/>, persisted documents resolved by
/// <see cref="PersistedDocumentResolver"/>, the document run by <see cref="GraphQLExecutionStep"/> and answered by
/// <see cref="GraphQLResponseWriter"/>; `?sdl` is <see cref="SchemaSdlEndpoint"/>, browsers get <see cref="BananaCakePop"/>.
/// </summary>
internal sealed class GraphQLHttpEndpoint
{
    /// <summary>Route value holding the part of the URL after the endpoint path (IDE assets).</summary>
    public const string FileRouteValue = "file";

    private readonly GraphQLRequestReader _reader;
    private readonly PersistedDocumentResolver _persistedDocuments;
    private readonly GraphQLExecutionStep _execution;
    private readonly GraphQLResponseWriter _writer;
    private readonly SchemaSdlEndpoint _sdl;
    private readonly GraphQLHttpOptions _options;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<GraphQLHttpEndpoint> _logger;

    public GraphQLHttpEndpoint(
        PathString path,
        IGraphQLTextSerializer serializer,
        PersistedDocumentResolver persistedDocuments,
        IOptions<GraphQLHttpOptions> options,
        IOptions<GraphQLIntrospectionOptions> introspection,
        IHostEnvironment environment,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _reader = new GraphQLRequestReader(serializer, options);
        _persistedDocuments = persistedDocuments;
        _execution = new GraphQLExecutionStep(loggers.CreateLogger<GraphQLExecutionStep>());
        _writer = new GraphQLResponseWriter(serializer);
        _sdl = new SchemaSdlEndpoint(introspection);
        _environment = environment;
        _logger = loggers.CreateLogger<GraphQLHttpEndpoint>();
        Ide = new BananaCakePop(path, _options, environment);
    }

    public BananaCakePop Ide { get; }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context);
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

    private async Task RouteAsync(HttpContext context)
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
        }
        else if (HttpMethods.IsGet(request.Method))
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
        if (query.ContainsKey(SchemaSdlEndpoint.QueryParameter))
        {
            await _sdl.ServeAsync(context);
        }
        else if (!query.ContainsKey("query") && !query.ContainsKey("documentId") && _options.EnableBananaCakePop && GraphQLMediaTypes.AcceptsHtml(context.Request))
        {
            await Ide.ServeIndexAsync(context);
        }
        else if (GraphQLMediaTypes.Negotiate(context.Request) is not { } mediaType)
        {
            await GraphQLResponseWriter.WriteNotAcceptableAsync(context);
        }
        else
        {
            var (request, error) = _reader.ReadQueryString(query);
            await (request is null ? error!.WriteAsync(context) : ResolveAndExecuteAsync(context, request, mediaType, overGet: true));
        }
    }

    private async Task HandlePostAsync(HttpContext context)
    {
        if (GraphQLMediaTypes.Negotiate(context.Request) is not { } mediaType)
        {
            await GraphQLResponseWriter.WriteNotAcceptableAsync(context);
            return;
        }

        if (!GraphQLMediaTypes.IsJsonRequest(context.Request))
        {
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, HttpErrorCodes.UnsupportedMediaType, "POST requests must have Content-Type application/json (UTF-8).");
            return;
        }

        var (request, error) = await _reader.ReadBodyAsync(context.Request, context.RequestAborted);
        await (request is null ? error!.WriteAsync(context) : ResolveAndExecuteAsync(context, request, mediaType, overGet: false));
    }

    /// <summary>Finds the document text (the query, or a persisted document) and runs it.</summary>
    private async Task ResolveAndExecuteAsync(HttpContext context, GraphQLHttpRequest request, string mediaType, bool overGet)
    {
        var observation = context.Features.Get<IGraphQLRequestObservation>();
        observation?.Read(request);
        var resolution = await _persistedDocuments.ResolveAsync(request.Query, request.DocumentId, request.Extensions, context.RequestAborted);
        if (resolution.IsBadRequest)
        {
            await HttpRequestError.BadRequest(resolution.ErrorMessage!).WriteAsync(context);
        }
        else if (resolution.Query is not { } text)
        {
            observation?.Refused([ErrorAnswers.Error(resolution.ErrorCode!, resolution.ErrorMessage!)]);
            await _writer.WriteRequestErrorAsync(context, resolution.ErrorCode!, resolution.ErrorMessage!, mediaType);
        }
        else
        {
            var result = await _execution.ExecuteAsync(context, text, request, overGet);
            observation?.Answered(result);
            await _writer.WriteAsync(context, result, mediaType);
        }
    }
}
