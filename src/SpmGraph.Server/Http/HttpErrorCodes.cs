using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Limits;

namespace SpmGraph.Server.Http;

/// <summary>
/// The `extensions.code` values of the server's answers outside GraphQL execution (README, "Error codes"). Codes
/// defined elsewhere are named here, not defined again.
/// </summary>
public static class HttpErrorCodes
{
    public const string BadRequest = "BAD_REQUEST";

    public const string InvalidJson = "INVALID_JSON";

    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    public const string NotAcceptable = "NOT_ACCEPTABLE";

    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    public const string NotFound = "NOT_FOUND";

    public const string RateLimited = "RATE_LIMITED";

    public const string PersistedDocumentNotFound = "PERSISTED_DOCUMENT_NOT_FOUND";

    public const string PersistedDocumentRequired = "PERSISTED_DOCUMENT_REQUIRED";

    /// <summary>An upload's header names a column the import does not have.</summary>
    public const string UnknownColumn = "UNKNOWN_COLUMN";

    public const string DuplicateColumn = "DUPLICATE_COLUMN";

    public const string MissingColumn = "MISSING_COLUMN";

    /// <summary>A credential that is invalid, expired or revoked, or none where one is needed.</summary>
    public const string Unauthenticated = WriteErrorCodes.Unauthenticated;

    public const string Forbidden = WriteErrorCodes.Forbidden;

    public const string InternalServerError = LimitErrorCodes.InternalServerError;
}
