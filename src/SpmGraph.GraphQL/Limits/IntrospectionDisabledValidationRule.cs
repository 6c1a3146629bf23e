using GraphQL.Validation;
using GraphQLParser.AST;

namespace SpmGraph.GraphQL.Limits;

/// <summary>Rejects `__schema` and `__type` when introspection is switched off; `__typename` stays allowed.</summary>
internal sealed class IntrospectionDisabledValidationRule : ValidationRuleBase, IWholeDocumentRule
{
    public static readonly IntrospectionDisabledValidationRule Instance = new();

    private static readonly MatchingNodeVisitor<GraphQLField> Visitor = new((field, context) =>
    {
        if (field.Name.Value == "__schema" || field.Name.Value == "__type")
        {
            context.ReportError(new ValidationError(context.Document.Source, null!, "Introspection is disabled on this server.", field)
            {
                Code = LimitErrorCodes.IntrospectionDisabled,
            });
        }
    });

    private IntrospectionDisabledValidationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
