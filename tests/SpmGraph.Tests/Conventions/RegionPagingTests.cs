using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Conventions;

[Collection(ServerFixtureGroup.Name)]
public sealed class RegionPagingTests(SpmGraphFactory factory)
{
    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String) {
          regions(first: $first, after: $after, last: $last, before: $before, order: [{ name: ASC }]) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            nodes { code name }
          }
        }
        """;

    [Fact]
    public async Task Walking_all_552_regions_forward_and_backward_has_no_duplicates_or_gaps()
    {
        // Independent order: names then ids, as the database holds them.
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var expected = (await db.Regions.Select(r => new { r.Id, r.Code, r.Name }).ToListAsync())
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => r.Code).ToList();

        var forward = new List<string>();
        string? cursor = null;
        JsonNode page;
        do
        {
            page = (await factory.ExecuteDataAsync(Page, new { first = 100, after = cursor }))["regions"]!;
            forward.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["code"]!));
            Assert.Equal(cursor is not null, (bool)page["pageInfo"]!["hasPreviousPage"]!);
            cursor = (string?)page["pageInfo"]!["endCursor"];
        }
        while ((bool)page["pageInfo"]!["hasNextPage"]!);

        var backward = new List<string>();
        cursor = null;
        do
        {
            page = (await factory.ExecuteDataAsync(Page, new { last = 75, before = cursor }))["regions"]!;
            backward.InsertRange(0, page["nodes"]!.AsArray().Select(n => (string)n!["code"]!));
            Assert.Equal(cursor is not null, (bool)page["pageInfo"]!["hasNextPage"]!);
            cursor = (string?)page["pageInfo"]!["startCursor"];
        }
        while ((bool)page["pageInfo"]!["hasPreviousPage"]!);

        Assert.Equal(552, (int)page["totalCount"]!);
        Assert.Equal(expected, forward);
        Assert.Equal(expected, backward);
    }

    [Theory]
    [InlineData("{ regions(first: -1) { nodes { code } } }", "INVALID_PAGING_ARGUMENT")]
    [InlineData("{ regions(first: 101) { nodes { code } } }", "PAGE_SIZE_EXCEEDED")]
    [InlineData("{ regions(last: 1000) { nodes { code } } }", "PAGE_SIZE_EXCEEDED")]
    [InlineData("{ regions(after: \"not-a-cursor\") { nodes { code } } }", "INVALID_CURSOR")]
    [InlineData("{ regions(before: \"Zm9vOjE=\") { nodes { code } } }", "INVALID_CURSOR")]
    [InlineData("{ regions(where: { code: { eq: null, contains: null } }) { nodes { code } } }", "INVALID_FILTER")]
    public async Task Bad_paging_or_filter_input_is_a_coded_error(string query, string code)
    {
        var body = await factory.ExecuteAsync(query);

        var error = Assert.Single(body["errors"]!.AsArray());
        Assert.Equal(code, (string?)error!["extensions"]!["code"]);
        Assert.Null(body["data"]); // `regions` is non-null, so the error nulls the whole data.
    }

    [Theory]
    [InlineData("{ regions(where: { population: { eq: 1 } }) { nodes { code } } }")]
    [InlineData("{ regions(where: { code: { like: \"1%\" } }) { nodes { code } } }")]
    [InlineData("{ regions(where: { villageCount: { eq: \"many\" } }) { nodes { code } } }")]
    [InlineData("{ regions(order: [{ name: UP }]) { nodes { code } } }")]
    public async Task Unknown_fields_operators_and_wrong_types_are_validation_errors(string query)
    {
        var body = await factory.ExecuteAsync(query);

        var error = Assert.Single(body["errors"]!.AsArray());
        Assert.StartsWith("5.", (string?)error!["extensions"]!["number"]);
        Assert.Null(body["data"]);
    }
}
