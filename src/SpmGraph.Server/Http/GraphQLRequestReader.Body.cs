using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace SpmGraph.Server.Http;

/// <summary>
/// POST: the body, JSON in UTF-8 and at most <see cref="GraphQLHttpOptions.MaxRequestBodySize"/> bytes, holding one
/// request object: batches (a JSON array) are refused.
/// </summary>
internal sealed partial class GraphQLRequestReader
{
    /// <summary>The request in a JSON body; the caller has checked the Content-Type.</summary>
    public async Task<(GraphQLHttpRequest? Request, HttpRequestError? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await ReadBytesAsync(request, _maxBodySize, cancellationToken) is not { } body)
        {
            return (null, new HttpRequestError(StatusCodes.Status413PayloadTooLarge, HttpErrorCodes.PayloadTooLarge, $"The request body is larger than {_maxBodySize} bytes."));
        }

        return ParseBody(body);
    }

    private (GraphQLHttpRequest? Request, HttpRequestError? Error) ParseBody(ReadOnlyMemory<byte> body)
    {
        var bytes = body.Span;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
            bytes = body.Span;
        }

        if (bytes.IsEmpty)
        {
            return (null, HttpRequestError.BadRequest("The request body is empty; expected a JSON object with a 'query'."));
        }

        // Refused before parsing, however many requests the array holds.
        if (bytes.TrimStart(" \t\r\n"u8) is [(byte)'[', ..])
        {
            return (null, HttpRequestError.BadRequest("Batching is not supported: send one GraphQL request (a JSON object) per HTTP request."));
        }

        // JSON is UTF-8; checking up front also keeps invalid bytes out of the strings we decode.
        if (!Utf8.IsValid(bytes))
        {
            return (null, HttpRequestError.InvalidJson("The request body is not valid UTF-8."));
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body, JsonOptions);
        }
        catch (JsonException ex)
        {
            return (null, HttpRequestError.InvalidJson("The request body is not valid JSON: " + ex.Message));
        }

        using (json)
        {
            try
            {
                return ReadRequest(json.RootElement);
            }
            catch (Exception ex) when (ex is InvalidOperationException or JsonException)
            {
                // Strings that are valid UTF-8 but not valid text, such as an unpaired "\ud800" escape. The reader's own
                // message names .NET types and JSON paths: say what is wrong in the client's terms instead.
                return (null, HttpRequestError.InvalidJson("The request body has a JSON string that is not valid Unicode text: an unpaired surrogate escape such as \\ud800."));
            }
        }
    }

    private (GraphQLHttpRequest? Request, HttpRequestError? Error) ReadRequest(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, HttpRequestError.BadRequest("The request body must be a JSON object."));
        }

        if (!TryReadString(root, "query", out var query) || !TryReadString(root, "documentId", out var documentId))
        {
            return (null, HttpRequestError.BadRequest("The 'query' and 'documentId' parameters must be strings (one of them is required)."));
        }

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var operation) && operation.ValueKind != JsonValueKind.Null)
        {
            if (operation.ValueKind != JsonValueKind.String)
            {
                return (null, HttpRequestError.BadRequest("The 'operationName' parameter must be a string or null."));
            }

            operationName = operation.GetString();
        }

        if (!TryReadMap(root, "variables", out var variables, out var error) || !TryReadMap(root, "extensions", out var extensions, out error))
        {
            return (null, HttpRequestError.BadRequest(error!));
        }

        return (GraphQLHttpRequest.Of(query, documentId, operationName, variables, extensions), null);
    }

    /// <summary>An optional string member; null and absent both give <see langword="null"/>.</summary>
    private static bool TryReadString(JsonElement root, string key, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(key, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString();
        return true;
    }

    /// <summary>The body, or <see langword="null"/> when it is larger than <paramref name="limit"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBytesAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
