using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Security;

[Collection(ServerFixtureGroup.Name)]
public sealed class NodeLookupTests(SpmGraphFactory factory)
{
    [Fact]
    public async Task Node_returns_any_object_by_the_id_the_api_gave_it()
    {
        var card = await factory.ExecuteDataAsync("""{ region(code: "19.71") { id opds(first: 1) { nodes { id name } } } }""");
        var regionId = (string)card["region"]!["id"]!;
        var opdId = (string)card["region"]!["opds"]!["nodes"]![0]!["id"]!;

        var data = await factory.ExecuteDataAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Region { code } ... on Opd { name } } }",
            new { ids = new[] { regionId, opdId } });

        Assert.Equal("Region", (string?)data["nodes"]![0]!["__typename"]);
        Assert.Equal("19.71", (string?)data["nodes"]![0]!["code"]);
        Assert.Equal((string?)card["region"]!["opds"]!["nodes"]![0]!["name"], (string?)data["nodes"]![1]!["name"]);
    }

    [Fact]
    public async Task A_draft_report_is_found_by_its_scope_and_null_to_everyone_else()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var draft = await db.Reports.Where(r => r.Status == ReportStatus.Draft).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Region!.Code }).FirstAsync();
        var id = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Report:{draft.Id}"));
        const string query = "query($id: ID!) { node(id: $id) { id ... on Report { status } } }";

        var own = await factory.ExecuteAsAsync(factory.TokenFor(AccessRole.Region, draft.Code), query, new { id });
        var stranger = await factory.ExecuteAsAsync(factory.TokenFor(AccessRole.Region, draft.Code == "19.71" ? "19.01" : "19.71"), query, new { id });
        var anonymous = await factory.ExecuteAsync(query, new { id });

        Assert.Equal("DRAFT", (string?)own["data"]!["node"]!["status"]);
        Assert.Null(stranger["data"]!["node"]);
        Assert.Null(anonymous["data"]!["node"]);
    }

    [Fact]
    public async Task An_id_the_api_did_not_issue_is_a_coded_error()
    {
        var body = await factory.ExecuteAsync("{ node(id: \"bm9wZQ==\") { id } }");

        Assert.Equal("INVALID_ID", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }
}
