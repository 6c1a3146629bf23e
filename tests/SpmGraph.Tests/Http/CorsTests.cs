using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpmGraph.Server.Http;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Http;

/// <summary>A dashboard served from another origin calls the API from the browser: preflights, then the requests.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class CorsTests(SpmGraphFactory factory)
{
    private const string Origin = "https://dashboard.bappeda.example";

    [Fact]
    public async Task A_preflight_from_any_origin_allows_post_with_credentials_headers_but_no_cookies()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, x-api-key, content-type, if-none-match");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        var allowed = Header(response, "Access-Control-Allow-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Equal(["authorization", "content-type", "if-none-match", "x-api-key"], allowed.Select(h => h.ToLowerInvariant()).Order());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_asking_for_a_header_outside_the_list_is_not_granted_it()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-forwarded-user");

        using var response = await client.SendAsync(request);

        // The browser compares what it asked for with the list granted, and sends nothing when one is missing.
        Assert.DoesNotContain("x-forwarded-user", Header(response, "Access-Control-Allow-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Contract.ContractOperationTests.Queries), MemberType = typeof(Contract.ContractOperationTests))]
    public async Task A_browser_on_another_origin_runs_every_contract_operation(string operation, string snapshot, object variables)
    {
        Assert.NotNull(snapshot);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = ContractOperations.Operation(operation), variables }) };
        request.Headers.Add("Origin", Origin);

        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.NotNull(body["data"]);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Header(response, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_carries_the_cors_headers_so_the_browser_can_read_it()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Add("Origin", Origin);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not-a-token");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://dashboard.bappeda.example", true)]
    [InlineData("https://elsewhere.example", false)]
    public void Configured_origins_are_the_only_ones_allowed(string origin, bool allowed)
    {
        var policy = CorsExtensions.Policy(new SpmCorsOptions { AllowedOrigins = [Origin, "https://bi.kemendagri.example"] });
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Headers.Origin = origin;
        var cors = new CorsService(Options.Create(new CorsOptions()), NullLoggerFactory.Instance);

        var result = cors.EvaluatePolicy(context, policy);
        cors.ApplyResult(result, context.Response);

        Assert.Equal(allowed, result.IsOriginAllowed);
        Assert.Equal(allowed ? origin : null, context.Response.Headers.AccessControlAllowOrigin.FirstOrDefault());
        Assert.False(result.SupportsCredentials);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
