using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;

namespace SpmGraph.Server.Caching;

/// <summary>
/// A query's answer as sent: the JSON body and its entity tag (and the operation's name, for telemetry), a hash of the media type and the body, so equal
/// answers have equal tags on every instance and a changed answer never keeps its tag. Immutable, so the cache
/// shares one instance between requests.
/// </summary>
[ImmutableObject(true)]
public sealed record GraphQLAnswer(byte[] Body, string ETag, string? OperationName)
{
    public static GraphQLAnswer Of(byte[] body, string mediaType, string? operationName)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(mediaType));
        hash.AppendData([0]);
        hash.AppendData(body);
        return new GraphQLAnswer(body, "\"" + Convert.ToBase64String(hash.GetHashAndReset(), 0, 18).Replace('+', '-').Replace('/', '_') + "\"", operationName);
    }
}
