using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpmGraph.Server.PersistedDocuments;

namespace SpmGraph.Tests.Infrastructure;

/// <summary>Contract operations run as a browser or client runs them: `GET /graphql?documentId=...&amp;variables=...`.</summary>
public static class PersistedDocumentRequests
{
    /// <summary>The data of the contract operation <paramref name="operation"/>, run by its id; fails the test on errors.</summary>
    public static async Task<JsonObject> GetDataAsync(this SpmGraphFactory factory, string operation, JsonNode? variables, string? bearerToken = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var id = PersistedDocumentIds.ForDocument(ContractOperations.Registered(operation));
        var variablesJson = variables?.ToJsonString() ?? "{}";
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            new Uri($"/graphql?documentId={Uri.EscapeDataString(id)}&variables={Uri.EscapeDataString(variablesJson)}", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Not JSON ({(int)response.StatusCode}): {text}");
        if (body["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"{operation} {variablesJson} answered errors: " + errors.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        return body["data"]!.AsObject();
    }
}
