using SpmGraph.QueryConventions.Tests.Infrastructure;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>Requests run in parallel against one schema and provider, each in its own scope.</summary>
public sealed class ConcurrencyTests
{
    private static TestHost Host => TestHost.Instance;

    [Fact]
    public async Task Twenty_parallel_requests_all_succeed_with_their_own_data()
    {
        var requests = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            var minPages = 50 + (i % 10 * 10);
            var data = await Host.DataAsync($$"""
                {
                  books(first: 100, where: { pages: { gte: {{minPages}} } }, order: [{ id: ASC }]) {
                    totalCount
                    nodes { id publisher { name } author { id } reviews(first: 3) { totalCount nodes { id } } }
                  }
                  authors(first: {{i + 1}}) { nodes { id books(last: 2) { nodes { id } } } }
                }
                """);
            return (i, minPages, data);
        }));

        foreach (var (i, minPages, data) in await Task.WhenAll(requests))
        {
            var books = Host.Books.Where(b => b.Pages >= minPages).OrderBy(b => b.Id).ToList();
            Assert.Equal(books.Count, data["books"]!["totalCount"]!.GetValue<int>());
            var nodes = data["books"]!["nodes"]!.AsArray();
            Assert.Equal(books.Take(100).Select(b => b.Id), nodes.Select(n => n!["id"]!.GetValue<int>()));
            foreach (var (book, node) in books.Zip(nodes))
            {
                Assert.Equal(book.Publisher?.Name, node!["publisher"]?["name"]?.GetValue<string>());
                Assert.Equal(book.AuthorId, node["author"]!["id"]!.GetValue<int>());
                Assert.Equal(book.Reviews.OrderBy(r => r.Id).Take(3).Select(r => r.Id), Expected.Ids(node["reviews"]));
            }

            var authors = data["authors"]!["nodes"]!.AsArray();
            Assert.Equal(i + 1, authors.Count);
            foreach (var author in authors)
            {
                var own = Host.Authors.Single(a => a.Id == author!["id"]!.GetValue<int>()).Books;
                var expected = Expected.Order(own, [new(b => b.Title)], b => b.Id).TakeLast(2).Select(b => b.Id);
                Assert.Equal(expected, Expected.Ids(author!["books"]));
            }
        }
    }
}
