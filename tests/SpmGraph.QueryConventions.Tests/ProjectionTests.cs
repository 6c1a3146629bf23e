using System.Text.RegularExpressions;
using SpmGraph.QueryConventions.Tests.Infrastructure;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>Only the columns a query needs are read: the selected members plus the key.</summary>
public sealed partial class ProjectionTests
{
    private static readonly string[] BookColumns = ["Id", "Title", "Subtitle", "Pages", "Isbn", "Price", "Rating", "InPrint", "Published", "Genre", "PublisherId", "AuthorId"];

    private static TestHost Host => TestHost.Instance;

    [Theory]
    [InlineData("{ books(first: 5, order: [{ title: ASC }]) { nodes { title } } }")]
    [InlineData("{ books(first: 5, order: [{ title: ASC }]) { edges { node { title } } } }")]
    [InlineData("{ books(first: 5, order: [{ title: ASC }]) { nodes { ...T } } } fragment T on Book { title }")]
    [InlineData("{ books(first: 5, order: [{ title: ASC }]) { nodes { ... on Book { t: title } } } }")]
    [InlineData("{ books(first: 5, order: [{ title: ASC }]) { nodes { __typename title } } }")]
    public async Task Selecting_one_column_reads_only_that_column_and_the_key(string query)
    {
        var (data, commands) = await Host.DataWithCommandsAsync(query);

        var select = Assert.Single(commands);
        Assert.Equal(["Id", "Title"], SelectedColumns(select).Order());
        Assert.Equal(5, (data["books"]!["nodes"] ?? data["books"]!["edges"])!.AsArray().Count);
    }

    [Fact]
    public async Task A_loader_field_reads_its_foreign_key_but_not_the_rest()
    {
        var (_, commands) = await Host.DataWithCommandsAsync("{ books(first: 5, order: [{ id: ASC }]) { nodes { publisher { name } } } }");

        Assert.Equal(["Id", "PublisherId"], SelectedColumns(commands[0]).Order());
    }

    [Fact]
    public async Task A_nested_connection_reads_the_parent_key_and_the_selected_child_columns()
    {
        var (_, commands) = await Host.DataWithCommandsAsync("{ authors(first: 5) { nodes { name books(first: 2) { nodes { title } } } } }");

        Assert.Equal(2, commands.Count);
        Assert.Equal(["Id", "Name"], SelectedColumns(commands[0]).Order());

        // The child statement orders by title (the default) and reads no other book column.
        var nested = commands[1];
        foreach (var column in BookColumns.Except(["Id", "Title", "AuthorId"]))
        {
            Assert.DoesNotContain($"\"{column}\"", nested, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"Born\"", nested, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selecting_all_scalars_reads_all_columns()
    {
        var (_, commands) = await Host.DataWithCommandsAsync("{ books(first: 1) { nodes { id title subtitle pages isbn price rating inPrint published genre } } }");

        Assert.Equal(BookColumns.Except(["PublisherId", "AuthorId"]).Order(), SelectedColumns(commands[0]).Order());
    }

    /// <summary>The column names of the outermost SELECT list.</summary>
    private static List<string> SelectedColumns(string sql)
    {
        var list = sql[(sql.IndexOf("SELECT", StringComparison.Ordinal) + "SELECT".Length)..sql.IndexOf("FROM", StringComparison.Ordinal)];
        return [.. list.Split(',').Select(c => ColumnName().Match(c).Groups[1].Value)];
    }

    [GeneratedRegex("\"(\\w+)\"\\s*$")]
    private static partial Regex ColumnName();
}
