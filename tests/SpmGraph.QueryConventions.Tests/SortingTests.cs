using GraphQL;
using SpmGraph.QueryConventions.Tests.Infrastructure;
using SpmGraph.QueryConventions.Tests.Model;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>
/// Every `order` runs in SQL and is compared, id by id, with an in-memory sort with the documented
/// semantics: ordinal text, nulls last ascending and first descending (also through a missing
/// relation), ties broken by the key.
/// </summary>
public sealed class SortingTests
{
    private const bool Desc = true;

    private static readonly Dictionary<string, SortBy<Book>[]> BookCases = new()
    {
        ["[{ id: DESC }]"] = [new(b => b.Id, Desc)],
        ["[{ title: ASC }]"] = [new(b => b.Title)],
        ["[{ title: DESC }]"] = [new(b => b.Title, Desc)],
        ["[{ subtitle: ASC }]"] = [new(b => b.Subtitle)],
        ["[{ subtitle: DESC }]"] = [new(b => b.Subtitle, Desc)],
        ["[{ pages: ASC }]"] = [new(b => b.Pages)],
        ["[{ pages: DESC }]"] = [new(b => b.Pages, Desc)],
        ["[{ isbn: ASC }]"] = [new(b => b.Isbn)],
        ["[{ isbn: DESC }]"] = [new(b => b.Isbn, Desc)],
        ["[{ price: ASC }]"] = [new(b => b.Price)],
        ["[{ price: DESC }]"] = [new(b => b.Price, Desc)],
        ["[{ rating: ASC }]"] = [new(b => b.Rating)],
        ["[{ rating: DESC }]"] = [new(b => b.Rating, Desc)],
        ["[{ inPrint: ASC }]"] = [new(b => b.InPrint)],
        ["[{ inPrint: DESC }]"] = [new(b => b.InPrint, Desc)],
        ["[{ published: ASC }]"] = [new(b => b.Published)],
        ["[{ published: DESC }]"] = [new(b => b.Published, Desc)],
        ["[{ genre: ASC }]"] = [new(b => b.Genre)],
        ["[{ genre: DESC }]"] = [new(b => b.Genre, Desc)],

        // multi-key, across elements and within one element (in the order written)
        ["[{ genre: ASC }, { price: DESC }]"] = [new(b => b.Genre), new(b => b.Price, Desc)],
        ["[{ inPrint: DESC }, { rating: ASC }, { title: ASC }]"] = [new(b => b.InPrint, Desc), new(b => b.Rating), new(b => b.Title)],
        ["[{ rating: DESC }, { subtitle: ASC }]"] = [new(b => b.Rating, Desc), new(b => b.Subtitle)],
        ["[{ genre: DESC, pages: ASC }]"] = [new(b => b.Genre, Desc), new(b => b.Pages)],
        ["[{ pages: ASC, genre: DESC }]"] = [new(b => b.Pages), new(b => b.Genre, Desc)],

        // through relations; a missing publisher sorts as null
        ["[{ publisher: { name: ASC } }]"] = [new(b => b.Publisher?.Name)],
        ["[{ publisher: { name: DESC } }]"] = [new(b => b.Publisher?.Name, Desc)],
        ["[{ publisher: { founded: ASC } }]"] = [new(b => b.Publisher?.Founded)],
        ["[{ publisher: { founded: DESC } }]"] = [new(b => b.Publisher?.Founded, Desc)],
        ["[{ publisher: { founded: ASC, name: DESC } }]"] = [new(b => b.Publisher?.Founded), new(b => b.Publisher?.Name, Desc)],
        ["[{ publisher: { country: { name: ASC } } }, { title: DESC }]"] = [new(b => b.Publisher?.Country?.Name), new(b => b.Title, Desc)],
        ["[{ publisher: { country: { code: DESC } } }, { pages: ASC }]"] = [new(b => b.Publisher?.Country?.Code, Desc), new(b => b.Pages)],
        ["[{ author: { born: DESC } }]"] = [new(b => b.Author!.Born, Desc)],
        ["[{ author: { born: ASC } }, { author: { name: DESC } }]"] = [new(b => b.Author!.Born), new(b => b.Author!.Name, Desc)],
        ["[{ author: { name: ASC } }, { pages: ASC }]"] = [new(b => b.Author!.Name), new(b => b.Pages)],

        // no keys: the field's default order (pages DESC), then the key
        ["[]"] = [new(b => b.Pages, Desc)],
        ["[{}]"] = [new(b => b.Pages, Desc)],
    };

    private static readonly Dictionary<string, SortBy<Publisher>[]> PublisherCases = new()
    {
        ["[{ name: ASC }]"] = [new(p => p.Name)],
        ["[{ founded: DESC }, { name: ASC }]"] = [new(p => p.Founded, Desc), new(p => p.Name)],
        ["[{ country: { name: ASC } }]"] = [new(p => p.Country?.Name)],
        ["[{ country: { name: DESC } }]"] = [new(p => p.Country?.Name, Desc)],
    };

    public static TheoryData<string> BookOrders => [.. BookCases.Keys];

    public static TheoryData<string> PublisherOrders => [.. PublisherCases.Keys];

    private static TestHost Host => TestHost.Instance;

    [Theory]
    [MemberData(nameof(BookOrders))]
    public async Task Books_sorted_in_sql_come_in_the_in_memory_order(string order)
    {
        var actual = await Host.AllIdsAsync("books", $"order: {order}");
        var expected = Expected.Order(Host.Books, BookCases[order], b => b.Id).Select(b => b.Id);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(PublisherOrders))]
    public async Task Publishers_sorted_in_sql_come_in_the_in_memory_order(string order)
    {
        var actual = await Host.AllIdsAsync("publishers", $"order: {order}");
        var expected = Expected.Order(Host.Publishers, PublisherCases[order], p => p.Id).Select(p => p.Id);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Books_without_order_use_the_default_order_then_the_key()
    {
        var actual = await Host.AllIdsAsync("books", "");
        var expected = Expected.Order(Host.Books, [new(b => b.Pages, Desc)], b => b.Id).Select(b => b.Id);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Order_from_a_variable_sorts_by_each_element_in_turn()
    {
        var order = new object?[]
        {
            new Dictionary<string, object?> { ["genre"] = "DESC" },
            new Dictionary<string, object?> { ["publisher"] = new Dictionary<string, object?> { ["name"] = "ASC" } },
        };
        var result = await Host.ExecuteAsync(
            "query($o: [BookSortInput!]) { books(first: 100, order: $o) { nodes { id } } }",
            new Inputs(new Dictionary<string, object?> { ["o"] = order }));

        Assert.Null(result.Errors);
        var json = Host.Json(result);
        var expected = Expected.Order(Host.Books, [new(b => b.Genre, Desc), new(b => b.Publisher?.Name)], b => b.Id).Take(100).Select(b => b.Id);
        Assert.Equal(expected, Expected.Ids(json["data"]!["books"]));
    }

    [Fact]
    public async Task Filter_and_order_combine()
    {
        var actual = await Host.AllIdsAsync("books", "where: { rating: { neq: null }, not: { publisher: null } }, order: [{ rating: DESC }, { publisher: { name: ASC } }]");
        var expected = Expected.Order(Host.Books.Where(b => b.Rating is not null && b.Publisher is not null), [new(b => b.Rating, Desc), new(b => b.Publisher!.Name)], b => b.Id).Select(b => b.Id);
        Assert.Equal(expected, actual);
    }
}
