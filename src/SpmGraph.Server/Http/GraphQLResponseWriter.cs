using GraphQL;
using GraphQL.Execution;
using SpmGraph.GraphQL.Limits;
using SpmGraph.Server.Caching;

namespace SpmGraph.Server.Http;

/// <summary>
/// Writes an execution result in the negotiated media type (<see cref="GraphQLMediaTypes.Negotiate"/>) with the status
/// GraphQL over HTTP gives it; a query-only refusal of <see cref="QueriesOnlyValidationRule.OverGet"/> becomes a 405.
/// </summary>
internal sealed class GraphQLResponseWriter(IGraphQLTextSerializer serializer)
{
    public async Task WriteAsync(HttpContext context, ExecutionResult result, string mediaType)
    {
        if (result.Errors?.OfType<NotAQueryOverGetError>().FirstOrDefault() is { } notAQuery)
        {
            context.Response.Headers.Allow = "POST";
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, HttpErrorCodes.MethodNotAllowed, notAQuery.Message);
            return;
        }

        ConditionalAnswers.NotStored(context);
        context.Response.StatusCode = StatusOf(result, mediaType);
        context.Response.ContentType = mediaType + GraphQLMediaTypes.Utf8Suffix;
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    /// <summary>A query's answer without errors, serialized for an ETag and the answer cache; null for anything else.</summary>
    public async Task<GraphQLAnswer?> AnswerOfAsync(ExecutionResult result, string mediaType, CancellationToken cancellationToken)
    {
        if (!result.Executed || result.Errors is { Count: > 0 } || result.Operation?.Operation != GraphQLParser.AST.OperationType.Query)
        {
            return null;
        }

        using var body = new MemoryStream();
        await serializer.WriteAsync(body, result, cancellationToken);
        return GraphQLAnswer.Of(body.ToArray(), mediaType, result.Operation.Name?.StringValue);
    }

    /// <summary>A GraphQL error answered like a validation error: nothing ran.</summary>
    public Task WriteRequestErrorAsync(HttpContext context, string code, string message, string mediaType) =>
        WriteAsync(context, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] }, mediaType);

    public static Task WriteNotAcceptableAsync(HttpContext context) =>
        ErrorAnswers.WriteAsync(context, StatusCodes.Status406NotAcceptable, HttpErrorCodes.NotAcceptable, $"Accept must allow {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}.");

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

        var status = ErrorStatus(result.Errors ?? []);
        return status == StatusCodes.Status500InternalServerError || mediaType == GraphQLMediaTypes.GraphQLResponseJson ? status : StatusCodes.Status200OK;
    }

    /// <summary>The status of an answer that is nothing but errors: 500 when one is ours, 504 for a timeout, else 400.</summary>
    internal static int ErrorStatus(IEnumerable<ExecutionError> errors)
    {
        var list = errors as IReadOnlyCollection<ExecutionError> ?? [.. errors];
        return list.Any(e => e is UnhandledError || e.Code == LimitErrorCodes.InternalServerError) ? StatusCodes.Status500InternalServerError
            : list.Any(e => e is TimeoutError) ? StatusCodes.Status504GatewayTimeout
            : StatusCodes.Status400BadRequest;
    }
}
