using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Conventions;

[Collection(ServerFixtureGroup.Name)]
public sealed class StatementCountTests(SpmGraphFactory factory)
{
    private const string Query = """
        query($first: Int) {
          regions(first: $first, where: { kind: { neq: PROVINCE } }) {
            totalCount
            nodes {
              code
              parent { code name }
              children { totalCount }
              opds(first: 10) { totalCount nodes { name sectors region { code } } }
            }
          }
        }
        """;

    [Fact]
    public async Task Statements_per_request_do_not_grow_with_the_rows_returned()
    {
        var few = await CountStatementsAsync(5);
        var many = await CountStatementsAsync(100);

        // regions, their count, parents, children counts, OPD pages, OPD sectors; regions of OPDs come from the cache.
        Assert.Equal(few, many);
        Assert.True(many <= 7, $"{many} statements:\n{string.Join("\n---\n", factory.Sql.Commands)}");
    }

    [Fact]
    public async Task A_page_reads_only_the_selected_columns()
    {
        factory.Sql.Reset();
        await factory.ExecuteDataAsync("{ regions(first: 3) { nodes { name } } }");

        var select = Assert.Single(factory.Sql.Commands);
        Assert.Contains("\"Name\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain("\"VillageCount\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ParentId\"", select, StringComparison.Ordinal);
    }

    private async Task<int> CountStatementsAsync(int first)
    {
        factory.Sql.Reset();
        var data = await factory.ExecuteDataAsync(Query, new { first });
        Assert.Equal(first, data["regions"]!["nodes"]!.AsArray().Count);
        return factory.Sql.Commands.Count;
    }
}
