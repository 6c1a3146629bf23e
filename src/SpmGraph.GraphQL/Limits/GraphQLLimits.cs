using Microsoft.Extensions.Options;

namespace SpmGraph.GraphQL.Limits;

/// <summary>
/// The limits every GraphQL request is held to, bound from the <see cref="SectionName"/> configuration section.
/// The same section also sets the query conventions' page and filter limits (DefaultPageSize, MaxPageSize,
/// MaxInListLength, MaxFilterDepth of <see cref="QueryConventions.QueryConventionOptions"/>).
/// </summary>
public sealed class GraphQLLimits
{
    public const string SectionName = "GraphQL:Limits";

    /// <summary>Deepest field nesting of an operation (`{ a { b } }` is 2); introspection fields are left out.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Highest cost of an operation: one per field, times the sizes of the lists above it, a list counting as its
    /// `first`/`last` argument or else the default page size.
    /// </summary>
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>Most aliases (`name: field`) in one document; enough for one per province (38).</summary>
    public int MaxAliases { get; set; } = 100;

    /// <summary>Longest document, in characters.</summary>
    public int MaxDocumentLength { get; set; } = 50_000;

    /// <summary>Most groups a stats field returns without `first`/`last`; a selection with more is refused (TOO_MANY_GROUPS), never cut.</summary>
    public int MaxGroups { get; set; } = 1000;

    /// <summary>How long a request may run before it is cancelled and answered with a TIMEOUT error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Fails start-up on unusable limits rather than the first request.</summary>
internal sealed class GraphQLLimitsValidation : IValidateOptions<GraphQLLimits>
{
    public ValidateOptionsResult Validate(string? name, GraphQLLimits options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxDepth < 1 || options.MaxComplexity < 1 || options.MaxAliases < 0 || options.MaxDocumentLength < 1 || options.MaxGroups < 1)
        {
            return ValidateOptionsResult.Fail($"{GraphQLLimits.SectionName}: MaxDepth, MaxComplexity, MaxDocumentLength and MaxGroups must be at least 1, MaxAliases at least 0.");
        }

        // CancellationTokenSource takes at most int.MaxValue milliseconds.
        return options.ExecutionTimeout <= TimeSpan.Zero || options.ExecutionTimeout.TotalMilliseconds > int.MaxValue
            ? ValidateOptionsResult.Fail($"{GraphQLLimits.SectionName}:ExecutionTimeout must be positive and under 24 days, e.g. 00:00:30.")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>Whether introspection (`__schema`, `__type`) is answered; bound from the `GraphQL` section.</summary>
public sealed class GraphQLIntrospectionOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Answer introspection; Banana Cake Pop needs it. `__typename` is always answered.</summary>
    public bool EnableIntrospection { get; set; } = true;
}
