using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Model;
using SpmGraph.Server.Security;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Security;

[Collection(ServerFixtureGroup.Name)]
public sealed class AuthenticationTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Token_command_prints_a_working_token_alone_on_its_last_line()
    {
        using var output = new StringWriter();
        var exit = await SecurityCommands.RunAsync(["token", "create", "--role", "REGION", "--region", "19.71"], factory.Services, output, CancellationToken.None);

        var token = output.ToString().TrimEnd().Split('\n')[^1];
        Assert.Equal(0, exit);
        Assert.Matches(@"^[\w-]+\.[\w-]+\.[\w-]+$", token);
        var body = await factory.ExecuteAsAsync(token, "{ reports(where: { region: { code: { eq: \"19.71\" } } }) { totalCount } }");
        Assert.Null(body["errors"]);
    }

    [Theory]
    [InlineData("token", "create", "--role", "REGION")]
    [InlineData("token", "create", "--role", "NATIONAL", "--region", "19")]
    [InlineData("token", "create", "--role", "KING")]
    public async Task Token_command_refuses_a_role_without_its_scope(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await SecurityCommands.RunAsync(args, factory.Services, output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Bad_credentials_are_refused_not_downgraded_to_anonymous(string authorization)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var foreign = new TokenIssuer(
            new SigningKeys(Microsoft.Extensions.Options.Options.Create(new AuthOptions { Jwt = { SigningKey = new string('x', 40) } }), factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>()),
            Microsoft.Extensions.Options.Options.Create(new AuthOptions()),
            TimeProvider.System).Create(AccessRole.National, null, "intruder");

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", foreign);
        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_api_key_stops_working()
    {
        var store = factory.Services.GetRequiredService<ApiKeyStore>();
        var name = $"revoke-test-{Guid.NewGuid():N}";
        var key = await store.CreateAsync(name, AccessRole.National, null, null, CancellationToken.None);

        var before = await factory.ExecuteAsAsync("key:" + key, "{ __typename }");
        Assert.True(await store.RevokeAsync(name, CancellationToken.None));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var after = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });

        Assert.Null(before["errors"]);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.DoesNotContain(await store.ListAsync(CancellationToken.None), k => k.KeyHash == key);
    }

    [Fact]
    public async Task An_api_key_over_its_quota_gets_429_with_retry_after()
    {
        var key = await factory.Services.GetRequiredService<ApiKeyStore>()
            .CreateAsync($"quota-test-{Guid.NewGuid():N}", AccessRole.National, null, requestsPerMinute: 2, CancellationToken.None);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
            statuses.Add(last.StatusCode);
        }

        var body = JsonNode.Parse(await last!.Content.ReadAsStringAsync())!;
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("RATE_LIMITED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        last.Dispose();
    }
}
