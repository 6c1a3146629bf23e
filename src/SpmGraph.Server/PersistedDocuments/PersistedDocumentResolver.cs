using GraphQL;

namespace SpmGraph.Server.PersistedDocuments;

/// <summary>
/// Turns a request's `query`, `documentId` (GraphQL-over-HTTP persisted documents) or
/// `extensions.persistedQuery.sha256Hash` (Apollo) into the text to run, under the OnlyPersisted switch.
/// Nothing is registered from requests: Apollo's automatic registration is not offered.
/// </summary>
internal sealed class PersistedDocumentResolver(PersistedDocumentStore store, Microsoft.Extensions.Options.IOptions<PersistedDocumentOptions> options)
{
    public const string NotFound = Http.HttpErrorCodes.PersistedDocumentNotFound;

    public const string Required = Http.HttpErrorCodes.PersistedDocumentRequired;

    private readonly bool _onlyPersisted = options.Value.OnlyPersisted;

    public async Task<PersistedDocumentResolution> ResolveAsync(string? query, string? documentId, Inputs? extensions, CancellationToken cancellationToken)
    {
        if (documentId is not null && query is not null)
        {
            return PersistedDocumentResolution.BadRequest("Send either 'query' or 'documentId', not both.");
        }

        var apolloHash = ApolloHash(extensions);
        if (documentId is null && apolloHash is null)
        {
            if (query is null)
            {
                return PersistedDocumentResolution.BadRequest("The 'query' parameter is required and must be a string (or send a 'documentId').");
            }

            return _onlyPersisted
                ? PersistedDocumentResolution.Error(Required, "This server runs registered documents only: send a 'documentId' instead of 'query'.")
                : PersistedDocumentResolution.Document(query);
        }

        string hash;
        if (documentId is not null)
        {
            if (!PersistedDocumentIds.TryParse(documentId, out hash))
            {
                return PersistedDocumentResolution.Error(NotFound, $"No document is registered as '{Shorten(documentId)}'; ids look like sha256:<64 hex digits>.");
            }
        }
        else
        {
            hash = apolloHash!;
            if (query is not null && !PersistedDocumentIds.Hash(System.Text.Encoding.UTF8.GetBytes(query)).Equals(hash, StringComparison.OrdinalIgnoreCase))
            {
                return PersistedDocumentResolution.BadRequest("The 'query' does not hash to extensions.persistedQuery.sha256Hash.");
            }
        }

        if (await store.FindAsync(hash, cancellationToken) is { } document)
        {
            return PersistedDocumentResolution.Document(document);
        }

        // Apollo clients resend the text with its hash: run it, unless only registered documents may run.
        return query is not null && !_onlyPersisted
            ? PersistedDocumentResolution.Document(query)
            : PersistedDocumentResolution.Error(NotFound, $"No document is registered as 'sha256:{Shorten(hash)}'.");
    }

    /// <summary>Apollo's `extensions: { persistedQuery: { version: 1, sha256Hash } }`.</summary>
    private static string? ApolloHash(Inputs? extensions) =>
        extensions is not null
        && extensions.TryGetValue("persistedQuery", out var persistedQuery)
        && persistedQuery is IDictionary<string, object?> fields
        && fields.TryGetValue("sha256Hash", out var hash)
            ? hash as string ?? string.Empty
            : null;

    /// <summary>Echoes at most a bounded part of what the client sent.</summary>
    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

/// <summary>The document text to run, or why there is none (a GraphQL request error, or a malformed request).</summary>
internal sealed record PersistedDocumentResolution(string? Query, string? ErrorCode, string? ErrorMessage, bool IsBadRequest)
{
    public static PersistedDocumentResolution Document(string query) => new(query, null, null, false);

    public static PersistedDocumentResolution Error(string code, string message) => new(null, code, message, false);

    public static PersistedDocumentResolution BadRequest(string message) => new(null, null, message, true);
}
