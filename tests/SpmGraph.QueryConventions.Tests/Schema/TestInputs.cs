using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;
using SpmGraph.QueryConventions.Tests.Model;

namespace SpmGraph.QueryConventions.Tests.Schema;

/// <summary>Each entity's queryable fields, described once for its filter and its sort input.</summary>
public static class TestQueryableFields
{
    public static readonly QueryableFields<Country> Country = new QueryableFields<Country>()
        .Field("id", c => c.Id, sortable: false)
        .Field("name", c => c.Name)
        .Field("code", c => c.Code)
        .List<Publisher, PublisherFilterInputGraphType>("publishers", c => c.Publishers);

    public static readonly QueryableFields<Publisher> Publisher = new QueryableFields<Publisher>()
        .Field("id", p => p.Id, sortable: false)
        .Field("name", p => p.Name)
        .Field("founded", p => p.Founded)
        .Relation<Country, CountryFilterInputGraphType, CountrySortInputGraphType>("country", p => p.Country)
        .List<Book, BookFilterInputGraphType>("books", p => p.Books);

    public static readonly QueryableFields<Author> Author = new QueryableFields<Author>()
        .Field("id", a => a.Id, sortable: false)
        .Field("name", a => a.Name)
        .Field("born", a => a.Born)
        .List<Book, BookFilterInputGraphType>("books", a => a.Books);

    public static readonly QueryableFields<Book> Book = BookFields();

    public static readonly QueryableFields<Review> Review = new QueryableFields<Review>()
        .Field("id", r => r.Id, sortable: false)
        .Field("stars", r => r.Stars)
        .Field("reviewer", r => r.Reviewer)
        .Field("text", r => r.Text)
        .Relation<Book, BookFilterInputGraphType>("book", r => r.Book);

    /// <summary>A fresh description of a book's fields, for tests that add to it.</summary>
    public static QueryableFields<Book> BookFields() => new QueryableFields<Book>()
        .Field("id", b => b.Id)
        .Field("title", b => b.Title)
        .Field("subtitle", b => b.Subtitle)
        .Field("pages", b => b.Pages)
        .Field("isbn", b => b.Isbn)
        .Field("price", b => b.Price)
        .Field("rating", b => b.Rating)
        .Field("inPrint", b => b.InPrint)
        .Field("published", b => b.Published)
        .Field("genre", b => b.Genre, typeof(EnumOperationFilterInputGraphType<GenreGraphType>))
        .Relation<Publisher, PublisherFilterInputGraphType, PublisherSortInputGraphType>("publisher", b => b.Publisher)
        .Relation<Author, AuthorFilterInputGraphType, AuthorSortInputGraphType>("author", b => b.Author)
        .List<Review, ReviewFilterInputGraphType>("reviews", b => b.Reviews)
        .ScalarList<string, StringOperationFilterInputGraphType>("tags", b => b.Tags.Select(t => t.Label));
}

public sealed class CountryFilterInputGraphType() : FilterInputGraphType<Country>("CountryFilterInput", TestQueryableFields.Country);

public sealed class PublisherFilterInputGraphType() : FilterInputGraphType<Publisher>("PublisherFilterInput", TestQueryableFields.Publisher);

public sealed class AuthorFilterInputGraphType() : FilterInputGraphType<Author>("AuthorFilterInput", TestQueryableFields.Author);

public sealed class BookFilterInputGraphType() : FilterInputGraphType<Book>("BookFilterInput", TestQueryableFields.Book);

public sealed class ReviewFilterInputGraphType() : FilterInputGraphType<Review>("ReviewFilterInput", TestQueryableFields.Review);

public sealed class CountrySortInputGraphType() : SortInputGraphType<Country>("CountrySortInput", TestQueryableFields.Country);

public sealed class PublisherSortInputGraphType() : SortInputGraphType<Publisher>("PublisherSortInput", TestQueryableFields.Publisher);

public sealed class AuthorSortInputGraphType() : SortInputGraphType<Author>("AuthorSortInput", TestQueryableFields.Author);

public sealed class BookSortInputGraphType() : SortInputGraphType<Book>("BookSortInput", TestQueryableFields.Book);

public sealed class ReviewSortInputGraphType() : SortInputGraphType<Review>("ReviewSortInput", TestQueryableFields.Review);
