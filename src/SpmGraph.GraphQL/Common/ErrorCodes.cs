namespace SpmGraph.GraphQL.Common;

/// <summary>The `extensions.code` values this API puts on its errors.</summary>
public static class ErrorCodes
{
    public const string InvalidArgument = "INVALID_ARGUMENT";

    public const string InvalidId = "INVALID_ID";
}
