namespace SpmGraph.GraphQL.Limits;

/// <summary>The `extensions.code` values of requests turned away by a limit, and of masked server errors.</summary>
public static class LimitErrorCodes
{
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";

    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";

    public const string MaxDocumentLengthExceeded = "MAX_DOCUMENT_LENGTH_EXCEEDED";

    /// <summary>Introspection nests `fields`, `inputFields`, `interfaces` or `possibleTypes` too deeply.</summary>
    public const string MaxIntrospectionDepthExceeded = "MAX_INTROSPECTION_DEPTH_EXCEEDED";

    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";

    /// <summary>A stats field without `first`/`last` would return more than <see cref="GraphQLLimits.MaxGroups"/> groups.</summary>
    public const string TooManyGroups = "TOO_MANY_GROUPS";

    /// <summary>An operation type the schema does not have (subscriptions).</summary>
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";

    /// <summary>GraphQL.NET's code for a request that ran past <see cref="GraphQLLimits.ExecutionTimeout"/>.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>An unexpected exception, its details kept out of the response outside Development.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}
