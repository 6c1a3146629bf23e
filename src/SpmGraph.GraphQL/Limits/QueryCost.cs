using GraphQL.Validation;
using GraphQL.Validation.Complexity;

namespace SpmGraph.GraphQL.Limits;

/// <summary>How GraphQL.NET's complexity analyzer prices an operation here, and the error it gives when that is too much.</summary>
internal static class QueryCost
{
    /// <summary>
    /// Every field costs one, times the sizes of the lists above it. A list's size is its `first`/`last` argument,
    /// or its connection field's (for `nodes` and `edges`), else <paramref name="defaultPageSize"/>: what the conventions return.
    /// </summary>
    public static void Configure(ComplexityOptions options, GraphQLLimits limits, int defaultPageSize)
    {
        options.MaxComplexity = limits.MaxComplexity;

        // Depth is DocumentShapeValidationRule's, which leaves introspection out (Banana Cake Pop's query nests 15 deep).
        options.MaxDepth = null;
        options.DefaultListImpactMultiplier = defaultPageSize;

        // Introspection answers from the schema in memory: a field costs one whatever the lists above it;
        // DocumentShapeValidationRule bounds how deeply its recursive lists nest.
        var standard = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context =>
            context.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || context.FieldDefinition.Name is "__schema" or "__type"
                ? new FieldComplexityResult(1, 1)
                : standard(context);

        options.ValidateComplexityDelegate = context =>
        {
            if (context.Error is not null)
            {
                context.Error = new ValidationError(
                    $"The operation costs {context.TotalImpact:0}; at most {limits.MaxComplexity} is allowed. Each field costs one, times the sizes "
                    + $"of the lists above it (a list counts as its first/last argument, else {defaultPageSize}): ask for smaller pages or fewer nested lists.")
                {
                    Code = LimitErrorCodes.MaxComplexityExceeded,
                };
            }

            return Task.CompletedTask;
        };
    }
}
