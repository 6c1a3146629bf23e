using GraphQL.Validation;
using GraphQLParser.AST;
using SpmGraph.GraphQL.Limits;

namespace SpmGraph.Server.Http;

/// <summary>
/// Only queries run: anything else is refused with the path's own error before any other rule walks the document.
/// GET must not change state (GraphQL over HTTP: a mutation over GET is 405, answered so by
/// <see cref="GraphQLResponseWriter"/>); an export only reads.
/// </summary>
internal sealed class QueriesOnlyValidationRule : ValidationRuleBase
{
    /// <summary>For GET requests to the GraphQL endpoint.</summary>
    public static readonly QueriesOnlyValidationRule OverGet = new(operation => new NotAQueryOverGetError(operation));

    /// <summary>For the spreadsheet export, whatever the HTTP method.</summary>
    public static readonly QueriesOnlyValidationRule ForExport = new(operation => new NotAQueryToExportError(operation));

    private readonly Func<OperationType, ValidationError> _refusal;

    private QueriesOnlyValidationRule(Func<OperationType, ValidationError> refusal)
    {
        _refusal = refusal;
        Rules = [this, .. DocumentValidator.CoreRules];
    }

    /// <summary>The validation of the path: this rule, then the core rules.</summary>
    public IValidationRule[] Rules { get; }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = context.Operation.Operation;

        // Thrown rather than reported: the request is refused whatever else the document holds.
        return operation == OperationType.Query ? default : throw _refusal(operation);
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

/// <summary>A mutation (or subscription) sent to the export.</summary>
internal sealed class NotAQueryToExportError : ValidationError
{
    public NotAQueryToExportError(OperationType operation)
        : base($"Only queries can be exported; a {operation.ToString().ToLowerInvariant()} operation cannot. Send it to the GraphQL endpoint.")
    {
        Code = LimitErrorCodes.OperationNotSupported;
    }
}
