using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Http;

/// <summary>GraphQL over HTTP at /graphql: methods, media types, status codes and error bodies.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed partial class GraphQLHttpTransportTests(SpmGraphFactory factory)
{
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    [Fact]
    public async Task Post_json_executes_the_query()
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertContentType(response, Json);
        var body = await ReadJsonAsync(response);
        Assert.Equal("Query", (string?)body["data"]?["__typename"]);
        Assert.Null(body["errors"]);
    }

    [Fact]
    public async Task Post_json_with_charset_and_variables_executes_the_query()
    {
        using var response = await PostAsync(
            """{"query":"query Q($n: String!) { __type(name: $n) { name } }","operationName":"Q","variables":{"n":"Query"},"extensions":null}""",
            contentType: "application/json; charset=UTF-8",
            accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertContentType(response, GraphQLResponseJson);
        var body = await ReadJsonAsync(response);
        Assert.Equal("Query", (string?)body["data"]?["__type"]?["name"]);
    }

    [Fact]
    public async Task Get_executes_a_query_from_the_query_string()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query Q($n: String!) { __type(name: $n) { name } }")
            + "&variables=" + Uri.EscapeDataString("""{"n":"Query"}""");
        using var response = await SendAsync(HttpMethod.Get, url, accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertContentType(response, GraphQLResponseJson);
        var body = await ReadJsonAsync(response);
        Assert.Equal("Query", (string?)body["data"]?["__type"]?["name"]);
    }

    [Fact]
    public async Task Mutation_over_get_is_405_with_allow_post()
    {
        // The schema has no mutation type: the operation type is known from parsing alone.
        using var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { x }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        await AssertErrorAsync(response, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var response = await SendAsync(HttpMethod.Put, "/graphql", """{"query":"{ __typename }"}""", Json);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, POST", string.Join(", ", response.Content.Headers.Allow.Order()));
        await AssertErrorAsync(response, "METHOD_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Post_with_another_content_type_is_415(string contentType)
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertErrorAsync(response, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Theory]
    [InlineData(Json)]
    [InlineData(GraphQLResponseJson)]
    public async Task Invalid_json_is_400(string accept)
    {
        using var response = await PostAsync("""{ "not a JSON""", accept: accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertContentType(response, accept);
        await AssertErrorAsync(response, "INVALID_JSON");
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"query":"{ __typename }","operationName":"X"}""");
        bytes[^3] = 0xFF; // the X: 0xFF never occurs in UTF-8
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Json);
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertErrorAsync(response, "INVALID_JSON");
    }

    [Theory]
    [InlineData("""{"query":"{ __typename }","variables":{"a":"\ud800"}}""")]
    [InlineData("""{"query":"\ud800"}""")]
    public async Task Unpaired_surrogates_are_400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertErrorAsync(response, "INVALID_JSON");
    }

    [Fact]
    public async Task Get_with_a_syntax_error_is_a_graphql_error()
    {
        using var response = await SendAsync(HttpMethod.Get, "/graphql?query=%7B__typename%7D%25FF", accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertErrorAsync(response, "SYNTAX_ERROR");
    }

    [Theory]
    [InlineData("""{"notquery":"{ __typename }"}""")]
    [InlineData("""{"query":1}""")]
    [InlineData("""{"query":null}""")]
    [InlineData("""["{ __typename }"]""")]
    [InlineData("")]
    [InlineData("""{"query":"{ __typename }","variables":"{}"}""")]
    [InlineData("""{"query":"{ __typename }","extensions":[]}""")]
    [InlineData("""{"query":"{ __typename }","operationName":false}""")]
    public async Task Malformed_requests_are_400_whatever_the_accept(string body)
    {
        foreach (var accept in new[] { Json, GraphQLResponseJson })
        {
            using var response = await PostAsync(body, accept: accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await AssertErrorAsync(response, "BAD_REQUEST");
        }
    }

    [Fact]
    public async Task Get_without_query_is_400()
    {
        using var response = await SendAsync(HttpMethod.Get, "/graphql", accept: Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertErrorAsync(response, "BAD_REQUEST");
    }

    [Fact]
    public async Task Get_with_non_object_variables_is_400()
    {
        using var response = await SendAsync(HttpMethod.Get, "/graphql?query=%7B__typename%7D&variables=%5B1%5D");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertErrorAsync(response, "BAD_REQUEST");
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/xml, text/plain")]
    [InlineData("application/json; charset=latin1")]
    public async Task Accept_allowing_neither_json_type_is_406(string accept)
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", accept: accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        AssertContentType(response, Json);
        await AssertErrorAsync(response, "NOT_ACCEPTABLE");
    }

    [Theory]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponseJson)]
    [InlineData("application/json;q=0.5, application/graphql-response+json;q=0.4", Json)]
    [InlineData("application/graphql-response+json, */*;q=0.1", GraphQLResponseJson)]
    [InlineData("text/html, application/graphql-response+json;q=0.8", GraphQLResponseJson)]
    [InlineData("application/json;q=0, */*", GraphQLResponseJson)]
    public async Task Response_media_type_follows_accept(string? accept, string expected)
    {
        using var response = await PostAsync("""{"query":"{ __typename }"}""", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertContentType(response, expected);
    }

    [Theory]
    [InlineData("{ doesNotExist }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{", "SYNTAX_ERROR")]
    public async Task Request_errors_are_400_with_graphql_response_json_and_200_with_json(string query, string code)
    {
        var body = new JsonObject { ["query"] = query }.ToJsonString();

        using (var response = await PostAsync(body, accept: GraphQLResponseJson))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            AssertContentType(response, GraphQLResponseJson);
            var json = await AssertErrorAsync(response, code);
            Assert.False(json.ContainsKey("data"));
        }

        using (var response = await PostAsync(body, accept: Json))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertContentType(response, Json);
            await AssertErrorAsync(response, code);
        }
    }

    [Fact]
    public async Task Variable_coercion_failure_is_400_with_graphql_response_json()
    {
        using var response = await PostAsync(
            """{"query":"query Q($id: ID!) { __typename }","variables":{"id":null}}""",
            accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await ReadJsonAsync(response);
        Assert.NotNull((string?)json["errors"]?[0]?["extensions"]?["code"]);
    }

    [Fact]
    public async Task Too_large_body_is_413()
    {
        var padding = new string(' ', 300 * 1024);
        using var response = await PostAsync("{\"query\":\"{ __typename }\"" + padding + "}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertErrorAsync(response, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task Sdl_returns_the_schema_as_text()
    {
        using var response = await SendAsync(HttpMethod.Get, "/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertContentType(response, "text/plain");
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Contains("type Query", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_get_serves_banana_cake_pop_and_its_assets()
    {
        using var response = await SendAsync(HttpMethod.Get, "/graphql", accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.Content.Headers.ContentType?.MediaType == "text/html",
            "Expected the Banana Cake Pop page; is it installed (`npm ci` in src/SpmGraph.Server)? Got: " + text);
        Assert.Contains("<title>Banana Cake Pop</title>", text, StringComparison.Ordinal);
        Assert.Contains("<base href=\"/graphql/\"/>", text, StringComparison.Ordinal);

        // Every script and stylesheet the page names is served locally (no CDN).
        var assets = AssetReference().Matches(text).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            Assert.DoesNotContain("//", asset, StringComparison.Ordinal);
            using var assetResponse = await SendAsync(HttpMethod.Get, "/graphql/" + asset.TrimStart('.', '/'));
            Assert.True(assetResponse.StatusCode == HttpStatusCode.OK, $"{asset}: {assetResponse.StatusCode}");
        }
    }

    [Fact]
    public async Task Missing_ide_file_is_404()
    {
        using var response = await SendAsync(HttpMethod.Get, "/graphql/static/js/nope.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Bcp_config_points_the_ide_at_the_endpoint()
    {
        using var response = await SendAsync(HttpMethod.Get, "/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertContentType(response, Json);
        var config = await ReadJsonAsync(response);
        Assert.Equal("/graphql", (string?)config["endpoint"]);
        Assert.True((bool?)config["useBrowserUrlAsEndpoint"]);
        Assert.True((bool?)config["disableTelemetry"]);
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+\\.(?:js|css))\"")]
    private static partial Regex AssetReference();

    private Task<HttpResponseMessage> PostAsync(string body, string? contentType = Json, string? accept = null) =>
        SendAsync(HttpMethod.Post, "/graphql", body, contentType, accept);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? body = null, string? contentType = null, string? accept = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }

    private static void AssertContentType(HttpResponseMessage response, string mediaType)
    {
        var contentType = response.Content.Headers.ContentType;
        Assert.NotNull(contentType);
        Assert.Equal(mediaType, contentType.MediaType);
        Assert.Equal("utf-8", contentType.CharSet);
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException("Not a JSON object: " + text);
    }

    /// <summary>Asserts the GraphQL error shape {"errors":[{"message","extensions":{"code"}}]} and the first code.</summary>
    private static async Task<JsonObject> AssertErrorAsync(HttpResponseMessage response, string code)
    {
        var json = await ReadJsonAsync(response);
        var errors = Assert.IsType<JsonArray>(json["errors"]);
        var error = Assert.IsType<JsonObject>(Assert.Single(errors));
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        Assert.Equal(code, (string?)error["extensions"]?["code"]);
        return json;
    }
}
