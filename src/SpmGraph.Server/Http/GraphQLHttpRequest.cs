using GraphQL;

namespace SpmGraph.Server.Http;

/// <summary>A request as sent: `query` text or a persisted `documentId` (or an Apollo hash in extensions).</summary>
internal sealed record GraphQLHttpRequest(string? Query, string? DocumentId, string? OperationName, Inputs? Variables, Inputs? Extensions)
{
    /// <summary>An empty operation name is no name.</summary>
    public static GraphQLHttpRequest Of(string? query, string? documentId, string? operationName, Inputs? variables, Inputs? extensions) =>
        new(query, documentId, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions);
}

/// <summary>Why a request is refused before GraphQL execution: answered by <see cref="ErrorAnswers"/> with this status and code.</summary>
internal sealed record HttpRequestError(int Status, string Code, string Message)
{
    public static HttpRequestError BadRequest(string message) => new(StatusCodes.Status400BadRequest, HttpErrorCodes.BadRequest, message);

    public static HttpRequestError InvalidJson(string message) => new(StatusCodes.Status400BadRequest, HttpErrorCodes.InvalidJson, message);

    public Task WriteAsync(HttpContext context) => ErrorAnswers.WriteAsync(context, Status, Code, Message);
}
