using GraphQL;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;
using SpmGraph.QueryConventions.Tests.Model;
using SpmGraph.QueryConventions.Tests.Schema;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>An entity's fields are described once; its filter and sort inputs both follow the description.</summary>
public sealed class QueryableFieldsTests
{
    [Fact]
    public void A_field_added_to_the_description_appears_in_both_the_filter_and_the_sort_input()
    {
        // The one edit a new column takes.
        var fields = TestQueryableFields.BookFields().Field("titleLength", b => b.Title.Length);

        var filter = new ProbeFilterInputGraphType(fields);
        var sort = new ProbeSortInputGraphType(fields);

        Assert.Equal([.. Names(new BookFilterInputGraphType()), "titleLength"], Names(filter));
        Assert.Equal([.. Names(new BookSortInputGraphType()), "titleLength"], Names(sort));
        Assert.Equal(typeof(IntOperationFilterInputGraphType), filter.GetField("titleLength")!.Type);
        Assert.Equal(typeof(SortEnumGraphType), sort.GetField("titleLength")!.Type);
    }

    [Fact]
    public void Fields_left_out_of_the_sort_input_stay_in_the_filter_input()
    {
        var fields = new QueryableFields<Book>()
            .Field("title", b => b.Title)
            .Field("isbn", b => b.Isbn, sortable: false)
            .Field("pages", b => b.Pages, filterable: false)
            .Relation<Author, AuthorFilterInputGraphType>("author", b => b.Author)
            .ScalarList<string, StringOperationFilterInputGraphType>("tags", b => b.Tags.Select(t => t.Label));

        Assert.Equal(["and", "or", "not", "title", "isbn", "author", "tags"], Names(new ProbeFilterInputGraphType(fields)));
        Assert.Equal(["title", "pages"], Names(new ProbeSortInputGraphType(fields)));
    }

    [Fact]
    public void A_field_declared_twice_is_refused()
    {
        var fields = new QueryableFields<Book>().Field("title", b => b.Title);

        Assert.Throws<InvalidOperationException>(() => fields.Field("title", b => b.Subtitle));
    }

    private static string[] Names(GraphQL.Types.IInputObjectGraphType type) => [.. type.Fields.Select(f => f.Name)];

    [DoNotRegister]
    private sealed class ProbeFilterInputGraphType(QueryableFields<Book> fields) : FilterInputGraphType<Book>("ProbeFilterInput", fields);

    [DoNotRegister]
    private sealed class ProbeSortInputGraphType(QueryableFields<Book> fields) : SortInputGraphType<Book>("ProbeSortInput", fields);
}
