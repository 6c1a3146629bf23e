using GraphQL.Validation;
using GraphQLParser.AST;

namespace SpmGraph.GraphQL.Limits;

/// <summary>
/// Refuses an operation whose type the schema does not have (there are no subscriptions): a request error, where
/// GraphQL.NET would fail while executing and answer a server error.
/// </summary>
internal sealed class OperationTypeValidationRule : ValidationRuleBase, IWholeDocumentRule
{
    public static readonly OperationTypeValidationRule Instance = new();

    private static readonly MatchingNodeVisitor<GraphQLOperationDefinition> Visitor = new((operation, context) =>
    {
        var supported = operation.Operation switch
        {
            OperationType.Query => context.Schema.Query is not null,
            OperationType.Mutation => context.Schema.Mutation is not null,
            _ => context.Schema.Subscription is not null,
        };
        if (!supported)
        {
            var type = operation.Operation.ToString().ToLowerInvariant();
            context.ReportError(new ValidationError(context.Document.Source, null!, $"This server does not support {type} operations; send a query or a mutation.", operation)
            {
                Code = LimitErrorCodes.OperationNotSupported,
            });
        }
    });

    private OperationTypeValidationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
