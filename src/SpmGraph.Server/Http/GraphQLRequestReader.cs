using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.Options;

namespace SpmGraph.Server.Http;

/// <summary>
/// Reads a GraphQL request from a GET query string or a POST body (the body in GraphQLRequestReader.Body.cs); the
/// `variables` and `extensions` maps are read alike from both.
/// </summary>
internal sealed partial class GraphQLRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLHttpOptions> options)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    private readonly long _maxBodySize = options.Value.MaxRequestBodySize;

    /// <summary>The request in a GET query string (`query`, `documentId`, `operationName`, `variables`, `extensions`).</summary>
    public (GraphQLHttpRequest? Request, HttpRequestError? Error) ReadQueryString(IQueryCollection query)
    {
        if (!TryGetSingle(query, "query", out var text) || !TryGetSingle(query, "documentId", out var documentId))
        {
            return (null, HttpRequestError.BadRequest("The 'query' and 'documentId' parameters must be given at most once."));
        }

        if (!TryGetSingle(query, "operationName", out var operationName))
        {
            return (null, HttpRequestError.BadRequest("The 'operationName' parameter must be given at most once."));
        }

        if (!TryReadMapParameter(query, "variables", out var variables, out var error)
            || !TryReadMapParameter(query, "extensions", out var extensions, out error))
        {
            return (null, HttpRequestError.BadRequest(error!));
        }

        return (GraphQLHttpRequest.Of(text, documentId, operationName, variables, extensions), null);
    }

    private static bool TryGetSingle(IQueryCollection query, string key, out string? value)
    {
        value = null;
        if (!query.TryGetValue(key, out var values))
        {
            return true;
        }

        if (values.Count != 1)
        {
            return false;
        }

        value = values[0];
        return true;
    }

    /// <summary>A GET parameter holding a JSON object (or null), as GraphQL inputs.</summary>
    private bool TryReadMapParameter(IQueryCollection query, string key, out Inputs? inputs, out string? error)
    {
        inputs = null;
        error = null;
        if (!TryGetSingle(query, key, out var text))
        {
            error = $"The '{key}' parameter must be given at most once.";
            return false;
        }

        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            using var json = JsonDocument.Parse(text, JsonOptions);
            return TryReadMap(json.RootElement, key, out inputs, out error, isValue: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException)
        {
            error = $"The '{key}' parameter must be a JSON object.";
            return false;
        }
    }

    /// <summary>An optional JSON object member (or, with <paramref name="isValue"/>, the element itself) as GraphQL inputs.</summary>
    private bool TryReadMap(JsonElement element, string key, out Inputs? inputs, out string? error, bool isValue = false)
    {
        inputs = null;
        error = null;
        if (!isValue && !element.TryGetProperty(key, out element))
        {
            return true;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                inputs = serializer.ReadNode<Inputs>(element);
                return true;
            default:
                error = $"The '{key}' parameter must be a JSON object or null.";
                return false;
        }
    }
}
