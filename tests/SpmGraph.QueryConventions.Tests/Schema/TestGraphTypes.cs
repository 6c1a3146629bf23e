using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.QueryConventions.Batching;
using SpmGraph.QueryConventions.Projection;
using SpmGraph.QueryConventions.Tests.Model;

namespace SpmGraph.QueryConventions.Tests.Schema;

public sealed class PublisherByIdLoader(IDbContextFactory<TestDbContext> factory) : BatchLoader<int, Publisher>
{
    protected override async Task<IReadOnlyDictionary<int, Publisher>> LoadBatchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Publishers.AsNoTracking().Where(p => keys.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }
}

public sealed class AuthorByIdLoader(IDbContextFactory<TestDbContext> factory) : BatchLoader<int, Author>
{
    protected override async Task<IReadOnlyDictionary<int, Author>> LoadBatchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Authors.AsNoTracking().Where(a => keys.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }
}

public sealed class GenreGraphType : EnumerationGraphType<Genre>
{
    public GenreGraphType()
    {
        Name = "Genre";
    }
}

public sealed class CountryGraphType : ObjectGraphType<Country>
{
    public CountryGraphType()
    {
        Name = "Country";
        Field(c => c.Id);
        Field(c => c.Name);
        Field(c => c.Code);
    }
}

public sealed class PublisherGraphType : ObjectGraphType<Publisher>
{
    public PublisherGraphType()
    {
        Name = "Publisher";
        Field(p => p.Id);
        Field(p => p.Name);
        Field(p => p.Founded);
        Field(p => p.CountryId, nullable: true);

        // Same field name and node type as Author.books: the two must not share a batch.
        this.NestedConnection<Publisher, int, BookGraphType, Book>("books", p => p.Id, p => p.Books, c => c
            .Filter<BookFilterInputGraphType>().Sort<BookSortInputGraphType>().DefaultOrderBy(b => b.Title).Key(b => b.Id));
    }
}

public sealed class AuthorGraphType : ObjectGraphType<Author>
{
    public AuthorGraphType()
    {
        Name = "Author";
        Field(a => a.Id);
        Field(a => a.Name);
        Field(a => a.Born, nullable: true);
        this.NestedConnection<Author, int, BookGraphType, Book>("books", a => a.Id, a => a.Books, c => c
            .Filter<BookFilterInputGraphType>().Sort<BookSortInputGraphType>().DefaultOrderBy(b => b.Title).Key(b => b.Id));

        // The same books, paged over rows kept in memory when the arguments allow it.
        this.NestedConnection<Author, int, BookGraphType, Book>("booksInMemory", a => a.Id, a => a.Books, c => c
            .Filter<BookFilterInputGraphType>().Sort<BookSortInputGraphType>().DefaultOrderBy(b => b.Title).Key(b => b.Id), BooksByAuthor.GetAsync);
    }
}

/// <summary>Every author's books, read once (after the seed, on first use): the items `booksInMemory` pages over.</summary>
public sealed class BooksByAuthor(IDbContextFactory<TestDbContext> factory)
{
    private readonly Lazy<IReadOnlyDictionary<int, IReadOnlyList<Book>>> _rows = new(() =>
    {
        using var db = factory.CreateDbContext();
        return db.Books.AsNoTracking().ToList().GroupBy(b => b.AuthorId).ToDictionary(g => g.Key, g => (IReadOnlyList<Book>)[.. g]);
    });

    public static Task<IReadOnlyDictionary<int, IReadOnlyList<Book>>> GetAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult(services.GetRequiredService<BooksByAuthor>()._rows.Value);
}

/// <summary>Every book with its publisher, the publisher's country and its author, read once: the rows `booksKept` pages over.</summary>
public sealed class KeptBooks(IDbContextFactory<TestDbContext> factory)
{
    private readonly Lazy<IReadOnlyList<Book>> _rows = new(() =>
    {
        using var db = factory.CreateDbContext();
        return db.Books.AsNoTracking().Include(b => b.Publisher).ThenInclude(p => p!.Country).Include(b => b.Author).ToList();
    });

    public static Task<IReadOnlyList<Book>> GetAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult(services.GetRequiredService<KeptBooks>()._rows.Value);
}

public sealed class BookGraphType : ObjectGraphType<Book>
{
    public BookGraphType()
    {
        Name = "Book";
        Field(b => b.Id);
        Field(b => b.Title);
        Field(b => b.Subtitle, nullable: true);
        Field(b => b.Pages);
        Field(b => b.Isbn);
        Field(b => b.Price);
        Field(b => b.Rating, nullable: true);
        Field(b => b.InPrint);
        Field(b => b.Published);
        Field<NonNullGraphType<GenreGraphType>>("genre").Resolve(ctx => ctx.Source.Genre).Reads(b => b.Genre);
        Field<PublisherGraphType>("publisher")
            .Resolve(ctx => ctx.Source.PublisherId is { } id ? ctx.RequestServices!.GetRequiredService<PublisherByIdLoader>().Load(id) : null)
            .Reads(b => b.PublisherId);
        Field<NonNullGraphType<AuthorGraphType>>("author")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<AuthorByIdLoader>().Load(ctx.Source.AuthorId))
            .Reads(b => b.AuthorId);
        this.NestedConnection<Book, int, ReviewGraphType, Review>("reviews", b => b.Id, b => b.Reviews, c => c
            .Filter<ReviewFilterInputGraphType>().Sort<ReviewSortInputGraphType>().Key(r => r.Id));
    }
}

public sealed class ReviewGraphType : ObjectGraphType<Review>
{
    public ReviewGraphType()
    {
        Name = "Review";
        Field(r => r.Id);
        Field(r => r.BookId);
        Field(r => r.Stars);
        Field(r => r.Reviewer);
        Field(r => r.Text, nullable: true);
    }
}

public sealed class TestQueryGraphType : ObjectGraphType
{
    public TestQueryGraphType()
    {
        Name = "Query";

        // Default order: most pages first, ties by id.
        this.Connection<object?, BookGraphType, Book>("books", (db, _) => db.Set<Book>(), c => c
            .Filter<BookFilterInputGraphType>().Sort<BookSortInputGraphType>().DefaultOrderBy(b => b.Pages, descending: true).Key(b => b.Id));
        this.Connection<object?, BookGraphType, Book>("booksKept", (db, _) => db.Set<Book>(), c => c
            .Filter<BookFilterInputGraphType>().Sort<BookSortInputGraphType>().DefaultOrderBy(b => b.Pages, descending: true).Key(b => b.Id)
            .KeptIn(KeptBooks.GetAsync, b => b.Publisher!.Country, b => b.Author));
        this.Connection<object?, AuthorGraphType, Author>("authors", (db, _) => db.Set<Author>(), c => c
            .Filter<AuthorFilterInputGraphType>().Sort<AuthorSortInputGraphType>().Key(a => a.Id));
        this.Connection<object?, PublisherGraphType, Publisher>("publishers", (db, _) => db.Set<Publisher>(), c => c
            .Filter<PublisherFilterInputGraphType>().Sort<PublisherSortInputGraphType>().Key(p => p.Id));
        this.Connection<object?, CountryGraphType, Country>("countries", (db, _) => db.Set<Country>(), c => c
            .Filter<CountryFilterInputGraphType>().Sort<CountrySortInputGraphType>().Key(c => c.Id));
    }
}

public sealed class TestSchema : GraphQL.Types.Schema
{
    public TestSchema(IServiceProvider services, TestQueryGraphType query)
        : base(services)
    {
        Query = query;
    }
}
