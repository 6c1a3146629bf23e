using GraphQL;
using GraphQL.Execution;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Logging;

namespace SpmGraph.GraphQL.Limits;

/// <summary>
/// What an unexpected exception in a resolver becomes. GraphQL.NET names its code after the exception type
/// (INVALID_OPERATION, ...), which tells a client about our internals; outside Development it becomes a plain
/// "Internal server error." with code INTERNAL_SERVER_ERROR. Errors thrown on purpose (<see cref="ExecutionError"/>
/// with a code) never come here and keep their message and code. The parser's depth guard, which GraphQL.NET
/// treats as unexpected, becomes MAX_DEPTH_EXCEEDED.
/// </summary>
internal static class UnhandledErrors
{
    public const string Message = "Internal server error.";

    public static Task HandleAsync(UnhandledExceptionContext context, ILogger logger, bool development)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OriginalException is GraphQLMaxDepthExceededException)
        {
            // The parser's own nesting guard (128 syntax nodes): the client's mistake, not ours.
            context.Exception = new ExecutionError("The document nests deeper than the parser allows.") { Code = LimitErrorCodes.MaxDepthExceeded };
            return Task.CompletedTask;
        }

        var path = context.FieldContext?.Path is { } segments ? string.Join('.', segments) : null;
        logger.LogError(context.OriginalException, "Unhandled error executing GraphQL operation {OperationName} at {Path}", context.ExecutionOptions.OperationName, path);

        // An earlier handler may have mapped the exception to a deliberate error: that stays.
        if (!development && context.Exception is not ExecutionError)
        {
            context.Exception = new ExecutionError(Message) { Code = LimitErrorCodes.InternalServerError };
        }

        return Task.CompletedTask;
    }
}
