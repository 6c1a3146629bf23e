using GraphQL.Validation;
using GraphQLParser.AST;
using SpmGraph.GraphQL.Limits;

namespace SpmGraph.Server.Export;

/// <summary>An export reads: a mutation sent to it is refused before anything runs, whatever the HTTP method.</summary>
internal sealed class ExportQueriesOnlyValidationRule : ValidationRuleBase
{
    public static readonly ExportQueriesOnlyValidationRule Instance = new();

    /// <summary>The export's validation: this rule, then the core rules.</summary>
    public static readonly IValidationRule[] Rules = [Instance, .. DocumentValidator.CoreRules];

    private ExportQueriesOnlyValidationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = context.Operation.Operation;

        // Thrown rather than reported, as the GET rule does: nothing else about the document matters.
        return operation == OperationType.Query ? default : throw new NotAQueryToExportError(operation);
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
