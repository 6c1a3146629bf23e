namespace SpmGraph.QueryConventions.Tests.Model;

/// <summary>
/// A deterministic data set with the awkward cases on purpose: nulls, duplicates (so ties need the
/// key), mixed case, LIKE wildcards in text, parents without children and children without parents.
/// </summary>
public static class TestSeed
{
    public const int AuthorCount = 100;

    public const int BookCount = 140;

    private static readonly string[] Titles =
    [
        "The Long Road", "the long road", "THE LONG ROAD", "Silent Sea", "silent sea", "Paper Moon",
        "Zero", "apple orchard", "Apple Orchard", "100% Pure", "1000 Days", "snake_case Stories", "A_B Testing", "AxB Testing",
        "Road to Nowhere", "nowhere man", "Moonlight", "Sea of Glass", "glass house", "Orchard Road",
    ];

    private static readonly string?[] Subtitles = [null, null, "", "A Novel", "a novel", "Second Edition", "Road Notes", "50% off"];

    private static readonly double[] Prices = [4.99, 9.5, 12.0, 12.5, 19.99, 25.0];

    private static readonly double?[] Ratings = [null, 1.5, 2.0, 3.5, 4.0, 4.5, 5.0, null];

    private static readonly string[] AuthorNames =
    [
        "Ada Lovelace", "ada lovelace", "Grace Hopper", "Alan Turing", "ALAN TURING", "Edsger Dijkstra",
        "Barbara Liskov", "Donald Knuth", "donald knuth", "Frances Allen", "Ken Thompson", "Radia Perlman",
    ];

    private static readonly string[] Reviewers = ["Kim", "kim", "KIM", "Lee", "Park", "Ng", "O'Hara"];

    private static readonly string?[] ReviewTexts = [null, "Great", "great read", "Too long", "", "Loved the 50% twist"];

    private static readonly string[] Labels = ["classic", "Award", "award", "bestseller", "new"];

    public static (List<Country> Countries, List<Publisher> Publishers, List<Author> Authors, List<Book> Books, List<Review> Reviews, List<BookTag> Tags) Create()
    {
        // A fixed seed: System.Random with a seed is stable across runs and platforms.
        var random = new Random(20240611);

        List<Country> countries =
        [
            new() { Id = 1, Name = "Norway", Code = "NO" },
            new() { Id = 2, Name = "Japan", Code = "JP" },
            new() { Id = 3, Name = "kenya", Code = "KE" },
            new() { Id = 4, Name = "Chile", Code = "CL" },
        ];

        // Publisher 11 and 12 get no books; 4 and 9 have no country; names repeat and differ in case.
        string[] publisherNames = ["Acme Press", "acme press", "Blue Door", "BLUE DOOR", "Cedar", "Cedar", "North_Star", "Orbit 100%", "Quill", "quill", "Empty House", "Vacant Lot"];
        int?[] publisherCountries = [1, 2, 3, null, 1, 2, 3, 1, null, 2, 4, 1];
        int[] founded = [1901, 1955, 1955, 1980, 2001, 1901, 1999, 2010, 1980, 1955, 2020, 1955];
        var publishers = publisherNames
            .Select((name, i) => new Publisher { Id = i + 1, Name = name, CountryId = publisherCountries[i], Founded = founded[i] })
            .ToList();

        var authors = Enumerable.Range(1, AuthorCount)
            .Select(id => new Author
            {
                Id = id,
                Name = AuthorNames[random.Next(AuthorNames.Length)],
                Born = random.Next(4) == 0 ? null : new DateTime(1900, 1, 1).AddDays(random.Next(0, 40) * 500),
            })
            .ToList();

        var books = new List<Book>();
        var reviews = new List<Review>();
        var tags = new List<BookTag>();
        for (var id = 1; id <= BookCount; id++)
        {
            var book = new Book
            {
                Id = id,
                // Every title at least once, then at random.
                Title = id <= Titles.Length ? Titles[id - 1] : Titles[random.Next(Titles.Length)],
                Subtitle = Subtitles[random.Next(Subtitles.Length)],
                Pages = random.Next(5, 15) * 10,
                Isbn = 9_780_000_000_000L + (random.Next(0, 40) * 1_000_000L),
                Price = Prices[random.Next(Prices.Length)],
                Rating = Ratings[random.Next(Ratings.Length)],
                InPrint = random.Next(3) != 0,
                Published = new DateTime(1990 + random.Next(0, 20), 1 + (random.Next(0, 4) * 3), 1).AddHours(random.Next(0, 2) * 12),
                Genre = (Genre)random.Next(0, 4),
                PublisherId = random.Next(7) == 0 ? null : random.Next(1, 11),
                AuthorId = random.Next(1, AuthorCount + 1),
            };
            books.Add(book);

            var reviewCount = random.Next(0, 5);
            for (var r = 0; r < reviewCount; r++)
            {
                reviews.Add(new Review
                {
                    Id = reviews.Count + 1,
                    BookId = id,
                    Stars = random.Next(1, 6),
                    Reviewer = Reviewers[random.Next(Reviewers.Length)],
                    Text = ReviewTexts[random.Next(ReviewTexts.Length)],
                });
            }

            foreach (var label in Labels.Where(_ => random.Next(4) == 0))
            {
                tags.Add(new BookTag { Id = tags.Count + 1, BookId = id, Label = label });
            }
        }

        return (countries, publishers, authors, books, reviews, tags);
    }
}
