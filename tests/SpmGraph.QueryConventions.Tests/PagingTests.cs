using System.Text.Json.Nodes;
using SpmGraph.QueryConventions.Paging;
using SpmGraph.QueryConventions.Tests.Infrastructure;
using SpmGraph.QueryConventions.Tests.Model;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>
/// Cursor paging against the in-memory list: walks in both directions, page info at the ends, and
/// the odd combinations (`last` alone, `first` with `before`, empty windows).
/// </summary>
public sealed class PagingTests
{
    private const string Filtered = "where: { genre: { neq: POETRY } }, order: [{ rating: DESC }, { publisher: { name: ASC } }]";

    private static TestHost Host => TestHost.Instance;

    public static TheoryData<int, bool, bool> Walks => new()
    {
        { 1, false, true },
        { 3, true, false },
        { 3, false, true },
        { 7, false, false },
        { 10, true, true },
        { 25, false, true },
        { 100, true, false },
        { 100, false, true },
    };

    /// <summary>first, after, last, before (positions; null = not given).</summary>
    public static TheoryData<int?, int?, int?, int?> Windows => new()
    {
        { 3, null, null, 10 },
        { 20, null, null, 10 },
        { 2, 3, null, 10 },
        { null, 3, 2, 10 },
        { null, 3, 20, 10 },
        { null, null, 5, null },
        { null, null, 99, null },
        { null, 40, 5, null },
        { null, 130, 5, null },
        { 5, null, 3, null },
        { null, null, 3, 2 },
        { null, null, null, 5 },
        { null, 5, null, null },
        { 100, 0, null, null },
        { null, null, 100, 120 },
        { 5, 137, 2, null },
        { 5, 137, 3, 139 },
        { 10, null, 4, 2 },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Walking_forward_with_first_and_after_visits_every_row_once_in_order(int size, bool withTotal, bool filtered)
    {
        var expected = ExpectedIds(filtered);
        var seen = new List<int>();
        string? after = null;
        while (true)
        {
            var page = await Page($"first: {size}{Arg("after", after)}, {(filtered ? Filtered : "")}", withTotal);
            var ids = Ids(page);
            Assert.Equal(expected.Skip(seen.Count).Take(size), ids);
            AssertPageInfo(page, seen.Count, ids.Count, expected.Count, withTotal);
            seen.AddRange(ids);
            if (!HasNext(page))
            {
                break;
            }

            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(expected, seen);
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Walking_backward_with_last_and_before_visits_every_row_once_in_order(int size, bool withTotal, bool filtered)
    {
        var expected = ExpectedIds(filtered);
        var seen = new List<int>();
        string? before = null;
        while (true)
        {
            var page = await Page($"last: {size}{Arg("before", before)}, {(filtered ? Filtered : "")}", withTotal);
            var ids = Ids(page);
            var remaining = expected.Count - seen.Count;
            Assert.Equal(expected.Take(remaining).TakeLast(size), ids);
            AssertPageInfo(page, remaining - ids.Count, ids.Count, expected.Count, withTotal);
            seen.InsertRange(0, ids);
            if (!page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>())
            {
                break;
            }

            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }

        Assert.Equal(expected, seen);
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task A_window_of_first_after_last_before_is_the_relay_slice_of_the_in_memory_list(int? first, int? after, int? last, int? before)
    {
        var expected = ExpectedIds(filtered: false);
        var cursors = await CursorsByPosition(filtered: false);
        var arguments = string.Join(", ", new[]
        {
            first is null ? null : $"first: {first}",
            last is null ? null : $"last: {last}",
            Arg("after", after is null ? null : cursors[after.Value]).TrimStart(',', ' '),
            Arg("before", before is null ? null : cursors[before.Value]).TrimStart(',', ' '),
        }.Where(a => !string.IsNullOrEmpty(a)));

        var page = await Page(arguments, withTotal: true);

        // Neither first nor last: the default page size applies as `first`.
        var window = Expected.Window(expected, first ?? (last is null ? 10 : null), after, last, before);
        Assert.Equal(window, Ids(page));
        var firstPosition = window.Count == 0 ? -1 : expected.IndexOf(window[0]);
        AssertPageInfo(page, firstPosition, window.Count, expected.Count, withTotal: true);
        Assert.Equal(
            window.Select(id => cursors[expected.IndexOf(id)]),
            page["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task First_zero_is_an_empty_page_that_still_says_more_follow()
    {
        var page = await Page("first: 0", withTotal: false);
        Assert.Empty(Ids(page));
        Assert.True(HasNext(page));
        Assert.False(page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Null(page["pageInfo"]!["startCursor"]);
        Assert.Null(page["pageInfo"]!["endCursor"]);
    }

    [Fact]
    public async Task Last_zero_is_an_empty_page_that_still_says_more_precede()
    {
        var page = await Page("last: 0", withTotal: true);
        Assert.Empty(Ids(page));
        Assert.True(page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.False(HasNext(page));
        Assert.Equal(Host.Books.Count, page["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task After_the_last_row_is_an_empty_page_with_no_next_page()
    {
        var cursors = await CursorsByPosition(filtered: false);
        var page = await Page($"first: 5, after: \"{cursors[^1]}\"", withTotal: false);
        Assert.Empty(Ids(page));
        Assert.False(HasNext(page));
        Assert.Null(page["pageInfo"]!["endCursor"]);
    }

    [Theory]
    [InlineData("first: 3", 0, 3)]
    [InlineData("last: 3", 137, 3)]
    [InlineData("last: 100, after: @130", 131, 9)]
    public async Task Before_a_cursor_past_the_end_lies_the_whole_list(string window, int firstPosition, int count)
    {
        // A position this list never had (e.g. a cursor kept from a longer list): `before` removes nothing.
        var cursors = await CursorsByPosition(filtered: false);
        var page = await Page($"{window.Replace("@130", $"\"{cursors[130]}\"", StringComparison.Ordinal)}, before: \"{Cursor.Encode(500)}\"", withTotal: false);

        var expected = ExpectedIds(filtered: false);
        Assert.Equal(expected.Skip(firstPosition).Take(count), Ids(page));
        AssertPageInfo(page, firstPosition, count, expected.Count, withTotal: false);
    }

    [Fact]
    public async Task After_a_cursor_past_the_end_is_an_empty_page()
    {
        var page = await Page($"first: 3, after: \"{Cursor.Encode(500)}\"", withTotal: true);

        Assert.Empty(Ids(page));
        Assert.False(HasNext(page));
        Assert.Equal(Host.Books.Count, page["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("first: 5")]
    [InlineData("last: 5")]
    [InlineData("first: 5, last: 2")]
    public async Task No_matching_rows_give_an_empty_page_with_no_neighbours(string window)
    {
        var page = await Page($"{window}, where: {{ title: {{ eq: \"no such title\" }} }}", withTotal: true);
        Assert.Empty(Ids(page));
        Assert.Equal(0, page["totalCount"]!.GetValue<int>());
        Assert.False(HasNext(page));
        Assert.False(page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Null(page["pageInfo"]!["startCursor"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Total_count_is_the_number_of_matching_rows_whatever_the_page(bool filtered)
    {
        var data = await Host.DataAsync($"{{ books(first: 2, {(filtered ? Filtered : "")}) {{ totalCount }} }}");
        Assert.Equal(ExpectedIds(filtered).Count, data["books"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Nodes_and_edges_list_the_same_rows()
    {
        var data = await Host.DataAsync($"{{ books(first: 7, after: \"{(await CursorsByPosition(true))[4]}\", {Filtered}) {{ nodes {{ id }} edges {{ node {{ id }} }} }} }}");
        var books = data["books"]!;
        Assert.Equal(Expected.Ids(books), books["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<int>()));
        Assert.Equal(ExpectedIds(filtered: true).Skip(5).Take(7), Expected.Ids(books));
    }

    [Fact]
    public async Task The_default_page_is_ten_rows()
    {
        var data = await Host.DataAsync("{ books { nodes { id } pageInfo { hasNextPage } } }");
        Assert.Equal(ExpectedIds(filtered: false).Take(10), Expected.Ids(data["books"]));
    }

    private static List<int> ExpectedIds(bool filtered) => filtered
        ? [.. Expected.Order(Host.Books.Where(b => b.Genre != Genre.Poetry), [new(b => b.Rating, true), new(b => b.Publisher?.Name)], b => b.Id).Select(b => b.Id)]
        : [.. Expected.Order(Host.Books, [new(b => b.Pages, true)], b => b.Id).Select(b => b.Id)];

    private static async Task<List<string>> CursorsByPosition(bool filtered)
    {
        var cursors = new List<string>();
        string? after = null;
        do
        {
            var page = await Page($"first: 100{Arg("after", after)}, {(filtered ? Filtered : "")}", withTotal: false);
            cursors.AddRange(page["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()));
            after = HasNext(page) ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(cursors.Count, cursors.Distinct().Count());
        return cursors;
    }

    private static async Task<JsonNode> Page(string arguments, bool withTotal)
    {
        var total = withTotal ? "totalCount" : "";
        var data = await Host.DataAsync($"{{ books({arguments}) {{ {total} edges {{ cursor node {{ id }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}");
        return data["books"]!;
    }

    /// <summary>Page info of a page holding rows [start, start + count) of <paramref name="total"/>.</summary>
    private static void AssertPageInfo(JsonNode page, int start, int count, int total, bool withTotal)
    {
        var info = page["pageInfo"]!;
        var cursors = page["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()).ToList();
        Assert.Equal(cursors.FirstOrDefault(), info["startCursor"]?.GetValue<string>());
        Assert.Equal(cursors.LastOrDefault(), info["endCursor"]?.GetValue<string>());
        if (count > 0)
        {
            Assert.Equal(start > 0, info["hasPreviousPage"]!.GetValue<bool>());
            Assert.Equal(start + count < total, info["hasNextPage"]!.GetValue<bool>());
        }

        if (withTotal)
        {
            Assert.Equal(total, page["totalCount"]!.GetValue<int>());
        }
    }

    private static List<int> Ids(JsonNode page) =>
        [.. page["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<int>())];

    private static bool HasNext(JsonNode page) => page["pageInfo"]!["hasNextPage"]!.GetValue<bool>();

    private static string Arg(string name, string? cursor) => cursor is null ? "" : $", {name}: \"{cursor}\"";
}
