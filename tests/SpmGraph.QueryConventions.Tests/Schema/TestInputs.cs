using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;
using SpmGraph.QueryConventions.Tests.Model;

namespace SpmGraph.QueryConventions.Tests.Schema;

public sealed class CountryFilterInputGraphType : FilterInputGraphType<Country>
{
    public CountryFilterInputGraphType()
        : base("CountryFilterInput")
    {
        Field("id", c => c.Id);
        Field("name", c => c.Name);
        Field("code", c => c.Code);
        List<Publisher, PublisherFilterInputGraphType>("publishers", c => c.Publishers);
    }
}

public sealed class PublisherFilterInputGraphType : FilterInputGraphType<Publisher>
{
    public PublisherFilterInputGraphType()
        : base("PublisherFilterInput")
    {
        Field("id", p => p.Id);
        Field("name", p => p.Name);
        Field("founded", p => p.Founded);
        Relation<Country, CountryFilterInputGraphType>("country", p => p.Country);
        List<Book, BookFilterInputGraphType>("books", p => p.Books);
    }
}

public sealed class AuthorFilterInputGraphType : FilterInputGraphType<Author>
{
    public AuthorFilterInputGraphType()
        : base("AuthorFilterInput")
    {
        Field("id", a => a.Id);
        Field("name", a => a.Name);
        Field("born", a => a.Born);
        List<Book, BookFilterInputGraphType>("books", a => a.Books);
    }
}

public sealed class BookFilterInputGraphType : FilterInputGraphType<Book>
{
    public BookFilterInputGraphType()
        : base("BookFilterInput")
    {
        Field("id", b => b.Id);
        Field("title", b => b.Title);
        Field("subtitle", b => b.Subtitle);
        Field("pages", b => b.Pages);
        Field("isbn", b => b.Isbn);
        Field("price", b => b.Price);
        Field("rating", b => b.Rating);
        Field("inPrint", b => b.InPrint);
        Field("published", b => b.Published);
        Field("genre", b => b.Genre, typeof(EnumOperationFilterInputGraphType<GenreGraphType>));
        Relation<Publisher, PublisherFilterInputGraphType>("publisher", b => b.Publisher);
        Relation<Author, AuthorFilterInputGraphType>("author", b => b.Author);
        List<Review, ReviewFilterInputGraphType>("reviews", b => b.Reviews);
        ScalarList<string, StringOperationFilterInputGraphType>("tags", b => b.Tags.Select(t => t.Label));
    }
}

public sealed class ReviewFilterInputGraphType : FilterInputGraphType<Review>
{
    public ReviewFilterInputGraphType()
        : base("ReviewFilterInput")
    {
        Field("id", r => r.Id);
        Field("stars", r => r.Stars);
        Field("reviewer", r => r.Reviewer);
        Field("text", r => r.Text);
        Relation<Book, BookFilterInputGraphType>("book", r => r.Book);
    }
}

public sealed class CountrySortInputGraphType : SortInputGraphType<Country>
{
    public CountrySortInputGraphType()
        : base("CountrySortInput")
    {
        Field("name", c => c.Name);
        Field("code", c => c.Code);
    }
}

public sealed class PublisherSortInputGraphType : SortInputGraphType<Publisher>
{
    public PublisherSortInputGraphType()
        : base("PublisherSortInput")
    {
        Field("name", p => p.Name);
        Field("founded", p => p.Founded);
        Relation<Country, CountrySortInputGraphType>("country", p => p.Country);
    }
}

public sealed class AuthorSortInputGraphType : SortInputGraphType<Author>
{
    public AuthorSortInputGraphType()
        : base("AuthorSortInput")
    {
        Field("name", a => a.Name);
        Field("born", a => a.Born);
    }
}

public sealed class BookSortInputGraphType : SortInputGraphType<Book>
{
    public BookSortInputGraphType()
        : base("BookSortInput")
    {
        Field("id", b => b.Id);
        Field("title", b => b.Title);
        Field("subtitle", b => b.Subtitle);
        Field("pages", b => b.Pages);
        Field("isbn", b => b.Isbn);
        Field("price", b => b.Price);
        Field("rating", b => b.Rating);
        Field("inPrint", b => b.InPrint);
        Field("published", b => b.Published);
        Field("genre", b => b.Genre);
        Relation<Publisher, PublisherSortInputGraphType>("publisher", b => b.Publisher);
        Relation<Author, AuthorSortInputGraphType>("author", b => b.Author);
    }
}

public sealed class ReviewSortInputGraphType : SortInputGraphType<Review>
{
    public ReviewSortInputGraphType()
        : base("ReviewSortInput")
    {
        Field("stars", r => r.Stars);
        Field("reviewer", r => r.Reviewer);
        Field("text", r => r.Text);
    }
}
