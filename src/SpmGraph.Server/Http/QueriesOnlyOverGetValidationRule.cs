using GraphQL.Validation;
using GraphQLParser.AST;

namespace SpmGraph.Server.Http;

/// <summary>
/// GET must not change state, so only queries run over it (GraphQL over HTTP: a mutation over GET is 405). The
/// transport validates GET requests with this rule; <see cref="GraphQLResponseWriter"/> answers its error with 405.
/// </summary>
internal sealed class QueriesOnlyOverGetValidationRule : ValidationRuleBase
{
    public static readonly QueriesOnlyOverGetValidationRule Instance = new();

    private QueriesOnlyOverGetValidationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = context.Operation.Operation;

        // Thrown rather than reported: the request is refused whatever else the document holds, so no rule walks it.
        return operation == OperationType.Query ? default : throw new NotAQueryOverGetError(operation);
    }
}

/// <summary>A mutation (or subscription) sent over GET.</summary>
internal sealed class NotAQueryOverGetError : ValidationError
{
    public NotAQueryOverGetError(OperationType operation)
        : base($"A {operation.ToString().ToLowerInvariant()} operation cannot be sent over GET; use POST.")
    {
        Code = HttpErrorCodes.MethodNotAllowed;
    }
}
