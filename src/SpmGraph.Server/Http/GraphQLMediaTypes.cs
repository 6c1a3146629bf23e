using Microsoft.Net.Http.Headers;

namespace SpmGraph.Server.Http;

/// <summary>Content negotiation for GraphQL over HTTP.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Utf8Suffix = "; charset=utf-8";

    /// <summary>
    /// Picks the response media type from the Accept header: the one with the higher quality; on a tie the
    /// more specific match wins, and a tie between wildcards gives application/json (spec watershed rule).
    /// A missing or unreadable Accept gives application/json; <see langword="null"/> means neither is acceptable.
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return Json;
        }

        var (graphQLQuality, graphQLSpecificity) = Score(ranges, "application", "graphql-response+json");
        var (jsonQuality, jsonSpecificity) = Score(ranges, "application", "json");
        if (graphQLQuality <= 0 && jsonQuality <= 0)
        {
            return null;
        }

        if (graphQLQuality != jsonQuality)
        {
            return graphQLQuality > jsonQuality ? GraphQLResponseJson : Json;
        }

        var graphQLWins = graphQLSpecificity > jsonSpecificity || (graphQLSpecificity == jsonSpecificity && graphQLSpecificity == 2);
        return graphQLWins ? GraphQLResponseJson : Json;
    }

    /// <summary>Whether the client names text/html itself (a browser navigating), not through a wildcard.</summary>
    public static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges)
        && ranges.Any(r => r.Type.Equals("text", StringComparison.OrdinalIgnoreCase)
            && r.SubType.Equals("html", StringComparison.OrdinalIgnoreCase)
            && (r.Quality ?? 1) > 0);

    /// <summary>Whether the request body is declared as JSON in UTF-8 (the charset may be omitted).</summary>
    public static bool IsJsonRequest(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return IsUtf8OrUnspecified(contentType);
    }

    /// <summary>The quality of the most specific range matching type/subType, and that specificity (2 exact, 1 type/*, 0 */*).</summary>
    internal static (double Quality, int Specificity) Score(IList<MediaTypeHeaderValue> ranges, string type, string subType)
    {
        var bestSpecificity = -1;
        var quality = 0d;
        foreach (var range in ranges)
        {
            int specificity;
            if (range.MatchesAllTypes)
            {
                specificity = 0;
            }
            else if (!range.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            else if (range.MatchesAllSubTypes)
            {
                specificity = 1;
            }
            else if (range.SubType.Equals(subType, StringComparison.OrdinalIgnoreCase))
            {
                specificity = 2;
            }
            else
            {
                continue;
            }

            // We only ever answer in UTF-8.
            if (!IsUtf8OrUnspecified(range))
            {
                continue;
            }

            var q = range.Quality ?? 1;
            if (specificity > bestSpecificity || (specificity == bestSpecificity && q > quality))
            {
                bestSpecificity = specificity;
                quality = q;
            }
        }

        return (quality, bestSpecificity);
    }

    private static bool IsUtf8OrUnspecified(MediaTypeHeaderValue value) =>
        !value.Charset.HasValue
        || value.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || value.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
