using System.Security.Cryptography;
using System.Text;

namespace SpmGraph.Server.PersistedDocuments;

/// <summary>
/// Document ids as the GraphQL-over-HTTP persisted documents proposal writes them, `sha256:&lt;hex&gt;`: the SHA-256
/// of the document's UTF-8 text, which is also its file name in the store (`&lt;hex&gt;.graphql`, as `sha256sum` prints it).
/// </summary>
public static class PersistedDocumentIds
{
    public const string Prefix = "sha256:";

    public const string FileExtension = ".graphql";

    /// <summary>The id of a document's exact text, e.g. "sha256:0f3c…".</summary>
    public static string ForDocument(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Prefix + Hash(Encoding.UTF8.GetBytes(document));
    }

    /// <summary>The file name to register a document under in the store's folder.</summary>
    public static string FileName(string document) => ForDocument(document)[Prefix.Length..] + FileExtension;

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The hash of a `sha256:&lt;64 hex digits&gt;` id (any case), lower-cased; false for anything else.</summary>
    public static bool TryParse(string id, out string hash)
    {
        ArgumentNullException.ThrowIfNull(id);
        hash = string.Empty;
        if (!id.StartsWith(Prefix, StringComparison.Ordinal) || !IsHash(id.AsSpan(Prefix.Length)))
        {
            return false;
        }

        hash = id[Prefix.Length..].ToLowerInvariant();
        return true;
    }

    /// <summary>Exactly 64 hex digits: also what keeps ids from naming any other file.</summary>
    public static bool IsHash(ReadOnlySpan<char> text) => text.Length == 64 && !text.ContainsAnyExcept(HexDigits);

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
