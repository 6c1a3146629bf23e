using Microsoft.EntityFrameworkCore;

namespace SpmGraph.QueryConventions.Tests.Model;

public enum Genre
{
    Fiction,
    Science,
    History,
    Poetry,
    Travel,
}

public sealed class Country
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Code { get; set; } = "";

    public List<Publisher> Publishers { get; set; } = [];
}

public sealed class Publisher
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int Founded { get; set; }

    public int? CountryId { get; set; }

    public Country? Country { get; set; }

    public List<Book> Books { get; set; } = [];
}

public sealed class Author
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public DateTime? Born { get; set; }

    public List<Book> Books { get; set; } = [];
}

public sealed class Book
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string? Subtitle { get; set; }

    public int Pages { get; set; }

    public long Isbn { get; set; }

    public double Price { get; set; }

    public double? Rating { get; set; }

    public bool InPrint { get; set; }

    public DateTime Published { get; set; }

    public Genre Genre { get; set; }

    public int? PublisherId { get; set; }

    public Publisher? Publisher { get; set; }

    public int AuthorId { get; set; }

    public Author? Author { get; set; }

    public List<Review> Reviews { get; set; } = [];

    public List<BookTag> Tags { get; set; } = [];
}

public sealed class Review
{
    public int Id { get; set; }

    public int BookId { get; set; }

    public Book? Book { get; set; }

    public int Stars { get; set; }

    public string Reviewer { get; set; } = "";

    public string? Text { get; set; }
}

/// <summary>A label on a book: the join table behind the `tags` scalar-list filter.</summary>
public sealed class BookTag
{
    public int Id { get; set; }

    public int BookId { get; set; }

    public string Label { get; set; } = "";
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Country> Countries => Set<Country>();

    public DbSet<Publisher> Publishers => Set<Publisher>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Book> Books => Set<Book>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<BookTag> BookTags => Set<BookTag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        // Explicit ids: the seed decides them, so expectations are stable.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            modelBuilder.Entity(entity.ClrType).Property("Id").ValueGeneratedNever();
        }

        modelBuilder.Entity<Publisher>().HasOne(p => p.Country).WithMany(c => c.Publishers).HasForeignKey(p => p.CountryId);
        modelBuilder.Entity<Book>().HasOne(b => b.Publisher).WithMany(p => p.Books).HasForeignKey(b => b.PublisherId);
        modelBuilder.Entity<Book>().HasOne(b => b.Author).WithMany(a => a.Books).HasForeignKey(b => b.AuthorId);
        modelBuilder.Entity<Review>().HasOne(r => r.Book).WithMany(b => b.Reviews).HasForeignKey(r => r.BookId);
        modelBuilder.Entity<BookTag>().HasOne<Book>().WithMany(b => b.Tags).HasForeignKey(t => t.BookId);
    }
}
