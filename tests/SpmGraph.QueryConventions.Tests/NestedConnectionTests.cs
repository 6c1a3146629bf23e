using System.Text.Json.Nodes;
using SpmGraph.QueryConventions.Paging;
using SpmGraph.QueryConventions.Tests.Infrastructure;
using SpmGraph.QueryConventions.Tests.Model;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>
/// Nested connections are loaded for all parents at once; each parent's page must still be exactly
/// its own in-memory page (filter, order, window, count, page info).
/// </summary>
public sealed class NestedConnectionTests
{
    private static readonly SortBy<Book>[] ByTitle = [new(b => b.Title)];

    /// <summary>Arguments of `books` (`@n` is the cursor of position n) and the same in memory.</summary>
    private static readonly Dictionary<string, (Func<Book, bool> Where, SortBy<Book>[] Order, int? First, int? After, int? Last, int? Before)> Cases = new()
    {
        [""] = (_ => true, ByTitle, 10, null, null, null),
        ["first: 2"] = (_ => true, ByTitle, 2, null, null, null),
        ["first: 1, after: @0"] = (_ => true, ByTitle, 1, 0, null, null),
        ["first: 2, after: @1"] = (_ => true, ByTitle, 2, 1, null, null),
        ["last: 2"] = (_ => true, ByTitle, null, null, 2, null),
        ["last: 1, before: @2"] = (_ => true, ByTitle, null, null, 1, 2),
        ["last: 3, after: @0"] = (_ => true, ByTitle, null, 0, 3, null),
        ["last: 2, before: @3"] = (_ => true, ByTitle, null, null, 2, 3),
        ["last: 2, after: @0, before: @4"] = (_ => true, ByTitle, null, 0, 2, 4),
        ["first: 3, last: 1"] = (_ => true, ByTitle, 3, null, 1, null),
        ["first: 0"] = (_ => true, ByTitle, 0, null, null, null),
        ["where: { genre: { neq: FICTION } }, order: [{ rating: DESC }], first: 3"] =
            (b => b.Genre != Genre.Fiction, [new(b => b.Rating, true)], 3, null, null, null),
        ["where: { publisher: { country: { code: { eq: \"NO\" } } } }"] =
            (b => b.Publisher?.Country?.Code == "NO", ByTitle, 10, null, null, null),
        ["where: { reviews: { any: true } }, order: [{ publisher: { name: ASC } }], last: 2"] =
            (b => b.Reviews.Count > 0, [new(b => b.Publisher?.Name)], null, null, 2, null),
        ["where: { or: [{ rating: { eq: null } }, { price: { lt: 10 } }] }, order: [{ price: DESC }, { title: ASC }], first: 2, after: @0"] =
            (b => b.Rating is null || b.Price < 10, [new(b => b.Price, true), new(b => b.Title)], 2, 0, null, null),
        ["order: [{ subtitle: ASC }], first: 4"] = (_ => true, [new(b => b.Subtitle)], 4, null, null, null),
        ["order: [{ subtitle: DESC }, { pages: ASC }], last: 3"] = (_ => true, [new(b => b.Subtitle, true), new(b => b.Pages)], null, null, 3, null),
        ["order: [{ inPrint: DESC }, { isbn: ASC }], first: 2, after: @0"] = (_ => true, [new(b => b.InPrint, true), new(b => b.Isbn)], 2, 0, null, null),
        ["order: [{ pages: DESC }], last: 2, before: @3"] = (_ => true, [new(b => b.Pages, true)], null, null, 2, 3),
        ["order: [{ id: DESC }], first: 3, last: 2"] = (_ => true, [new(b => b.Id, true)], 3, null, 2, null),
        ["order: [{ author: { name: ASC } }, { title: DESC }], first: 3"] = (_ => true, [new(b => b.Author?.Name), new(b => b.Title, true)], 3, null, null, null),
    };

    /// <summary>Every case on `books` (read by SQL) and on `booksInMemory` (paged over rows kept in memory where it can be).</summary>
    public static TheoryData<string, string> Arguments
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var arguments in Cases.Keys)
            {
                data.Add("books", arguments);
                data.Add("booksInMemory", arguments);
            }

            return data;
        }
    }

    private static TestHost Host => TestHost.Instance;

    [Theory]
    [MemberData(nameof(Arguments))]
    public async Task Each_authors_books_page_is_its_in_memory_page(string field, string arguments)
    {
        var (where, order, first, after, last, before) = Cases[arguments];
        var data = await Host.DataAsync($"{{ authors(first: 100) {{ nodes {{ id books: {field}{Args(arguments)} {{ totalCount nodes {{ id }} pageInfo {{ hasNextPage hasPreviousPage }} }} }} }} }}");

        var authors = data["authors"]!["nodes"]!.AsArray();
        Assert.Equal(TestSeed.AuthorCount, authors.Count);
        foreach (var author in authors)
        {
            var id = author!["id"]!.GetValue<int>();
            var all = Expected.Order(Host.Authors.Single(a => a.Id == id).Books.Where(where), order, b => b.Id).Select(b => b.Id).ToList();
            AssertPage(all, Expected.Window(all, first, after, last, before), author["books"]!, $"author {id}");
        }
    }

    [Theory]
    [InlineData("first: 3, order: [{ subtitle: DESC }, { pages: ASC }]", 1)]
    [InlineData("last: 2", 1)]
    [InlineData("first: 3, where: { pages: { gt: 100 } }", 2)]
    [InlineData("first: 3, order: [{ price: ASC }]", 2)]
    [InlineData("first: 3, order: [{ publisher: { name: ASC } }]", 2)]
    public async Task Kept_rows_are_paged_without_a_statement_unless_a_filter_or_an_order_needs_sql(string arguments, int statements)
    {
        var (_, commands) = await Host.DataWithCommandsAsync($"{{ authors(first: 100) {{ nodes {{ booksInMemory({arguments}) {{ totalCount nodes {{ id }} }} }} }} }}");

        // The authors' page, and the books' only when SQL must order or filter them.
        Assert.True(commands.Count == statements, string.Join("\n---\n", commands));
    }

    [Fact]
    public async Task Publisher_books_and_author_books_in_one_request_each_get_their_own_rows()
    {
        // Same field name, node type and arguments on two parent types: separate batches.
        var data = await Host.DataAsync("""
            {
              publishers(first: 100) { nodes { id books(first: 3) { totalCount nodes { id } } } }
              authors(first: 100) { nodes { id books(first: 3) { totalCount nodes { id } } } }
            }
            """);

        foreach (var publisher in data["publishers"]!["nodes"]!.AsArray())
        {
            var all = Expected.Order(Host.Publishers.Single(p => p.Id == publisher!["id"]!.GetValue<int>()).Books, ByTitle, b => b.Id).Select(b => b.Id).ToList();
            Assert.Equal(all.Take(3), Expected.Ids(publisher!["books"]));
            Assert.Equal(all.Count, publisher["books"]!["totalCount"]!.GetValue<int>());
        }

        foreach (var author in data["authors"]!["nodes"]!.AsArray())
        {
            var all = Expected.Order(Host.Authors.Single(a => a.Id == author!["id"]!.GetValue<int>()).Books, ByTitle, b => b.Id).Select(b => b.Id).ToList();
            Assert.Equal(all.Take(3), Expected.Ids(author!["books"]));
            Assert.Equal(all.Count, author["books"]!["totalCount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Aliases_of_one_nested_field_with_different_selections_each_get_what_they_select()
    {
        // Same arguments and node fields, but only `b` asks for rows: it must not get `a`'s empty page.
        var data = await Host.DataAsync("""
            {
              authors(first: 100) { nodes { id
                a: books(first: 2) { totalCount }
                b: books(first: 2) { totalCount nodes { id } }
                c: books(first: 2) { pageInfo { hasNextPage } }
              } }
            }
            """);

        foreach (var author in data["authors"]!["nodes"]!.AsArray())
        {
            var all = Expected.Order(Host.Authors.Single(a => a.Id == author!["id"]!.GetValue<int>()).Books, ByTitle, b => b.Id).Select(b => b.Id).ToList();
            Assert.Equal(all.Count, author!["a"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(all.Count, author["b"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(all.Take(2), Expected.Ids(author["b"]));
            Assert.Equal(all.Count > 2, author["c"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        }
    }

    [Theory]
    [InlineData("books")]
    [InlineData("booksInMemory")]
    public async Task Aliases_ordering_by_the_same_fields_written_in_another_order_each_get_their_own_order(string field)
    {
        // GraphQL.NET hands both `order` objects over alike (schema order); only the literals differ.
        var data = await Host.DataAsync($$"""
            {
              authors(first: 100) { nodes { id
                a: {{field}}(first: 3, order: { pages: DESC, inPrint: ASC }) { nodes { id } }
                b: {{field}}(first: 3, order: { inPrint: ASC, pages: DESC }) { nodes { id } }
              } }
            }
            """);

        var authors = data["authors"]!["nodes"]!.AsArray();
        foreach (var author in authors)
        {
            var books = Host.Authors.Single(a => a.Id == author!["id"]!.GetValue<int>()).Books;
            Assert.Equal(Expected.Order(books, [new(b => b.Pages, true), new(b => b.InPrint)], b => b.Id).Take(3).Select(b => b.Id), Expected.Ids(author!["a"]));
            Assert.Equal(Expected.Order(books, [new(b => b.InPrint), new(b => b.Pages, true)], b => b.Id).Take(3).Select(b => b.Id), Expected.Ids(author["b"]));
        }

        Assert.Contains(authors, a => !Expected.Ids(a!["a"]).SequenceEqual(Expected.Ids(a["b"])));
    }

    [Fact]
    public async Task Aliases_whose_arguments_differ_only_in_fractions_of_a_second_are_not_mixed_up()
    {
        var at = Host.Books.Where(b => b.Publisher is not null).Select(b => b.Published).GroupBy(p => p).MaxBy(g => g.Count())!.Key;
        var text = at.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var data = await Host.DataAsync($$"""
            {
              publishers(first: 100) { nodes { id
                exact: books(where: { published: { eq: "{{text}}" } }) { totalCount }
                later: books(where: { published: { eq: "{{text}}.5" } }) { totalCount }
              } }
            }
            """);

        var publishers = data["publishers"]!["nodes"]!.AsArray();
        Assert.Contains(publishers, p => p!["exact"]!["totalCount"]!.GetValue<int>() > 0);
        foreach (var publisher in publishers)
        {
            var own = Host.Publishers.Single(p => p.Id == publisher!["id"]!.GetValue<int>()).Books;
            Assert.Equal(own.Count(b => b.Published == at), publisher!["exact"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(0, publisher["later"]!["totalCount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Connections_nest_two_levels_deep()
    {
        var data = await Host.DataAsync("""
            {
              authors(first: 100, where: { books: { any: true } }) { nodes { id
                books(first: 2, order: [{ pages: DESC }]) { nodes { id
                  reviews(order: [{ stars: DESC }], last: 2, where: { text: { neq: null } }) { totalCount nodes { id } }
                } }
              } }
            }
            """);

        foreach (var author in data["authors"]!["nodes"]!.AsArray())
        {
            var books = Expected.Order(Host.Authors.Single(a => a.Id == author!["id"]!.GetValue<int>()).Books, [new(b => b.Pages, true)], b => b.Id).Take(2).ToList();
            var nodes = author!["books"]!["nodes"]!.AsArray();
            Assert.Equal(books.Select(b => b.Id), nodes.Select(n => n!["id"]!.GetValue<int>()));
            foreach (var (book, node) in books.Zip(nodes))
            {
                var reviews = Expected.Order(book.Reviews.Where(r => r.Text is not null), [new(r => r.Stars, true)], r => r.Id).Select(r => r.Id).ToList();
                Assert.Equal(reviews.TakeLast(2), Expected.Ids(node!["reviews"]));
                Assert.Equal(reviews.Count, node["reviews"]!["totalCount"]!.GetValue<int>());
            }
        }
    }

    private static void AssertPage(List<int> all, List<int> window, JsonNode page, string parent)
    {
        Assert.True(window.SequenceEqual(Expected.Ids(page)), $"{parent}: expected [{string.Join(", ", window)}], got {page.ToJsonString()}");
        Assert.Equal(all.Count, page["totalCount"]!.GetValue<int>());
        if (window.Count > 0)
        {
            Assert.Equal(all.IndexOf(window[0]) > 0, page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            Assert.Equal(all.IndexOf(window[^1]) < all.Count - 1, page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        }
    }

    private static string Args(string arguments)
    {
        if (arguments.Length == 0)
        {
            return "";
        }

        for (var position = 9; position >= 0; position--)
        {
            arguments = arguments.Replace($"@{position}", $"\"{Cursor.Encode(position)}\"", StringComparison.Ordinal);
        }

        return $"({arguments})";
    }
}
