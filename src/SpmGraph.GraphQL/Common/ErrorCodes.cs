using SpmGraph.Domain.Writing;

namespace SpmGraph.GraphQL.Common;

/// <summary>The `extensions.code` values this API puts on its field errors (README, "Error codes").</summary>
public static class ErrorCodes
{
    public const string InvalidArgument = "INVALID_ARGUMENT";

    public const string InvalidId = "INVALID_ID";

    /// <summary>A field names a scoring scheme that does not exist (the same code as the mutations' user error).</summary>
    public const string UnknownScheme = WriteErrorCodes.UnknownScheme;
}
