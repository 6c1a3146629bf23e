using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;

namespace SpmGraph.GraphQL.Limits;

/// <summary>How GraphQL.NET's complexity analyzer prices an operation here, and the error it gives when that is too much.</summary>
internal static class QueryCost
{
    /// <summary>
    /// Introspection answers from the schema in memory: each of its fields costs one, whatever the lists above it
    /// (DocumentShapeValidationRule bounds how deeply its recursive lists nest). GraphQL.NET gives the meta fields
    /// delegates of their own that multiply by list sizes, so every introspection field gets a flat one instead.
    /// </summary>
    public static void PriceIntrospection(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        IEnumerable<FieldType> fields =
        [
            schema.SchemaMetaFieldType,
            schema.TypeMetaFieldType,
            schema.TypeNameMetaFieldType,
            .. schema.AllTypes.OfType<IComplexGraphType>().Where(t => t.Name.StartsWith("__", StringComparison.Ordinal)).SelectMany(t => t.Fields),
        ];
        foreach (var field in fields)
        {
            field.WithComplexityImpact(1, 1);
        }
    }

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

        // Introspection is priced on its fields (PriceIntrospection): their own delegates come before this default.

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
