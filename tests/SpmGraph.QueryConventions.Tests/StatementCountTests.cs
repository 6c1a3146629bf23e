using SpmGraph.QueryConventions.Tests.Infrastructure;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>Batching: the number of SQL statements depends on the query's shape, not on how many parents it reaches.</summary>
public sealed class StatementCountTests
{
    private static TestHost Host => TestHost.Instance;

    private static string DeepQuery(int parents) => $$"""
        {
          books(first: {{parents}}, order: [{ id: ASC }]) {
            nodes {
              id
              publisher { name }
              author { name books(first: 1) { nodes { id } } }
              reviews(first: 2) { totalCount nodes { id stars } }
            }
          }
        }
        """;

    [Fact]
    public async Task A_deep_query_runs_one_statement_per_level_for_10_and_for_100_parents()
    {
        var (_, ten) = await Host.DataWithCommandsAsync(DeepQuery(10));
        var (data, hundred) = await Host.DataWithCommandsAsync(DeepQuery(100));

        // books, publishers (loader), authors (loader), author.books (nested), reviews (nested).
        Assert.Equal(5, ten.Count);
        Assert.Equal(ten.Count, hundred.Count);

        // And the batched data is each parent's own.
        var nodes = data["books"]!["nodes"]!.AsArray();
        Assert.Equal(100, nodes.Count);
        foreach (var node in nodes)
        {
            var book = Host.Books.Single(b => b.Id == node!["id"]!.GetValue<int>());
            Assert.Equal(book.Publisher?.Name, node!["publisher"]?["name"]?.GetValue<string>());
            Assert.Equal(book.Author!.Name, node["author"]!["name"]!.GetValue<string>());
            var firstBook = Expected.Order(book.Author.Books, [new(b => b.Title)], b => b.Id).First().Id;
            Assert.Equal([firstBook], Expected.Ids(node["author"]!["books"]));
            Assert.Equal(book.Reviews.Count, node["reviews"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(book.Reviews.OrderBy(r => r.Id).Take(2).Select(r => r.Id), Expected.Ids(node["reviews"]));
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    public async Task Nested_total_count_and_nodes_come_from_the_same_single_statement(int parents)
    {
        var (_, commands) = await Host.DataWithCommandsAsync($$"""
            { authors(first: {{parents}}) { nodes { id books(first: 2, where: { inPrint: { eq: true } }) { totalCount nodes { id } pageInfo { hasNextPage } } } } }
            """);

        // authors, then all authors' books with their counts at once.
        Assert.Equal(2, commands.Count);
    }

    [Fact]
    public async Task Total_count_comes_with_the_page_in_its_statement()
    {
        var (_, without) = await Host.DataWithCommandsAsync("{ books(first: 5) { nodes { id } } }");
        var (with, withCommands) = await Host.DataWithCommandsAsync("{ books(first: 5) { totalCount nodes { id } } }");
        var (_, only) = await Host.DataWithCommandsAsync("{ books(first: 5) { totalCount } }");

        Assert.DoesNotContain("COUNT", Assert.Single(without), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("COUNT", Assert.Single(withCommands), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, with["books"]!["nodes"]!.AsArray().Count);
        Assert.Contains("COUNT", Assert.Single(only), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_page_past_the_end_still_counts_every_row()
    {
        var (all, _) = await Host.DataWithCommandsAsync("{ books(last: 1) { totalCount pageInfo { endCursor } } }");
        var end = (string)all["books"]!["pageInfo"]!["endCursor"]!;

        var (past, commands) = await Host.DataWithCommandsAsync($"{{ books(first: 5, after: \"{end}\") {{ totalCount nodes {{ id }} }} }}");

        Assert.Empty(past["books"]!["nodes"]!.AsArray());
        Assert.Equal((int)all["books"]!["totalCount"]!, (int)past["books"]!["totalCount"]!);
        Assert.Equal(2, commands.Count);
    }

    [Fact]
    public async Task A_page_of_no_rows_still_counts_every_row()
    {
        var (all, _) = await Host.DataWithCommandsAsync("{ books(first: 1) { totalCount pageInfo { startCursor } } }");
        var start = (string)all["books"]!["pageInfo"]!["startCursor"]!;

        var (none, _) = await Host.DataWithCommandsAsync($"{{ books(first: 5, before: \"{start}\") {{ totalCount nodes {{ id }} }} }}");

        Assert.Empty(none["books"]!["nodes"]!.AsArray());
        Assert.True((int)all["books"]!["totalCount"]! > 0);
        Assert.Equal((int)all["books"]!["totalCount"]!, (int)none["books"]!["totalCount"]!);
    }

    [Fact]
    public async Task Repeated_keys_in_one_request_are_loaded_once()
    {
        // Many books share a publisher; the loader asks for each publisher once, in one statement.
        var (_, commands) = await Host.DataWithCommandsAsync("{ books(first: 100) { nodes { publisher { id } } } }");

        Assert.Equal(2, commands.Count);
    }
}
