using GraphQL;

namespace SpmGraph.QueryConventions;

/// <summary>The `extensions.code` values of the errors the conventions raise on bad input.</summary>
public static class QueryConventionErrors
{
    public const string InvalidPagingArgument = "INVALID_PAGING_ARGUMENT";

    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";

    public const string InvalidCursor = "INVALID_CURSOR";

    public const string InvalidFilter = "INVALID_FILTER";

    public const string InvalidSort = "INVALID_SORT";

    internal static ExecutionError Error(string code, string message) => new(message) { Code = code };
}
