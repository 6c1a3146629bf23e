using GraphQL;
using Microsoft.Extensions.Options;
using SpmGraph.GraphQL.Limits;
using SpmGraph.Server.Caching;
using SpmGraph.Server.PersistedDocuments;

namespace SpmGraph.Server.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) for one endpoint path: routes a request to
/// its step. GET and POST are read by <see cref="GraphQLRequestReader"/>, persisted documents resolved by
/// <see cref="PersistedDocumentResolver"/>, the document answered by <see cref="GraphQLAnswerStep"/>; `?sdl` is <see cref="SchemaSdlEndpoint"/>, browsers get <see cref="BananaCakePop"/>.
/// </summary>
internal sealed class GraphQLHttpEndpoint
{
    /// <summary>Route value holding the part of the URL after the endpoint path (IDE assets).</summary>
    public const string FileRouteValue = "file";

    private readonly GraphQLRequestReader _reader;
    private readonly PersistedDocumentResolver _persistedDocuments;
    private readonly GraphQLAnswerStep _answer;
    private readonly GraphQLResponseWriter _writer;
    private readonly SchemaSdlEndpoint _sdl;
    private readonly GraphQLHttpOptions _options;
    private readonly TransportGuard _guard;

    public GraphQLHttpEndpoint(
        PathString path,
        IGraphQLTextSerializer serializer,
        PersistedDocumentResolver persistedDocuments,
        GraphQLAnswerCache answers,
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
        _writer = new GraphQLResponseWriter(serializer);
        _answer = new GraphQLAnswerStep(answers, new GraphQLExecutionStep(loggers.CreateLogger<GraphQLExecutionStep>()), _writer);
        _sdl = new SchemaSdlEndpoint(introspection);
        _guard = new TransportGuard(environment, loggers.CreateLogger<GraphQLHttpEndpoint>());
        Ide = new BananaCakePop(path, _options, environment);
    }

    public BananaCakePop Ide { get; }

    public Task HandleAsync(HttpContext context) => _guard.RunAsync(context, RouteAsync);

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
            await _answer.AnswerAsync(context, text, request, mediaType, overGet, observation);
        }
    }
}
