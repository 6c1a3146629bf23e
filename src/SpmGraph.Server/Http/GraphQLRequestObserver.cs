using System.Text.Json.Nodes;
using GraphQL;

namespace SpmGraph.Server.Http;

/// <summary>
/// Watches the requests of a GraphQL endpoint (the telemetry in Observability/ is the one registered): runs the endpoint
/// with an <see cref="IGraphQLRequestObservation"/> in the request's features, which the transport tells what it learns.
/// An HTTP request the observation hears nothing about (the IDE, `?sdl`) is not a GraphQL request and is not reported.
/// </summary>
internal interface IGraphQLRequestObserver
{
    Task ObserveAsync(HttpContext context, RequestDelegate endpoint);
}

/// <summary>One request's observation, in <see cref="HttpContext.Features"/> while the endpoint runs.</summary>
internal interface IGraphQLRequestObservation
{
    /// <summary>A GraphQL request was read; its document is resolved and run next.</summary>
    void Read(GraphQLHttpRequest request);

    /// <summary>The document ran (or was refused by parsing, validation or a limit): the result to be answered.</summary>
    void Answered(ExecutionResult result);

    /// <summary>The answer came from the answer cache: a query's, without errors; nothing ran.</summary>
    void AnsweredFromCache(Caching.GraphQLAnswer answer);

    /// <summary>The request is answered with these errors and nothing ran (a transport error, an unknown persisted document).</summary>
    void Refused(IEnumerable<JsonObject> errors);
}

internal static class GraphQLRequestObserverExtensions
{
    /// <summary><paramref name="handle"/> watched by the registered <see cref="IGraphQLRequestObserver"/>, if any.</summary>
    public static RequestDelegate Observed(this IEndpointRouteBuilder endpoints, RequestDelegate handle) =>
        endpoints.ServiceProvider.GetService<IGraphQLRequestObserver>() is { } observer
            ? context => observer.ObserveAsync(context, handle)
            : handle;
}
