using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace SpmGraph.Server.Http;

/// <summary>
/// The one writer of the server's error answers that are not a GraphQL execution result (transport errors, refused
/// credentials, rate limits, uploads): always `{"errors":[{"message":...,"extensions":{"code":...}}]}`, in the media type
/// the request's Accept prefers (application/graphql-response+json or application/json; application/json when it
/// allows neither), UTF-8.
/// </summary>
internal static class ErrorAnswers
{
    /// <summary>Headers an answer keeps when a half-written response is cleared for the error.</summary>
    private static readonly string[] KeptHeaders = ["Allow", "WWW-Authenticate", "Retry-After"];

    /// <summary>One error object; <paramref name="extensions"/> adds members beside `code` (e.g. an upload's line and column).</summary>
    public static JsonObject Error(string code, string message, JsonObject? extensions = null)
    {
        var members = new JsonObject { ["code"] = code };
        foreach (var (name, value) in extensions ?? [])
        {
            members[name] = value?.DeepClone();
        }

        return new JsonObject { ["message"] = message, ["extensions"] = members };
    }

    public static Task WriteAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, [Error(code, message)]);

    /// <summary>Writes <paramref name="errors"/>, after the members of <paramref name="body"/> when given (an upload's counts).</summary>
    public static async Task WriteAsync(HttpContext context, int status, IEnumerable<JsonObject> errors, JsonObject? body = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted)
        {
            // Part of a response is out already; all we can do is cut the connection.
            context.Abort();
            return;
        }

        var kept = KeptHeaders.Select(h => (Name: h, Value: response.Headers[h])).Where(h => !StringValues.IsNullOrEmpty(h.Value)).ToList();
        response.Clear();
        foreach (var (name, value) in kept)
        {
            response.Headers[name] = value;
        }

        body ??= [];
        body["errors"] = new JsonArray([.. errors]);
        context.Features.Get<IGraphQLRequestObservation>()?.Refused(body["errors"]!.AsArray().OfType<JsonObject>());
        response.StatusCode = status;
        response.ContentType = (GraphQLMediaTypes.Negotiate(context.Request) ?? GraphQLMediaTypes.Json) + GraphQLMediaTypes.Utf8Suffix;
        await using var writer = new Utf8JsonWriter(response.Body);
        body.WriteTo(writer);
        await writer.FlushAsync(CancellationToken.None);
    }
}
