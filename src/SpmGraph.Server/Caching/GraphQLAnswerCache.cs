using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Limits;
using SpmGraph.GraphQL.Security;
using SpmGraph.Server.Http;
using SpmGraph.Server.Observability;

namespace SpmGraph.Server.Caching;

/// <summary>
/// Query answers keyed by the <see cref="SpmGraph.Domain.Model.DataVersion"/>, the document, its operation name and
/// variables, the caller's scope and the media type: an answer is reused until the next committed write anywhere, on every instance
/// sharing the database (and its optional second-level cache). Only answers without errors are kept.
/// </summary>
internal sealed class GraphQLAnswerCache(HybridCache cache, IOptions<AnswerCacheOptions> options, IGraphQLTextSerializer serializer, ValidatedDocumentCache documents)
{
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    /// <summary>The `cache` label of this cache's hits and misses.</summary>
    private const string MetricName = "answers";

    private readonly AnswerCacheOptions _options = options.Value;

    private readonly HybridCacheEntryOptions _write = new() { Expiration = options.Value.Expiration, LocalCacheExpiration = options.Value.Expiration };

    /// <summary>
    /// The key of this request's answer, or null with the cache off or for a mutation whose document is known (a mutation's
    /// answer is never stored, so its run need not read the version first). Reads the data version (before any data).
    /// </summary>
    public async Task<string?> KeyAsync(HttpContext context, string query, GraphQLHttpRequest request, string mediaType)
    {
        if (!_options.Enabled || documents.IsKnownMutation(query, request.OperationName))
        {
            return null;
        }

        var version = await context.RequestServices.GetRequiredService<RequestDataVersion>().GetAsync(context.RequestAborted);
        var scope = CallerScope.From(context.User);
        var text = new StringBuilder(query.Length + 128)
            .Append(query).Append('\0')
            .Append(request.OperationName).Append('\0')
            .Append(request.Variables is null ? "" : serializer.Serialize(request.Variables)).Append('\0')
            .Append(scope.Role).Append('/').Append(scope.RegionCode).Append('\0')
            .Append(mediaType)
            .ToString();
        return $"spmgraph:answer:{version}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}";
    }

    public async Task<GraphQLAnswer?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var answer = await cache.GetOrCreateAsync(key, static _ => ValueTask.FromResult<GraphQLAnswer?>(null), ReadOnly, cancellationToken: cancellationToken);
        if (answer is null)
        {
            SpmMetrics.CacheMiss(MetricName);
        }
        else
        {
            SpmMetrics.CacheHit(MetricName);
        }

        return answer;
    }

    public async Task SetAsync(string key, GraphQLAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.Body.Length <= _options.MaxAnswerBytes)
        {
            await cache.SetAsync(key, answer, _write, cancellationToken: cancellationToken);
        }
    }
}
