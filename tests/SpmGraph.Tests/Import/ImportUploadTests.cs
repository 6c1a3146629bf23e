using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;
using SpmGraph.Tests.Writing;

namespace SpmGraph.Tests.Import;

/// <summary>The authenticated HTTP upload: the command's import, limited to the regions the caller may write.</summary>
[Collection(WriteHostGroup.Name)]
public sealed class ImportUploadTests(SpmGraphFactory factory)
{
    private const int Year = 2039;
    private const string Header = "region_code,indicator_code,year,quarter,target,served,quality_rate,budget_realized";

    [Fact]
    public async Task An_upload_writes_the_callers_rows_once_and_a_reupload_changes_nothing()
    {
        await factory.PeriodsAsync(Year);
        var csv = $"{Header}\n35.11,KES.KK.01,{Year},1,100,20,80,1000\n35.11,KES.KK.02,{Year},1,50,10,,0\n";

        var (status, first) = await UploadAsync(factory.TokenFor(AccessRole.Region, "35.11"), csv);
        var (_, again) = await UploadAsync(factory.TokenFor(AccessRole.Region, "35.11"), csv);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, (int)first["created"]!);
        Assert.Equal(0, (int)again["created"]! + (int)again["updated"]!);
        Assert.Equal(2, (int)again["unchanged"]!);
    }

    [Fact]
    public async Task A_row_of_another_region_refuses_the_whole_file_and_names_its_line()
    {
        await factory.PeriodsAsync(Year);
        var csv = $"{Header}\n35.12,KES.KK.01,{Year},1,100,20,80,1000\n36.01,KES.KK.01,{Year},1,100,20,80,1000\n";

        var (status, body) = await UploadAsync(factory.TokenFor(AccessRole.Region, "35.12"), csv);
        var read = await factory.ReadAsync($$"""{ achievements(where: { region: { code: { eq: "35.12" } }, year: { eq: {{Year}} } }) { totalCount } }""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(3, (int)error["extensions"]!["line"]!);
        Assert.Equal("region_code", (string?)error["extensions"]!["column"]);
        Assert.Equal("FORBIDDEN", (string?)error["extensions"]!["code"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        Assert.Equal(0, (int)read["achievements"]!["totalCount"]!);
    }

    [Fact]
    public async Task An_anonymous_upload_is_refused()
    {
        var (status, _) = await UploadAsync(null, $"{Header}\n");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> UploadAsync(string? token, string csv)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/import/achievements") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }
}
