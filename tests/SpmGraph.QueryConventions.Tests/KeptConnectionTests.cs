using SpmGraph.QueryConventions.Tests.Infrastructure;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>
/// A root connection over rows kept in memory answers exactly what SQL answers: in memory where its filter and order
/// mean the same there (no statement), by SQL otherwise.
/// </summary>
public sealed class KeptConnectionTests
{
    private static TestHost Host => TestHost.Instance;

    /// <summary>Arguments (`@n` is the cursor of position n) and whether memory answers them.</summary>
    public static TheoryData<string, bool> Cases => new()
    {
        { "first: 10", true },
        { "where: { genre: { eq: SCIENCE } }, first: 5", true },
        { "where: { genre: { in: [POETRY, TRAVEL] }, inPrint: { eq: true } }, order: [{ title: ASC }], first: 4", true },
        { "where: { genre: { nin: [FICTION] } }, order: [{ isbn: DESC }], last: 3", true },
        { "where: { subtitle: { eq: null } }, order: [{ subtitle: ASC }, { title: DESC }], first: 6", true },
        { "where: { subtitle: { neq: \"A Novel\" } }, first: 8, after: @2", true },
        { "where: { title: { in: [\"Zero\", \"the long road\", \"nothing\"] } }, order: [{ title: DESC }]", true },
        { "where: { publisher: null }, first: 5", true },
        { "where: { publisher: { country: null } }, order: [{ pages: ASC }], first: 5", true },
        { "where: { publisher: { country: { code: { eq: \"NO\" } } } }, last: 2, before: @3", true },
        { "where: { not: { publisher: { name: { eq: \"Cedar\" } } } }, first: 7", true },
        { "where: { or: [{ author: { name: { eq: \"ada lovelace\" } } }, { pages: { eq: 120 } }] }, order: [{ inPrint: DESC }], first: 5", true },
        { "where: { and: [{ publisher: { id: { neq: 3 } } }, { publisher: { country: { name: { neq: \"Japan\" } } } }] }, last: 4", true },
        { "where: { pages: { gt: 100 } }, first: 5", false },
        { "where: { title: { startsWith: \"The\" } }, first: 5", false },
        { "where: { title: { eqIgnoreCase: \"zero\" } }, first: 5", false },
        { "where: { price: { eq: 12.5 } }, first: 5", false },
        { "where: { reviews: { any: true } }, first: 5", false },
        { "where: { tags: { some: { eq: \"classic\" } } }, first: 5", false },
        { "order: [{ price: DESC }], first: 5", false },
        { "order: [{ publisher: { name: ASC } }], first: 5", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_page_of_kept_rows_is_the_page_sql_reads(string arguments, bool inMemory)
    {
        var (cursors, _) = await Host.DataWithCommandsAsync("{ books(first: 5) { edges { cursor } } }");
        var edges = cursors["books"]!["edges"]!.AsArray();
        for (var position = 0; position < edges.Count; position++)
        {
            arguments = arguments.Replace($"@{position}", $"\"{(string)edges[position]!["cursor"]!}\"", StringComparison.Ordinal);
        }

        const string Page = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id title genre publisher { name } } }";
        // The rows are kept on first use: not part of what a page costs.
        await Host.DataAsync("{ booksKept(first: 1) { totalCount } }");
        var (read, _) = await Host.DataWithCommandsAsync($"{{ list: books({arguments}) {{ {Page} }} }}");
        var (kept, commands) = await Host.DataWithCommandsAsync($"{{ list: booksKept({arguments}) {{ {Page} }} }}");

        Assert.Equal(read.ToJsonString(), kept.ToJsonString());
        Assert.True(read["list"]!["totalCount"]!.GetValue<int>() > 0, "a case that matches nothing proves little");

        // From memory, only the publishers' loader reads; by SQL, the page's statement too.
        var pages = commands.Count(c => c.Contains("\"Books\"", StringComparison.Ordinal));
        Assert.Equal(inMemory ? 0 : 1, pages);
    }
}
