using System.Globalization;
using GraphQL;
using SpmGraph.QueryConventions.Tests.Infrastructure;
using SpmGraph.QueryConventions.Tests.Model;

namespace SpmGraph.QueryConventions.Tests;

/// <summary>
/// Every `where` case runs in SQL and is compared with the same condition written by hand in C#
/// over the rows in memory (C# null semantics: `neq`/`nin` and the n-forms match null).
/// </summary>
public sealed class FilteringTests
{
    private static readonly Dictionary<string, Func<Book, bool>> BookCases = new()
    {
        // string
        ["{ title: { eq: \"Zero\" } }"] = b => b.Title == "Zero",
        ["{ title: { neq: \"Zero\" } }"] = b => b.Title != "Zero",
        ["{ title: { in: [\"Zero\", \"Moonlight\", \"nope\"] } }"] = b => b.Title is "Zero" or "Moonlight",
        ["{ title: { nin: [\"Zero\", \"Moonlight\"] } }"] = b => b.Title is not ("Zero" or "Moonlight"),
        ["{ title: { in: [] } }"] = _ => false,
        ["{ title: { nin: [] } }"] = _ => true,
        ["{ title: { contains: \"Road\" } }"] = b => Has(b.Title, "Road"),
        ["{ title: { contains: \"road\" } }"] = b => Has(b.Title, "road"),
        ["{ title: { contains: \"0%\" } }"] = b => Has(b.Title, "0%"),
        ["{ title: { contains: \"_\" } }"] = b => Has(b.Title, "_"),
        ["{ title: { contains: \"\" } }"] = _ => true,
        ["{ title: { ncontains: \"Road\" } }"] = b => !Has(b.Title, "Road"),
        ["{ title: { startsWith: \"The\" } }"] = b => Starts(b.Title, "The"),
        ["{ title: { startsWith: \"the\" } }"] = b => Starts(b.Title, "the"),
        ["{ title: { startsWith: \"A_B\" } }"] = b => Starts(b.Title, "A_B"),
        ["{ title: { startsWith: \"100%\" } }"] = b => Starts(b.Title, "100%"),
        ["{ title: { nstartsWith: \"The\" } }"] = b => !Starts(b.Title, "The"),
        ["{ title: { endsWith: \"Road\" } }"] = b => Ends(b.Title, "Road"),
        ["{ title: { endsWith: \"road\" } }"] = b => Ends(b.Title, "road"),
        ["{ title: { endsWith: \"Longer Than Any Title At All\" } }"] = _ => false,
        ["{ title: { nendsWith: \"Road\" } }"] = b => !Ends(b.Title, "Road"),
        ["{ title: { containsIgnoreCase: \"road\" } }"] = b => HasI(b.Title, "road"),
        ["{ title: { ncontainsIgnoreCase: \"ROAD\" } }"] = b => !HasI(b.Title, "ROAD"),
        ["{ title: { startsWithIgnoreCase: \"the\" } }"] = b => StartsI(b.Title, "the"),
        ["{ title: { nstartsWithIgnoreCase: \"THE\" } }"] = b => !StartsI(b.Title, "THE"),
        ["{ title: { endsWithIgnoreCase: \"SEA\" } }"] = b => EndsI(b.Title, "SEA"),
        ["{ title: { nendsWithIgnoreCase: \"sea\" } }"] = b => !EndsI(b.Title, "sea"),
        ["{ title: { eqIgnoreCase: \"the long road\" } }"] = b => EqI(b.Title, "the long road"),
        ["{ title: { neqIgnoreCase: \"THE LONG ROAD\" } }"] = b => !EqI(b.Title, "THE LONG ROAD"),
        ["{ title: { eq: null } }"] = _ => false,
        ["{ title: { neq: null } }"] = _ => true,
        ["{ title: { startsWith: \"The\", endsWith: \"Road\" } }"] = b => Starts(b.Title, "The") && Ends(b.Title, "Road"),

        // nullable string
        ["{ subtitle: { eq: \"A Novel\" } }"] = b => b.Subtitle == "A Novel",
        ["{ subtitle: { eq: \"\" } }"] = b => b.Subtitle == "",
        ["{ subtitle: { neq: \"A Novel\" } }"] = b => b.Subtitle != "A Novel",
        ["{ subtitle: { in: [\"A Novel\", \"\"] } }"] = b => b.Subtitle is "A Novel" or "",
        ["{ subtitle: { nin: [\"A Novel\", \"\"] } }"] = b => b.Subtitle is not ("A Novel" or ""),
        ["{ subtitle: { in: [null, \"A Novel\"] } }"] = b => b.Subtitle is null or "A Novel",
        ["{ subtitle: { nin: [null, \"A Novel\"] } }"] = b => b.Subtitle is not (null or "A Novel"),
        ["{ subtitle: { contains: \"Novel\" } }"] = b => Has(b.Subtitle, "Novel"),
        ["{ subtitle: { contains: \"\" } }"] = b => b.Subtitle is not null,
        ["{ subtitle: { contains: \"0%\" } }"] = b => Has(b.Subtitle, "0%"),
        ["{ subtitle: { ncontains: \"Novel\" } }"] = b => !Has(b.Subtitle, "Novel"),
        ["{ subtitle: { startsWith: \"\" } }"] = b => b.Subtitle is not null,
        ["{ subtitle: { startsWith: \"a\" } }"] = b => Starts(b.Subtitle, "a"),
        ["{ subtitle: { nstartsWith: \"Road\" } }"] = b => !Starts(b.Subtitle, "Road"),
        ["{ subtitle: { endsWith: \"off\" } }"] = b => Ends(b.Subtitle, "off"),
        ["{ subtitle: { endsWith: \"Novel\" } }"] = b => Ends(b.Subtitle, "Novel"),
        ["{ subtitle: { nendsWith: \"off\" } }"] = b => !Ends(b.Subtitle, "off"),
        ["{ subtitle: { containsIgnoreCase: \"NOVEL\" } }"] = b => HasI(b.Subtitle, "NOVEL"),
        ["{ subtitle: { ncontainsIgnoreCase: \"novel\" } }"] = b => !HasI(b.Subtitle, "novel"),
        ["{ subtitle: { startsWithIgnoreCase: \"road\" } }"] = b => StartsI(b.Subtitle, "road"),
        ["{ subtitle: { nstartsWithIgnoreCase: \"A \" } }"] = b => !StartsI(b.Subtitle, "A "),
        ["{ subtitle: { endsWithIgnoreCase: \"EDITION\" } }"] = b => EndsI(b.Subtitle, "EDITION"),
        ["{ subtitle: { nendsWithIgnoreCase: \"EDITION\" } }"] = b => !EndsI(b.Subtitle, "EDITION"),
        ["{ subtitle: { eqIgnoreCase: \"a novel\" } }"] = b => EqI(b.Subtitle, "a novel"),
        ["{ subtitle: { neqIgnoreCase: \"a novel\" } }"] = b => !EqI(b.Subtitle, "a novel"),
        ["{ subtitle: { eq: null } }"] = b => b.Subtitle is null,
        ["{ subtitle: { neq: null } }"] = b => b.Subtitle is not null,
        ["{ subtitle: { neq: null, ncontains: \"Novel\" } }"] = b => b.Subtitle is not null && !b.Subtitle.Contains("Novel", StringComparison.Ordinal),

        // int
        ["{ pages: { eq: 100 } }"] = b => b.Pages == 100,
        ["{ pages: { neq: 100 } }"] = b => b.Pages != 100,
        ["{ pages: { in: [50, 60, 70] } }"] = b => b.Pages is 50 or 60 or 70,
        ["{ pages: { nin: [50, 60, 70] } }"] = b => b.Pages is not (50 or 60 or 70),
        ["{ pages: { in: [null, 60] } }"] = b => b.Pages == 60,
        ["{ pages: { nin: [null, 60] } }"] = b => b.Pages != 60,
        ["{ pages: { gt: 100 } }"] = b => b.Pages > 100,
        ["{ pages: { gte: 100 } }"] = b => b.Pages >= 100,
        ["{ pages: { lt: 100 } }"] = b => b.Pages < 100,
        ["{ pages: { lte: 100 } }"] = b => b.Pages <= 100,
        ["{ pages: { ngt: 100 } }"] = b => !(b.Pages > 100),
        ["{ pages: { ngte: 100 } }"] = b => !(b.Pages >= 100),
        ["{ pages: { nlt: 100 } }"] = b => !(b.Pages < 100),
        ["{ pages: { nlte: 100 } }"] = b => !(b.Pages <= 100),
        ["{ pages: { gt: 60, lt: 120 } }"] = b => b.Pages is > 60 and < 120,
        ["{ pages: { eq: null } }"] = _ => false,
        ["{ pages: { neq: null } }"] = _ => true,
        ["{ id: { in: [1, 2, 3, 1000] } }"] = b => b.Id is 1 or 2 or 3,
        ["{ id: { gte: 130 } }"] = b => b.Id >= 130,

        // long (beyond the Int range)
        ["{ isbn: { eq: 9780025000000 } }"] = b => b.Isbn == 9_780_025_000_000,
        ["{ isbn: { neq: 9780025000000 } }"] = b => b.Isbn != 9_780_025_000_000,
        ["{ isbn: { in: [9780025000000, 9780031000000] } }"] = b => b.Isbn is 9_780_025_000_000 or 9_780_031_000_000,
        ["{ isbn: { nin: [9780025000000, 9780031000000] } }"] = b => b.Isbn is not (9_780_025_000_000 or 9_780_031_000_000),
        ["{ isbn: { gt: 9780020000000 } }"] = b => b.Isbn > 9_780_020_000_000,
        ["{ isbn: { gte: 9780020000000 } }"] = b => b.Isbn >= 9_780_020_000_000,
        ["{ isbn: { lt: 9780020000000 } }"] = b => b.Isbn < 9_780_020_000_000,
        ["{ isbn: { lte: 9780020000000 } }"] = b => b.Isbn <= 9_780_020_000_000,
        ["{ isbn: { ngt: 9780020000000 } }"] = b => b.Isbn <= 9_780_020_000_000,
        ["{ isbn: { ngte: 9780020000000 } }"] = b => b.Isbn < 9_780_020_000_000,
        ["{ isbn: { nlt: 9780020000000 } }"] = b => b.Isbn >= 9_780_020_000_000,
        ["{ isbn: { nlte: 9780020000000 } }"] = b => b.Isbn > 9_780_020_000_000,

        // double
        ["{ price: { eq: 12.5 } }"] = b => b.Price == 12.5,
        ["{ price: { eq: 12 } }"] = b => b.Price == 12.0,
        ["{ price: { neq: 12.5 } }"] = b => b.Price != 12.5,
        ["{ price: { in: [4.99, 25] } }"] = b => b.Price is 4.99 or 25.0,
        ["{ price: { nin: [4.99, 25] } }"] = b => b.Price is not (4.99 or 25.0),
        ["{ price: { gt: 12 } }"] = b => b.Price > 12,
        ["{ price: { gte: 12 } }"] = b => b.Price >= 12,
        ["{ price: { lt: 12.5 } }"] = b => b.Price < 12.5,
        ["{ price: { lte: 12.5 } }"] = b => b.Price <= 12.5,
        ["{ price: { ngt: 12 } }"] = b => !(b.Price > 12),
        ["{ price: { ngte: 12.5 } }"] = b => !(b.Price >= 12.5),
        ["{ price: { nlt: 9.5 } }"] = b => !(b.Price < 9.5),
        ["{ price: { nlte: 9.5 } }"] = b => !(b.Price <= 9.5),

        // nullable double
        ["{ rating: { eq: 4.5 } }"] = b => b.Rating == 4.5,
        ["{ rating: { neq: 4.5 } }"] = b => b.Rating != 4.5,
        ["{ rating: { in: [4.5, 5] } }"] = b => b.Rating is 4.5 or 5.0,
        ["{ rating: { nin: [4.5, 5] } }"] = b => b.Rating is not (4.5 or 5.0),
        ["{ rating: { in: [null, 5] } }"] = b => b.Rating is null or 5.0,
        ["{ rating: { nin: [null, 5] } }"] = b => b.Rating is not (null or 5.0),
        ["{ rating: { gt: 3.5 } }"] = b => b.Rating > 3.5,
        ["{ rating: { gte: 3.5 } }"] = b => b.Rating >= 3.5,
        ["{ rating: { lt: 3.5 } }"] = b => b.Rating < 3.5,
        ["{ rating: { lte: 3.5 } }"] = b => b.Rating <= 3.5,
        ["{ rating: { ngt: 3.5 } }"] = b => !(b.Rating > 3.5),
        ["{ rating: { ngte: 3.5 } }"] = b => !(b.Rating >= 3.5),
        ["{ rating: { nlt: 3.5 } }"] = b => !(b.Rating < 3.5),
        ["{ rating: { nlte: 3.5 } }"] = b => !(b.Rating <= 3.5),
        ["{ rating: { eq: null } }"] = b => b.Rating is null,
        ["{ rating: { neq: null } }"] = b => b.Rating is not null,
        ["{ rating: { neq: null, lt: 3 } }"] = b => b.Rating < 3,

        // bool
        ["{ inPrint: { eq: true } }"] = b => b.InPrint,
        ["{ inPrint: { eq: false } }"] = b => !b.InPrint,
        ["{ inPrint: { neq: true } }"] = b => !b.InPrint,
        ["{ inPrint: { neq: false } }"] = b => b.InPrint,
        ["{ inPrint: { eq: null } }"] = _ => false,
        ["{ inPrint: { neq: null } }"] = _ => true,

        // DateTime
        ["{ published: { eq: \"1996-04-01T00:00:00\" } }"] = b => b.Published == D("1996-04-01T00:00:00"),
        ["{ published: { neq: \"1996-04-01T00:00:00\" } }"] = b => b.Published != D("1996-04-01T00:00:00"),
        ["{ published: { in: [\"1996-04-01T00:00:00\", \"2005-07-01T00:00:00\"] } }"] = b => b.Published == D("1996-04-01T00:00:00") || b.Published == D("2005-07-01T00:00:00"),
        ["{ published: { nin: [\"1996-04-01T00:00:00\", \"2005-07-01T00:00:00\"] } }"] = b => b.Published != D("1996-04-01T00:00:00") && b.Published != D("2005-07-01T00:00:00"),
        ["{ published: { gt: \"2000-07-01T00:00:00\" } }"] = b => b.Published > D("2000-07-01T00:00:00"),
        ["{ published: { gte: \"2000-07-01T00:00:00\" } }"] = b => b.Published >= D("2000-07-01T00:00:00"),
        ["{ published: { lt: \"2000-07-01T12:00:00\" } }"] = b => b.Published < D("2000-07-01T12:00:00"),
        ["{ published: { lte: \"2000-07-01T12:00:00\" } }"] = b => b.Published <= D("2000-07-01T12:00:00"),
        ["{ published: { ngt: \"2000-07-01T00:00:00\" } }"] = b => b.Published <= D("2000-07-01T00:00:00"),
        ["{ published: { ngte: \"2000-07-01T00:00:00\" } }"] = b => b.Published < D("2000-07-01T00:00:00"),
        ["{ published: { nlt: \"2000-07-01T12:00:00\" } }"] = b => b.Published >= D("2000-07-01T12:00:00"),
        ["{ published: { nlte: \"2000-07-01T12:00:00\" } }"] = b => b.Published > D("2000-07-01T12:00:00"),
        ["{ published: { gte: \"1995-01-01T00:00:00\", lt: \"1996-01-01T00:00:00\" } }"] = b => b.Published.Year == 1995,

        // an offset is read as the same instant in UTC
        ["{ published: { eq: \"1996-04-01T00:00:00Z\" } }"] = b => b.Published == D("1996-04-01T00:00:00"),
        ["{ published: { eq: \"1996-04-01T02:00:00+02:00\" } }"] = b => b.Published == D("1996-04-01T00:00:00"),

        // enum
        ["{ genre: { eq: FICTION } }"] = b => b.Genre == Genre.Fiction,
        ["{ genre: { neq: FICTION } }"] = b => b.Genre != Genre.Fiction,
        ["{ genre: { in: [SCIENCE, HISTORY] } }"] = b => b.Genre is Genre.Science or Genre.History,
        ["{ genre: { nin: [SCIENCE, HISTORY] } }"] = b => b.Genre is not (Genre.Science or Genre.History),
        ["{ genre: { in: [TRAVEL] } }"] = _ => false,
        ["{ genre: { eq: null } }"] = _ => false,
        ["{ genre: { neq: null } }"] = _ => true,

        // and / or / not
        ["{}"] = _ => true,
        ["{ pages: { gt: 60 }, inPrint: { eq: false } }"] = b => b.Pages > 60 && !b.InPrint,
        ["{ and: [{ pages: { gt: 60 } }, { pages: { lt: 120 } }] }"] = b => b.Pages is > 60 and < 120,
        ["{ or: [{ title: { eq: \"Zero\" } }, { genre: { eq: POETRY } }] }"] = b => b.Title == "Zero" || b.Genre == Genre.Poetry,
        ["{ not: { genre: { eq: FICTION } } }"] = b => b.Genre != Genre.Fiction,
        ["{ not: { rating: { gt: 3 } } }"] = b => !(b.Rating > 3),
        ["{ not: { not: { inPrint: { eq: true } } } }"] = b => b.InPrint,
        ["{ and: [] }"] = _ => true,
        ["{ or: [] }"] = _ => false,
        ["{ not: { or: [] } }"] = _ => true,
        ["{ not: { and: [] } }"] = _ => false,
        ["{ not: {} }"] = _ => false,
        ["{ or: [{ and: [{ inPrint: { eq: true } }, { rating: { gte: 4 } }] }, { not: { subtitle: { neq: null } } }] }"] = b => (b.InPrint && b.Rating >= 4) || b.Subtitle is null,
        ["{ and: [{ or: [{ genre: { eq: SCIENCE } }, { genre: { eq: POETRY } }] }, { or: [{ price: { lt: 10 } }, { pages: { gte: 130 } }] }], not: { title: { startsWithIgnoreCase: \"s\" } } }"] =
            b => b.Genre is Genre.Science or Genre.Poetry && (b.Price < 10 || b.Pages >= 130) && !StartsI(b.Title, "s"),

        // to-one relations, two levels deep, and null
        ["{ publisher: { name: { eq: \"Cedar\" } } }"] = b => b.Publisher?.Name == "Cedar",
        ["{ publisher: { name: { eqIgnoreCase: \"cedar\" }, founded: { lt: 2000 } } }"] = b => EqI(b.Publisher?.Name, "cedar") && b.Publisher!.Founded < 2000,
        ["{ publisher: null }"] = b => b.Publisher is null,
        ["{ publisher: {} }"] = b => b.Publisher is not null,
        ["{ not: { publisher: null } }"] = b => b.Publisher is not null,
        ["{ publisher: { country: { code: { eq: \"NO\" } } } }"] = b => b.Publisher?.Country?.Code == "NO",
        ["{ publisher: { country: { name: { startsWithIgnoreCase: \"K\" } } } }"] = b => StartsI(b.Publisher?.Country?.Name, "K"),
        ["{ publisher: { country: null } }"] = b => b.Publisher is not null && b.Publisher.Country is null,
        ["{ not: { publisher: { country: { code: { eq: \"NO\" } } } } }"] = b => b.Publisher?.Country?.Code != "NO",
        ["{ or: [{ publisher: null }, { publisher: { country: null } }] }"] = b => b.Publisher?.Country is null,
        ["{ author: null }"] = _ => false,
        ["{ author: { born: { eq: null } } }"] = b => b.Author!.Born is null,
        ["{ author: { born: { neq: null } } }"] = b => b.Author!.Born is not null,
        ["{ author: { born: { lt: \"1930-01-01T00:00:00\" } } }"] = b => b.Author!.Born < D("1930-01-01T00:00:00"),
        ["{ author: { born: { nlt: \"1930-01-01T00:00:00\" } } }"] = b => !(b.Author!.Born < D("1930-01-01T00:00:00")),
        ["{ author: { born: { eq: \"1905-06-24T00:00:00\" } } }"] = b => b.Author!.Born == D("1905-06-24T00:00:00"),
        ["{ author: { name: { eqIgnoreCase: \"ALAN TURING\" } } }"] = b => EqI(b.Author!.Name, "alan turing"),
        ["{ author: { books: { some: { genre: { eq: POETRY } } } } }"] = b => b.Author!.Books.Any(x => x.Genre == Genre.Poetry),

        // to-many lists
        ["{ reviews: { some: { stars: { eq: 5 } } } }"] = b => b.Reviews.Any(r => r.Stars == 5),
        ["{ reviews: { all: { stars: { gte: 3 } } } }"] = b => b.Reviews.All(r => r.Stars >= 3),
        ["{ reviews: { none: { stars: { eq: 1 } } } }"] = b => !b.Reviews.Any(r => r.Stars == 1),
        ["{ reviews: { any: true } }"] = b => b.Reviews.Count > 0,
        ["{ reviews: { any: false } }"] = b => b.Reviews.Count == 0,
        ["{ reviews: { some: {} } }"] = b => b.Reviews.Count > 0,
        ["{ reviews: { all: { text: { neq: null } } } }"] = b => b.Reviews.All(r => r.Text is not null),
        ["{ reviews: { some: { text: { eq: null } } } }"] = b => b.Reviews.Any(r => r.Text is null),
        ["{ reviews: { some: { reviewer: { eqIgnoreCase: \"kim\" } }, all: { stars: { gte: 2 } } } }"] = b => b.Reviews.Any(r => EqI(r.Reviewer, "kim")) && b.Reviews.All(r => r.Stars >= 2),
        ["{ reviews: { any: true, none: { text: { containsIgnoreCase: \"GREAT\" } } } }"] = b => b.Reviews.Count > 0 && !b.Reviews.Any(r => HasI(r.Text, "great")),
        ["{ reviews: { some: { text: { contains: \"0%\" } } } }"] = b => b.Reviews.Any(r => Has(r.Text, "0%")),
        ["{ reviews: {} }"] = _ => true,

        // scalar lists
        ["{ tags: { some: { eq: \"award\" } } }"] = b => b.Tags.Any(t => t.Label == "award"),
        ["{ tags: { some: { eqIgnoreCase: \"award\" } } }"] = b => b.Tags.Any(t => EqI(t.Label, "award")),
        ["{ tags: { some: { in: [\"new\", \"classic\"] } } }"] = b => b.Tags.Any(t => t.Label is "new" or "classic"),
        ["{ tags: { all: { startsWith: \"a\" } } }"] = b => b.Tags.All(t => Starts(t.Label, "a")),
        ["{ tags: { all: { startsWithIgnoreCase: \"a\" }, any: true } }"] = b => b.Tags.Count > 0 && b.Tags.All(t => StartsI(t.Label, "a")),
        ["{ tags: { none: { eq: \"classic\" } } }"] = b => b.Tags.All(t => t.Label != "classic"),
        ["{ tags: { any: true } }"] = b => b.Tags.Count > 0,
        ["{ tags: { any: false } }"] = b => b.Tags.Count == 0,
        ["{ tags: { some: { neq: \"new\" } } }"] = b => b.Tags.Any(t => t.Label != "new"),
    };

    private static readonly Dictionary<string, Func<Publisher, bool>> PublisherCases = new()
    {
        ["{ books: { any: false } }"] = p => p.Books.Count == 0,
        ["{ books: { none: {} } }"] = p => p.Books.Count == 0,
        ["{ books: { all: { inPrint: { eq: true } } } }"] = p => p.Books.All(b => b.InPrint),
        ["{ books: { some: { reviews: { some: { stars: { eq: 5 } } } } } }"] = p => p.Books.Any(b => b.Reviews.Any(r => r.Stars == 5)),
        ["{ books: { all: { reviews: { any: true } } } }"] = p => p.Books.All(b => b.Reviews.Count > 0),
        ["{ country: null }"] = p => p.Country is null,
        ["{ country: { publishers: { some: { founded: { eq: 1901 } } } } }"] = p => p.Country?.Publishers.Any(x => x.Founded == 1901) == true,
        ["{ name: { in: [\"Cedar\", \"quill\"] }, founded: { neq: 1901 } }"] = p => p.Name is "Cedar" or "quill" && p.Founded != 1901,
        ["{ name: { contains: \"_\" } }"] = p => Has(p.Name, "_"),
        ["{ name: { endsWith: \"%\" } }"] = p => Ends(p.Name, "%"),
    };

    private static readonly Dictionary<string, Func<Author, bool>> AuthorCases = new()
    {
        ["{ born: { eq: null } }"] = a => a.Born is null,
        ["{ born: { neq: null } }"] = a => a.Born is not null,
        ["{ born: { eq: \"1905-06-24T00:00:00\" } }"] = a => a.Born == D("1905-06-24T00:00:00"),
        ["{ born: { neq: \"1905-06-24T00:00:00\" } }"] = a => a.Born != D("1905-06-24T00:00:00"),
        ["{ born: { in: [\"1905-06-24T00:00:00\", \"1934-03-24T00:00:00\"] } }"] = a => a.Born == D("1905-06-24T00:00:00") || a.Born == D("1934-03-24T00:00:00"),
        ["{ born: { nin: [\"1905-06-24T00:00:00\", \"1934-03-24T00:00:00\"] } }"] = a => a.Born != D("1905-06-24T00:00:00") && a.Born != D("1934-03-24T00:00:00"),
        ["{ born: { gt: \"1930-02-13T00:00:00\" } }"] = a => a.Born > D("1930-02-13T00:00:00"),
        ["{ born: { gte: \"1930-02-13T00:00:00\" } }"] = a => a.Born >= D("1930-02-13T00:00:00"),
        ["{ born: { lt: \"1930-02-13T00:00:00\" } }"] = a => a.Born < D("1930-02-13T00:00:00"),
        ["{ born: { lte: \"1930-02-13T00:00:00\" } }"] = a => a.Born <= D("1930-02-13T00:00:00"),
        ["{ born: { ngt: \"1930-02-13T00:00:00\" } }"] = a => !(a.Born > D("1930-02-13T00:00:00")),
        ["{ born: { ngte: \"1930-02-13T00:00:00\" } }"] = a => !(a.Born >= D("1930-02-13T00:00:00")),
        ["{ born: { nlt: \"1930-02-13T00:00:00\" } }"] = a => !(a.Born < D("1930-02-13T00:00:00")),
        ["{ born: { nlte: \"1930-02-13T00:00:00\" } }"] = a => !(a.Born <= D("1930-02-13T00:00:00")),
        ["{ name: { eqIgnoreCase: \"ada lovelace\" } }"] = a => EqI(a.Name, "ada lovelace"),
        ["{ books: { any: false } }"] = a => a.Books.Count == 0,
        ["{ books: { all: { publisher: { country: { code: { eq: \"NO\" } } } } } }"] = a => a.Books.All(b => b.Publisher?.Country?.Code == "NO"),
        ["{ books: { some: { tags: { some: { eq: \"classic\" } } } } }"] = a => a.Books.Any(b => b.Tags.Any(t => t.Label == "classic")),
    };

    private static readonly Dictionary<string, Func<Country, bool>> CountryCases = new()
    {
        ["{ publishers: { any: false } }"] = c => c.Publishers.Count == 0,
        ["{ publishers: { some: { books: { some: { genre: { eq: POETRY } } } } } }"] = c => c.Publishers.Any(p => p.Books.Any(b => b.Genre == Genre.Poetry)),
        ["{ publishers: { all: { books: { any: true } } } }"] = c => c.Publishers.All(p => p.Books.Count > 0),
        ["{ publishers: { none: { name: { containsIgnoreCase: \"ACME\" } } } }"] = c => !c.Publishers.Any(p => HasI(p.Name, "acme")),
    };

    public static TheoryData<string> BookWheres => [.. BookCases.Keys];

    public static TheoryData<string> PublisherWheres => [.. PublisherCases.Keys];

    public static TheoryData<string> AuthorWheres => [.. AuthorCases.Keys];

    public static TheoryData<string> CountryWheres => [.. CountryCases.Keys];

    private static TestHost Host => TestHost.Instance;

    [Theory]
    [MemberData(nameof(BookWheres))]
    public Task Books_filtered_in_sql_are_the_books_filtered_in_memory(string where) =>
        AssertSameIds("books", where, Host.Books.Where(BookCases[where]).Select(b => b.Id));

    [Theory]
    [MemberData(nameof(PublisherWheres))]
    public Task Publishers_filtered_in_sql_are_the_publishers_filtered_in_memory(string where) =>
        AssertSameIds("publishers", where, Host.Publishers.Where(PublisherCases[where]).Select(p => p.Id));

    [Theory]
    [MemberData(nameof(AuthorWheres))]
    public Task Authors_filtered_in_sql_are_the_authors_filtered_in_memory(string where) =>
        AssertSameIds("authors", where, Host.Authors.Where(AuthorCases[where]).Select(a => a.Id));

    [Theory]
    [MemberData(nameof(CountryWheres))]
    public Task Countries_filtered_in_sql_are_the_countries_filtered_in_memory(string where) =>
        AssertSameIds("countries", where, Host.Countries.Where(CountryCases[where]).Select(c => c.Id));

    [Fact]
    public void Most_book_cases_tell_rows_apart()
    {
        // Guards the data set: a case that keeps all rows or none proves little, so most must not.
        var discriminating = BookCases.Values.Count(c => Host.Books.Any(c) && !Host.Books.All(c));
        Assert.True(discriminating > BookCases.Count * 0.8, $"Only {discriminating} of {BookCases.Count} cases tell books apart.");
    }

    [Fact]
    public async Task Filter_values_can_come_from_variables()
    {
        var result = await Host.ExecuteAsync(
            "query($w: BookFilterInput) { books(first: 100, where: $w) { nodes { id } } }",
            new Inputs(new Dictionary<string, object?>
            {
                ["w"] = new Dictionary<string, object?> { ["genre"] = new Dictionary<string, object?> { ["in"] = new object?[] { "SCIENCE" } }, ["rating"] = new Dictionary<string, object?> { ["gte"] = 4.0 } },
            }));
        Assert.Null(result.Errors);
        var json = Host.Json(result);
        var expected = Host.Books.Where(b => b.Genre == Genre.Science && b.Rating >= 4).Select(b => b.Id).Order();
        Assert.Equal(expected, Expected.Ids(json["data"]!["books"]).Order());
    }

    private static async Task AssertSameIds(string field, string where, IEnumerable<int> expected)
    {
        var actual = await Host.AllIdsAsync(field, $"where: {where}");
        Assert.Equal(actual.Count, actual.Distinct().Count());
        Assert.Equal(expected.Order(), actual.Order());
    }

    private static bool Has(string? s, string t) => s is not null && s.Contains(t, StringComparison.Ordinal);

    private static bool Starts(string? s, string t) => s is not null && s.StartsWith(t, StringComparison.Ordinal);

    private static bool Ends(string? s, string t) => s is not null && s.EndsWith(t, StringComparison.Ordinal);

    private static bool HasI(string? s, string t) => s is not null && s.Contains(t, StringComparison.OrdinalIgnoreCase);

    private static bool StartsI(string? s, string t) => s is not null && s.StartsWith(t, StringComparison.OrdinalIgnoreCase);

    private static bool EndsI(string? s, string t) => s is not null && s.EndsWith(t, StringComparison.OrdinalIgnoreCase);

    private static bool EqI(string? s, string t) => s is not null && string.Equals(s, t, StringComparison.OrdinalIgnoreCase);

    private static DateTime D(string iso) => DateTime.Parse(iso, CultureInfo.InvariantCulture);
}
