using Microsoft.Net.Http.Headers;
using SpmGraph.Server.Caching;
using SpmGraph.Server.Security;

namespace SpmGraph.Server.Http;

/// <summary>
/// HTTP caching of query answers for polling clients: an `ETag` on every answer without errors, `304 Not Modified`
/// when a GET or a persisted document's `If-None-Match` names it, and a `Cache-Control` under which every cache
/// revalidates and no shared cache keeps an answer given to a signed-in caller.
/// </summary>
internal static class ConditionalAnswers
{
    /// <summary>What an answer depends on besides the URL and body: the media type and the credentials.</summary>
    private static readonly string Vary = string.Join(", ", HeaderNames.Accept, HeaderNames.Authorization, ApiKeyAuthenticationHandler.Header);

    public static async Task WriteAsync(HttpContext context, GraphQLAnswer answer, string mediaType, bool conditional)
    {
        var response = context.Response;
        response.Headers.ETag = answer.ETag;
        response.Headers.Vary = Vary;
        response.Headers.CacheControl = context.User.Identity?.IsAuthenticated == true ? "private, no-cache" : "public, no-cache";
        if (conditional && Matches(context.Request, answer.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = mediaType + GraphQLMediaTypes.Utf8Suffix;
        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    /// <summary>Answers that may not be stored anywhere: errors, mutations.</summary>
    public static void NotStored(HttpContext context) => context.Response.Headers.CacheControl = "no-store";

    private static bool Matches(HttpRequest request, string etag)
    {
        var tags = request.GetTypedHeaders().IfNoneMatch;
        if (tags.Count == 0)
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
