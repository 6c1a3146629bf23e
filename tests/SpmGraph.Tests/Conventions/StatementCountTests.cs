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

        // The regions' page (with its count) and the data version: parents, children, OPD pages, bidang and the OPDs'
        // regions come from the rows kept in memory.
        Assert.Equal(few, many);
        Assert.True(many <= 2, $"{many} statements:\n{string.Join("\n---\n", factory.Sql.Commands)}");
    }

    [Fact]
    public async Task A_page_reads_only_the_selected_columns()
    {
        // A pattern is matched by SQL (an equality test would be answered from the regions in memory).
        factory.Sql.Reset();
        await factory.ExecuteDataAsync("{ regions(first: 3, where: { name: { startsWith: \"Kota\" } }) { nodes { name } } }");

        var select = Assert.Single(factory.Sql.Commands);
        Assert.Contains("\"Name\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain("\"VillageCount\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ParentId\"", select, StringComparison.Ordinal);
    }

    private async Task<int> CountStatementsAsync(int first)
    {
        // Warm: the rows kept per data version (regions, OPDs, bidang) are read by whichever request comes first.
        await factory.ExecuteDataAsync(Query, new { first });
        factory.Sql.Reset();
        var data = await factory.ExecuteDataAsync(Query, new { first });
        Assert.Equal(first, data["regions"]!["nodes"]!.AsArray().Count);
        return factory.Sql.Commands.Count;
    }
}
