using System.Net;
using System.Text.Json.Nodes;
using SpmGraph.Server.PersistedDocuments;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Dashboard;

/// <summary>How the server serves the dashboard's files: the page, the chart library, config.json and refusals.</summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class DashboardEndpointTests(SpmGraphFactory factory)
{
    [Theory]
    [InlineData("Trend")]
    [InlineData("Ranking")]
    [InlineData("ProvinceRollup")]
    [InlineData("RegionCard")]
    [InlineData("Timeliness")]
    [InlineData("Budget")]
    public async Task Config_names_the_contract_operation_by_its_persisted_document_id(string operation)
    {
        using var client = factory.CreateClient();
        var config = JsonNode.Parse(await client.GetStringAsync(new Uri("/dashboard/config.json", UriKind.Relative)))!;

        Assert.Equal("/graphql", (string)config["endpoint"]!);
        Assert.Equal(PersistedDocumentIds.ForDocument(ContractOperations.Registered(operation)), (string)config["documents"]![operation]!);
    }

    [Fact]
    public async Task Dashboard_without_its_trailing_slash_redirects_to_the_page()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = factory.ServerAddress };
        using var response = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/dashboard/", "text/html", "Dashboard/page/index.html")]
    [InlineData("/dashboard/labels.mjs", "text/javascript", "Dashboard/page/labels.mjs")]
    [InlineData("/dashboard/lib/chart.umd.min.js", "text/javascript", "node_modules/chart.js/dist/chart.umd.min.js")]
    public async Task Page_files_and_the_chart_library_are_served_as_they_are(string url, string mediaType, string file)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var expected = await File.ReadAllBytesAsync(RepositoryPaths.InRepository(["src", "SpmGraph.Server", .. file.Split('/')]));
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/dashboard/missing.mjs")]
    [InlineData("/dashboard/..%2FProgram.cs")]
    [InlineData("/dashboard/lib/..%2F..%2FSpmGraph.Server.csproj")]
    public async Task A_file_the_dashboard_does_not_have_is_not_found_in_the_servers_error_shape(string url)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("NOT_FOUND", (string)body["errors"]![0]!["extensions"]!["code"]!);
    }
}
