using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Security;

/// <summary>
/// Requests meant to exhaust the server. Each is turned away with a GraphQL error that has a code, without running
/// SQL where the rejection comes before execution, and the server answers a normal query correctly afterwards.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class HostileQueryTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Thirty_levels_of_nesting_are_rejected_before_execution()
    {
        var query = "{ region(code: \"19.71\") { " + string.Concat(Enumerable.Repeat("parent { ", 30)) + "name" + new string('}', 31) + " }";

        await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, query, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Nesting_past_the_parsers_limit_is_a_depth_error_not_a_server_error()
    {
        var query = "{ region(code: \"19.71\") { " + string.Concat(Enumerable.Repeat("parent { ", 300)) + "name" + new string('}', 301) + " }";

        await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, query, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task A_thousand_aliases_are_rejected_before_execution()
    {
        var aliases = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"n{i}: name"));

        await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, "{ region(code: \"19.71\") { " + aliases + " } }", "MAX_ALIASES_EXCEEDED");
    }

    [Fact]
    public async Task A_thousand_aliased_root_fields_are_rejected_before_execution()
    {
        var aliases = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"r{i}: regions(first: 100) {{ nodes {{ name }} }}"));

        await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, "{ " + aliases + " }", "MAX_ALIASES_EXCEEDED");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_fragment_bomb_is_rejected_before_its_fragments_are_expanded(bool nested)
    {
        // Each fragment spreads the next twice: 2^40 fields in about 2 KB. GraphQL.NET's own rules would take hours.
        var document = new StringBuilder("{ region(code: \"19.71\") { ...F0 } }\n");
        const int levels = 40;
        for (var i = 0; i < levels; i++)
        {
            document.Append(nested
                ? $"fragment F{i} on Region {{ parent {{ ...F{i + 1} }} children {{ nodes {{ ...F{i + 1} }} }} }}\n"
                : $"fragment F{i} on Region {{ name ...F{i + 1} ...F{i + 1} }}\n");
        }

        document.Append($"fragment F{levels} on Region {{ name }}\n");

        await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, document.ToString(), "MAX_COMPLEXITY_EXCEEDED");
    }

    [Fact]
    public async Task A_fragment_cycle_is_rejected_before_execution()
    {
        const string query = """
            { region(code: "19.71") { ...A } }
            fragment A on Region { parent { ...B } }
            fragment B on Region { children { nodes { ...A } } }
            """;

        await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, query, "NO_FRAGMENT_CYCLES");
    }

    [Fact]
    public async Task A_self_spreading_fragment_is_rejected_before_execution()
    {
        await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, "{ region(code: \"19.71\") { ...A } } fragment A on Region { name ...A }", "NO_FRAGMENT_CYCLES");
    }

    [Fact]
    public async Task Nested_pages_of_a_hundred_are_rejected_as_too_costly()
    {
        const string query = "{ regions(first: 100) { nodes { children(first: 100) { nodes { opds(first: 100) { nodes { name } } } } } } }";

        var body = await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, query, "MAX_COMPLEXITY_EXCEEDED");
        Assert.Contains("25000", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recursive_introspection_is_rejected_before_execution()
    {
        const string query = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";

        await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, query, "MAX_INTROSPECTION_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task A_document_longer_than_the_limit_is_rejected_before_parsing()
    {
        // 60,000 characters, well inside the body limit.
        var query = "{ __typename }" + new string(' ', 60_000);

        await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, query, "MAX_DOCUMENT_LENGTH_EXCEEDED");
    }

    [Fact]
    public async Task A_hundred_thousand_values_in_a_variable_list_are_refused_by_the_body_limit()
    {
        var codes = Enumerable.Range(0, 100_000).Select(i => (i % 100).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var body = JsonSerializer.Serialize(new { query = "query Q($codes: [String]) { regions(where: { code: { in: $codes } }) { totalCount } }", variables = new { codes } });

        var (status, json) = await SecurityHttp.PostRawAsync(factory, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("PAYLOAD_TOO_LARGE", SecurityHttp.Code(json));
        Assert.Empty(factory.Sql.Commands);
        await SecurityHttp.AssertServerAnswersAsync(factory);
    }

    [Fact]
    public async Task Five_thousand_values_in_an_in_filter_are_refused_without_sql()
    {
        var codes = Enumerable.Range(0, 5_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var body = JsonSerializer.Serialize(new { query = "query Q($codes: [String]) { regions(where: { code: { in: $codes } }) { totalCount } }", variables = new { codes } });

        var (_, json) = await SecurityHttp.PostRawAsync(factory, body);

        Assert.Equal("INVALID_FILTER", SecurityHttp.Code(json));
        Assert.Empty(factory.Sql.Commands);
        await SecurityHttp.AssertServerAnswersAsync(factory);
    }

    [Fact]
    public async Task A_one_megabyte_string_is_refused_by_the_body_limit()
    {
        var body = JsonSerializer.Serialize(new { query = "query Q($code: String!) { region(code: $code) { name } }", variables = new { code = new string('x', 1024 * 1024) } });

        var (status, json) = await SecurityHttp.PostRawAsync(factory, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("PAYLOAD_TOO_LARGE", SecurityHttp.Code(json));
        Assert.Empty(factory.Sql.Commands);
        await SecurityHttp.AssertServerAnswersAsync(factory);
    }

    [Fact]
    public async Task A_chunked_body_without_length_is_cut_off_at_the_limit()
    {
        factory.Sql.Reset();
        var bytes = Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\"" + new string(' ', 2 * 1024 * 1024) + "}");
        using var stream = new MemoryStream(bytes);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", SecurityHttp.Code(await SecurityHttp.ReadJsonAsync(response)));
        Assert.Empty(factory.Sql.Commands);
        await SecurityHttp.AssertServerAnswersAsync(factory);
    }

    [Theory]
    [InlineData("{\"query\": \"{ __typename }\"")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": {\"a\": [1, 2,]}}")]
    [InlineData("\"{ __typename }\"")]
    [InlineData("{\"query\": \"{ __typename }\"} trailing")]
    public async Task Invalid_json_is_a_400_graphql_error(string body)
    {
        var (status, json) = await SecurityHttp.PostRawAsync(factory, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(SecurityHttp.Code(json));
        Assert.Empty(factory.Sql.Commands);
        await SecurityHttp.AssertServerAnswersAsync(factory);
    }

    [Fact]
    public async Task Json_nested_past_its_depth_limit_is_invalid_json()
    {
        var variables = new string('[', 1000) + new string(']', 1000);
        var (status, json) = await SecurityHttp.PostRawAsync(factory, "{\"query\": \"{ __typename }\", \"variables\": {\"a\": " + variables + "}}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_JSON", SecurityHttp.Code(json));
        Assert.Empty(factory.Sql.Commands);
        await SecurityHttp.AssertServerAnswersAsync(factory);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400_graphql_error()
    {
        factory.Sql.Reset();
        var bytes = Encoding.UTF8.GetBytes("{\"query\": \"{ region(code: \\\"19.71\\\") { name } }\", \"operationName\": \"XX\"}");
        bytes[^4] = 0xC3; // a lead byte followed by an ASCII byte: never valid UTF-8
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_JSON", SecurityHttp.Code(await SecurityHttp.ReadJsonAsync(response)));
        Assert.Empty(factory.Sql.Commands);
        await SecurityHttp.AssertServerAnswersAsync(factory);
    }

    [Fact]
    public async Task A_batch_of_a_thousand_requests_is_refused_whole()
    {
        var batch = new JsonArray([.. Enumerable.Range(0, 1000).Select(_ => (JsonNode)new JsonObject { ["query"] = "{ regions(first: 100) { nodes { name } } }" })]);

        var (status, json) = await SecurityHttp.PostRawAsync(factory, batch.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", SecurityHttp.Code(json));
        Assert.Contains("Batching is not supported", (string?)json["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Empty(factory.Sql.Commands);
        await SecurityHttp.AssertServerAnswersAsync(factory);
    }

    [Fact]
    public async Task Errors_carry_no_stack_trace_or_exception_type()
    {
        // The test host runs as "Testing": like Production, not Development.
        var body = await SecurityHttp.AssertRejectedBeforeExecutionAsync(factory, "{ region(code: 5) { name } }", "ARGUMENTS_OF_CORRECT_TYPE");

        var text = body.ToJsonString();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stack", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_server_answers_a_normal_query_after_the_hostile_ones()
    {
        await SecurityHttp.AssertServerAnswersAsync(factory);
    }
}

/// <summary>HTTP helpers of the security tests.</summary>
internal static class SecurityHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>POSTs a query and asserts a 400 GraphQL error with <paramref name="code"/>, no data, and no SQL.</summary>
    public static async Task<JsonObject> AssertRejectedBeforeExecutionAsync(SpmGraphFactory factory, string query, string code, object? variables = null)
    {
        var (status, json) = await PostRawAsync(factory, JsonSerializer.Serialize(new { query, variables }));

        Assert.True(status == HttpStatusCode.BadRequest, $"Expected 400 with {code}, got {(int)status}: {json.ToJsonString()}");
        Assert.Equal(code, Code(json));
        Assert.False(string.IsNullOrEmpty((string?)json["errors"]![0]!["message"]));
        Assert.False(json.ContainsKey("data"));
        Assert.Empty(factory.Sql.Commands);
        await AssertServerAnswersAsync(factory);
        return json;
    }

    /// <summary>POSTs a body as application/json, accepting graphql-response+json; SQL counting starts afresh.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject Body)> PostRawAsync(SpmGraphFactory factory, string body, string accept = GraphQLResponseJson)
    {
        factory.Sql.Reset();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException("Not a JSON object: " + text);
    }

    /// <summary>The first error's extensions.code.</summary>
    public static string? Code(JsonObject body) => (string?)body["errors"]?[0]?["extensions"]?["code"];

    public static async Task AssertServerAnswersAsync(SpmGraphFactory factory)
    {
        var data = await factory.ExecuteDataAsync("{ region(code: \"19.71\") { name parent { name } } }");
        Assert.Equal("Kota Pangkal Pinang", (string?)data["region"]?["name"]);
        Assert.Equal("Kepulauan Bangka Belitung", (string?)data["region"]?["parent"]?["name"]);
    }
}
