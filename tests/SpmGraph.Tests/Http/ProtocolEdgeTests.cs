using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Model;
using SpmGraph.Server.Security;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Http;

/// <summary>
/// The edges of the protocol a real client hits: operation types the schema lacks, odd introspection, text that is not
/// text, which status an error gets under each Accept, and the one error shape of every non-GraphQL answer.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class ProtocolEdgeTests(SpmGraphFactory factory)
{
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    [Theory]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task A_subscription_is_a_request_error_not_a_server_error(string accept, HttpStatusCode expected)
    {
        using var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"subscription { x }"}""", accept);

        Assert.Equal(expected, response.StatusCode);
        var body = await AssertErrorShapeAsync(response, accept, "OPERATION_NOT_SUPPORTED");
        Assert.False(body.ContainsKey("data"));
        Assert.Contains("subscription", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a name")]
    [InlineData("NoSuchType")]
    public async Task A_type_lookup_by_a_name_no_type_has_answers_null(string name)
    {
        var body = await factory.ExecuteAsync("query Q($n: String!) { __type(name: $n) { name } }", new { n = name });

        Assert.Null(body["errors"]);
        Assert.True(body["data"]!.AsObject().ContainsKey("__type"));
        Assert.Null(body["data"]!["__type"]);
    }

    [Theory]
    [InlineData("""{"query":"query Q($a: String) { __typename }","variables":{"a":"\ud800"}}""")]
    [InlineData("""{"query":"query Q($a: [String]) { __typename }","variables":{"a":["x","\udfff"]}}""")]
    [InlineData("""{"query":"{ __typename }","extensions":{"a":"\ud800"}}""")]
    public async Task A_lone_surrogate_is_invalid_json_whose_message_names_no_dotnet_type(string body)
    {
        using var response = await SendAsync(HttpMethod.Post, "/graphql", body, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await AssertErrorShapeAsync(response, GraphQLResponseJson, "INVALID_JSON");
        var message = (string)json["errors"]![0]!["message"]!;
        Assert.DoesNotContain("GraphQL.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Inputs", message, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", message, StringComparison.Ordinal);
        Assert.Contains("surrogate", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_answers_isRepeatable_and_specifiedByURL()
    {
        var data = await factory.ExecuteDataAsync("""
            { __schema { directives { name isRepeatable } }
              string: __type(name: "String") { kind specifiedByURL }
              region: __type(name: "Region") { kind specifiedByURL } }
            """);

        var directives = data["__schema"]!["directives"]!.AsArray().ToDictionary(d => (string)d!["name"]!, d => (bool)d!["isRepeatable"]!);
        Assert.False(directives["skip"]);
        Assert.False(directives["include"]);
        Assert.False(directives["deprecated"]);
        Assert.Equal("SCALAR", (string?)data["string"]!["kind"]);
        Assert.Null(data["string"]!["specifiedByURL"]);
        Assert.Null(data["region"]!["specifiedByURL"]);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(14)]
    [InlineData(20)]
    public async Task The_standard_introspection_query_runs_whatever_its_ofType_nesting(int ofTypeDepth)
    {
        var data = await factory.ExecuteDataAsync(StandardIntrospectionQuery(ofTypeDepth));

        var types = data["__schema"]!["types"]!.AsArray();
        Assert.Contains(types, t => (string?)t!["name"] == "Region");
        Assert.Equal("Query", (string?)data["__schema"]!["queryType"]!["name"]);
        Assert.Contains(data["__schema"]!["directives"]!.AsArray(), d => (string?)d!["name"] == "skip" && (bool?)d["isRepeatable"] == false);
    }

    /// <summary>
    /// Argument errors are raised while the operation runs, by the field they are about: the response has `data` (here
    /// null, as the refused fields are non-null), so the GraphQL-over-HTTP spec's rule for a response with data applies and
    /// the status is 200 under either Accept; a request refused before execution (a limit, a syntax or validation error)
    /// has no data and is 400 with graphql-response+json.
    /// </summary>
    [Theory]
    [InlineData("{ regions(first: 101) { totalCount } }", "PAGE_SIZE_EXCEEDED")]
    [InlineData("{ regions(first: -1) { totalCount } }", "INVALID_PAGING_ARGUMENT")]
    [InlineData("{ regions(after: \"not-a-cursor\") { totalCount } }", "INVALID_CURSOR")]
    [InlineData("IN_LIST", "INVALID_FILTER")]
    [InlineData("DEEP_WHERE", "INVALID_FILTER")]
    public async Task Argument_errors_are_field_errors_answered_200_with_data_under_either_accept(string query, string code)
    {
        query = query switch
        {
            "IN_LIST" => "{ regions(where: { code: { in: [" + string.Join(", ", Enumerable.Range(0, 1001).Select(i => $"\"{i}\"")) + "] } }) { totalCount } }",
            "DEEP_WHERE" => "{ regions(where: " + string.Concat(Enumerable.Repeat("{ parent: ", 20)) + "{ code: { eq: \"19\" } }" + new string('}', 20) + ") { totalCount } }",
            _ => query,
        };

        foreach (var accept in new[] { GraphQLResponseJson, Json })
        {
            using var response = await SendAsync(HttpMethod.Post, "/graphql", new JsonObject { ["query"] = query }.ToJsonString(), accept);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await AssertErrorShapeAsync(response, accept, code);
            Assert.True(body.ContainsKey("data"), body.ToJsonString());
            Assert.Equal("regions", (string?)body["errors"]![0]!["path"]![0]);
        }
    }

    [Fact]
    public async Task An_argument_error_under_a_nullable_field_leaves_the_rest_of_the_data()
    {
        using var response = await SendAsync(
            HttpMethod.Post,
            "/graphql",
            new JsonObject { ["query"] = "{ a: region(code: \"19\") { children(first: 101) { totalCount } } b: region(code: \"19.71\") { name } }" }.ToJsonString(),
            GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AssertErrorShapeAsync(response, GraphQLResponseJson, "PAGE_SIZE_EXCEEDED");
        Assert.Null(body["data"]!["a"]);
        Assert.Equal("Kota Pangkal Pinang", (string?)body["data"]!["b"]!["name"]);
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData(Json)]
    [InlineData(null)]
    public async Task A_refused_credential_is_401_in_the_accepted_media_type(string? accept)
    {
        using var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", accept, r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer not-a-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertErrorShapeAsync(response, accept ?? Json, "UNAUTHENTICATED");
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData(Json)]
    public async Task A_request_over_the_rate_limit_is_429_in_the_accepted_media_type(string accept)
    {
        var key = await factory.Services.GetRequiredService<ApiKeyStore>()
            .CreateAsync($"accept-quota-{Guid.NewGuid():N}", AccessRole.National, null, requestsPerMinute: 1, CancellationToken.None);
        void WithKey(HttpRequestMessage request) => request.Headers.Add("X-Api-Key", key);

        using var first = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", accept, WithKey);
        using var second = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", accept, WithKey);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        await AssertErrorShapeAsync(second, accept, "RATE_LIMITED");
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData(Json)]
    public async Task Another_method_is_405_in_the_accepted_media_type(string accept)
    {
        using var response = await SendAsync(HttpMethod.Delete, "/graphql", null, accept);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await AssertErrorShapeAsync(response, accept, "METHOD_NOT_ALLOWED");
    }

    [Theory]
    [InlineData(Json)]
    [InlineData(GraphQLResponseJson)]
    public async Task An_anonymous_upload_is_a_shaped_401(string accept)
    {
        using var response = await SendAsync(HttpMethod.Post, "/import/achievements", null, accept, r => r.Content = new StringContent("region_code\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        await AssertErrorShapeAsync(response, accept, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task An_upload_to_an_unknown_kind_is_a_shaped_404()
    {
        using var response = await SendAsync(
            HttpMethod.Post,
            "/import/budgets",
            null,
            Json,
            r =>
            {
                r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", factory.TokenFor(AccessRole.Region, "19.71"));
                r.Content = new StringContent("region_code\n", Encoding.UTF8, "text/csv");
            });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertErrorShapeAsync(response, Json, "NOT_FOUND");
    }

    [Fact]
    public async Task Nodes_takes_at_most_a_hundred_ids()
    {
        var id = (string)(await factory.ExecuteDataAsync("{ region(code: \"19.71\") { id } }"))["region"]!["id"]!;
        const string query = "query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }";

        var hundred = await factory.ExecuteDataAsync(query, new { ids = Enumerable.Repeat(id, 100).ToArray() });
        var more = await factory.ExecuteAsync(query, new { ids = Enumerable.Repeat(id, 101).ToArray() });

        Assert.Equal(100, hundred["nodes"]!.AsArray().Count);
        Assert.Equal("INVALID_ARGUMENT", (string?)more["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("100", (string?)more["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    /// <summary>
    /// graphql-js's getIntrospectionQuery with every option on (descriptions, specifiedByURL, isRepeatable, schema
    /// description, input value deprecation), its TypeRef fragment nesting `ofType` <paramref name="ofTypeDepth"/> deep.
    /// </summary>
    private static string StandardIntrospectionQuery(int ofTypeDepth)
    {
        var typeRef = new StringBuilder("kind name");
        for (var i = 0; i < ofTypeDepth; i++)
        {
            typeRef.Insert(0, "kind name ofType { ").Append(" }");
        }

        return $$"""
            query IntrospectionQuery {
              __schema {
                description
                queryType { name kind }
                mutationType { name kind }
                subscriptionType { name kind }
                types { ...FullType }
                directives {
                  name
                  description
                  isRepeatable
                  locations
                  args(includeDeprecated: true) { ...InputValue }
                }
              }
            }
            fragment FullType on __Type {
              kind
              name
              description
              specifiedByURL
              fields(includeDeprecated: true) {
                name
                description
                args(includeDeprecated: true) { ...InputValue }
                type { ...TypeRef }
                isDeprecated
                deprecationReason
              }
              inputFields(includeDeprecated: true) { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue {
              name
              description
              type { ...TypeRef }
              defaultValue
              isDeprecated
              deprecationReason
            }
            fragment TypeRef on __Type { {{typeRef}} }
            """;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? json, string? accept, Action<HttpRequestMessage>? configure = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, Json);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    /// <summary>Asserts the one error shape {"errors":[{"message","extensions":{"code"}}]} in <paramref name="mediaType"/>, UTF-8.</summary>
    private static async Task<JsonObject> AssertErrorShapeAsync(HttpResponseMessage response, string mediaType, string code)
    {
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException("Not a JSON object: " + text);
        var error = Assert.IsType<JsonObject>(Assert.IsType<JsonArray>(body["errors"])[0]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]), text);
        Assert.Equal(code, (string?)error["extensions"]?["code"]);
        return body;
    }
}
