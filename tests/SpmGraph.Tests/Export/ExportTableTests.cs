using System.Text.Json.Nodes;
using SpmGraph.Server.Export;

namespace SpmGraph.Tests.Export;

/// <summary>Which rows an answer exports and how they flatten to columns.</summary>
public sealed class ExportTableTests
{
    [Fact]
    public void A_connections_nodes_are_the_rows_with_dotted_column_paths()
    {
        var table = Table("""{"stats":{"totalCount":2,"nodes":[{"key":{"province":{"code":"11","name":"Aceh"}},"rate":50.5},{"key":{"province":{"code":"12","name":"Sumatera Utara"}},"rate":7}]}}""");

        Assert.Equal(["key.province.code", "key.province.name", "rate"], table.Columns);
        Assert.Equal(["11", "Aceh", "50.5"], Texts(table, 0));
        Assert.Equal(["12", "Sumatera Utara", "7"], Texts(table, 1));
    }

    [Fact]
    public void A_connection_without_nodes_gives_its_edges_nodes_and_nodes_win_over_edges()
    {
        var edgesOnly = Table("""{"regions":{"pageInfo":{"hasNextPage":false},"edges":[{"cursor":"a","node":{"code":"19"}}]}}""");
        var both = Table("""{"regions":{"edges":[{"cursor":"a","node":{"code":"edge"}}],"nodes":[{"code":"node"}]}}""");

        Assert.Equal(["code"], edgesOnly.Columns);
        Assert.Equal(["19"], Texts(edgesOnly, 0));
        Assert.Equal(["node"], Texts(both, 0));
    }

    [Fact]
    public void The_first_list_is_found_depth_first_in_field_order()
    {
        var table = Table("""{"region":{"code":"19","parent":null,"children":{"nodes":[{"code":"19.01"}]},"opds":{"nodes":[{"name":"Dinas"}]}},"later":[{"x":1}]}""");

        Assert.Equal(["code"], table.Columns);
        Assert.Equal(["19.01"], Texts(table, 0));
    }

    [Fact]
    public void Columns_come_in_first_seen_order_across_rows_and_a_missing_cell_is_empty()
    {
        var table = Table("""{"xs":[{"a":1,"c":{"d":null}},{"b":true,"a":2}]}""");

        Assert.Equal(["a", "c.d", "b"], table.Columns);
        Assert.Equal(["1", "", ""], Texts(table, 0));
        Assert.Equal(["2", "", "true"], Texts(table, 1));
    }

    [Fact]
    public void A_list_inside_a_row_is_joined_per_path()
    {
        var table = Table("""{"opds":{"nodes":[{"name":"Dinas","sectors":["HEALTH","EDUCATION"],"staff":[{"n":"A","age":30},{"n":"B"}]}]}}""");

        Assert.Equal(["name", "sectors", "staff.n", "staff.age"], table.Columns);
        Assert.Equal(["Dinas", "HEALTH; EDUCATION", "A; B", "30; "], Texts(table, 0));
    }

    [Fact]
    public void A_list_path_picks_the_field_whose_list_is_exported()
    {
        var data = """{"periods":{"nodes":[{"year":2024}]},"stats":{"nodes":[{"key":{"province":{"code":"11"}},"onTimeRate":75}]}}""";

        var table = Table(data, "stats");

        Assert.Equal(["key.province.code", "onTimeRate"], table.Columns);
        Assert.False(ExportTable.TryCreate(JsonNode.Parse(data)!.AsObject(), "nothing.here", out _));
    }

    [Fact]
    public void An_answer_without_a_list_is_one_row_and_a_null_is_none()
    {
        var single = Table("""{"region":{"code":"19","parent":{"code":null}}}""");
        var none = Table("""{"region":null}""", "region");

        Assert.Equal(["region.code", "region.parent.code"], single.Columns);
        Assert.Equal(["19", ""], Texts(single, 0));
        Assert.Empty(none.Rows);
        Assert.Empty(none.Columns);
    }

    [Fact]
    public void A_list_of_plain_values_is_one_value_column()
    {
        var table = Table("""{"codes":["a","b"]}""");

        Assert.Equal([ExportTable.ValueColumn], table.Columns);
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public void Values_keep_their_json_types()
    {
        var table = Table("""{"xs":[{"whole":9007199254740993,"fraction":63.25,"flag":false,"text":"12","none":null}]}""");
        var row = table.Rows[0];

        Assert.Equal(9007199254740993L, ExportTable.Value(row["whole"]));
        Assert.Equal(63.25, ExportTable.Value(row["fraction"]));
        Assert.Equal(false, ExportTable.Value(row["flag"]));
        Assert.Equal("12", ExportTable.Value(row["text"]));
        Assert.Null(ExportTable.Value(row["none"]));
    }

    private static ExportTable Table(string data, string? list = null)
    {
        Assert.True(ExportTable.TryCreate(JsonNode.Parse(data)!.AsObject(), list, out var table));
        return table;
    }

    private static List<string> Texts(ExportTable table, int row) =>
        [.. table.Columns.Select(c => ExportTable.Text(table.Rows[row].GetValueOrDefault(c)))];
}
