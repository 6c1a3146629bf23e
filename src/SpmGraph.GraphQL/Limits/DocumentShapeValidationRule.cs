using GraphQL.Validation;

namespace SpmGraph.GraphQL.Limits;

/// <summary>
/// Turns away documents with too many aliases, too deep a nesting, or more fields once their fragments are expanded
/// than <see cref="GraphQLLimits.MaxComplexity"/> allows (their cost can only be higher). It must run first:
/// GraphQL.NET's own rules and cost analysis expand fragments by copy, which takes exponential time on a fragment bomb.
/// </summary>
internal sealed class DocumentShapeValidationRule(GraphQLLimits limits) : ValidationRuleBase, IWholeDocumentRule
{
    /// <summary>Nested recursive introspection lists allowed, as in graphql-js's MaxIntrospectionDepthRule.</summary>
    public const int MaxIntrospectionListDepth = 2;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shape = DocumentShape.Measure(context.Document);

        // Thrown rather than reported: a thrown validation error ends validation before the other rules walk the document.
        if (shape.AliasCount > limits.MaxAliases)
        {
            throw Error(LimitErrorCodes.MaxAliasesExceeded, $"The document has {shape.AliasCount} aliases; at most {limits.MaxAliases} are allowed.");
        }

        if (shape.ExpandedFields > limits.MaxComplexity)
        {
            throw Error(
                LimitErrorCodes.MaxComplexityExceeded,
                $"The document selects {shape.ExpandedFields:0} fields once its fragments are expanded; the most it may cost is {limits.MaxComplexity}.");
        }

        if (shape.Depth > limits.MaxDepth)
        {
            throw Error(LimitErrorCodes.MaxDepthExceeded, $"The operation nests fields {shape.Depth} levels deep; at most {limits.MaxDepth} are allowed.");
        }

        if (shape.IntrospectionListDepth > MaxIntrospectionListDepth)
        {
            throw Error(
                LimitErrorCodes.MaxIntrospectionDepthExceeded,
                $"Introspection nests fields, inputFields, interfaces or possibleTypes {shape.IntrospectionListDepth} deep; at most {MaxIntrospectionListDepth} are allowed.");
        }

        return default;
    }

    private static ValidationError Error(string code, string message) => new(message) { Code = code };
}
