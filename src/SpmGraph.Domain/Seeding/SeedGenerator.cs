using System.Globalization;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Seeding;

/// <summary>
/// Builds the whole seed in memory: reference data from the embedded CSV files (regions,
/// catalog) and deterministic sample data (OPDs, plans, reports, achievements). Pure: the same
/// output on every call and every machine; docs/seed.md describes the model.
/// </summary>
public static partial class SeedGenerator
{
    public const int FirstPlanYear = 2023;
    public const int LastPlanYear = 2028;
    public const int FirstReportYear = 2023;
    public const int LastReportYear = 2025;
    public const string PlanPeriod = "Periode 2023 - 2028";

    /// <summary>The largest <c>Seed:Scale</c>: 3 x 20 report years reach back to 1966.</summary>
    public const int MaxScale = 20;

    // WIB (Waktu Indonesia Barat) is UTC+7; e-SPM deadlines are set in Jakarta time.
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static SeedData Generate() => Generate(scale: 1);

    /// <summary>
    /// The seed at <paramref name="scale"/> times the achievement rows, for benchmarks: scale N
    /// reports 3 x N years ending with <see cref="LastReportYear"/> (scale 10: 1996-2025), the
    /// earlier years added before the usual ones. Scale 1 is the usual seed, unchanged.
    /// </summary>
    public static SeedData Generate(int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);
        var firstReportYear = FirstReportYearAt(scale);
        var regions = LoadRegions();
        var sectors = CreateSectors();
        var indicators = LoadIndicators();
        var profiles = IndicatorProfile.LoadEmbedded();
        var facts = RegionFacts.Compute(regions);
        var (opds, opdSectors, agencyOpds) = CreateOpds(regions);
        var periods = CreateReportingPeriods(firstReportYear);
        var (schemes, bands) = CreateScoringSchemes();
        var reports = CreateReports(regions, facts, periods);
        var (plans, achievements) = CreatePlansAndAchievements(regions, indicators, profiles, facts, agencyOpds, reports, firstReportYear);

        return new SeedData
        {
            Sectors = sectors,
            Regions = regions,
            Indicators = indicators,
            Opds = opds,
            OpdSectors = opdSectors,
            ReportingPeriods = periods,
            ScoringSchemes = schemes,
            ScoringBands = bands,
            Plans = plans,
            Reports = reports,
            Achievements = achievements,
        };
    }

    /// <summary>The first year with reports and achievements at <paramref name="scale"/> (1: <see cref="FirstReportYear"/>).</summary>
    public static int FirstReportYearAt(int scale) => LastReportYear - (scale * (LastReportYear - FirstReportYear + 1)) + 1;

    /// <summary>The 38 provinces and 514 kabupaten/kota of regions.csv, ids in file (code) order.</summary>
    public static List<Region> LoadRegions()
    {
        var csv = SeedCsv.ReadEmbedded("regions.csv");
        var regions = new List<Region>(csv.Rows.Count);
        var byCode = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var row in csv.Rows)
        {
            var parentCode = csv.Get(row, "parent_code");
            var region = new Region
            {
                Id = regions.Count + 1,
                Code = csv.Get(row, "code"),
                Name = csv.Get(row, "name"),
                Kind = csv.Get(row, "kind") switch
                {
                    "PROVINCE" => RegionKind.Province,
                    "REGENCY" => RegionKind.Regency,
                    "CITY" => RegionKind.City,
                    var other => throw new FormatException($"regions.csv: unknown kind '{other}'."),
                },
                // The file lists a province before its kab/kota, so the parent is already known.
                ParentId = parentCode.Length == 0 ? null : byCode[parentCode].Id,
                DistrictCount = int.Parse(csv.Get(row, "district_count"), CultureInfo.InvariantCulture),
                VillageCount = int.Parse(csv.Get(row, "village_count"), CultureInfo.InvariantCulture),
            };
            regions.Add(region);
            byCode.Add(region.Code, region);
        }

        return regions;
    }

    /// <summary>The PP 2/2018 catalog of indicators.csv, ids in file order.</summary>
    public static List<Indicator> LoadIndicators()
    {
        var csv = SeedCsv.ReadEmbedded("indicators.csv");
        return
        [
            .. csv.Rows.Select((row, index) => new Indicator
            {
                Id = index + 1,
                Code = csv.Get(row, "code"),
                Sector = Enum.Parse<SectorCode>(csv.Get(row, "sector")),
                Level = Enum.Parse<IndicatorLevel>(csv.Get(row, "level")),
                Name = csv.Get(row, "name"),
                Recipient = csv.Get(row, "recipient"),
                Unit = csv.Get(row, "unit"),
                LegalBasis = csv.Get(row, "legal_basis"),
            }),
        ];
    }

    /// <summary>The six bidang in PP 2/2018 order.</summary>
    public static List<Sector> CreateSectors() =>
    [
        new() { Code = SectorCode.Education, Name = "Pendidikan", EnglishName = "Education", Ordinal = 1 },
        new() { Code = SectorCode.Health, Name = "Kesehatan", EnglishName = "Health", Ordinal = 2 },
        new() { Code = SectorCode.PublicWorks, Name = "Pekerjaan Umum", EnglishName = "Public Works", Ordinal = 3 },
        new() { Code = SectorCode.Housing, Name = "Perumahan Rakyat", EnglishName = "Public Housing", Ordinal = 4 },
        new()
        {
            Code = SectorCode.PublicOrder,
            Name = "Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat",
            EnglishName = "Public Order and Community Protection",
            Ordinal = 5,
        },
        new() { Code = SectorCode.Social, Name = "Sosial", EnglishName = "Social Affairs", Ordinal = 6 },
    ];

    /// <summary>
    /// The agencies of every region, named the way regions name them. Some regions merge public
    /// works and housing into one dinas; some have a fire dinas, elsewhere Satpol PP runs fire.
    /// </summary>
    private static (List<Opd> Opds, List<OpdSector> Sectors, int[,] AgencyOpds) CreateOpds(List<Region> regions)
    {
        var opds = new List<Opd>(regions.Count * 8);
        var opdSectors = new List<OpdSector>(regions.Count * 9);
        var agencyOpds = new int[regions.Count + 1, Enum.GetValues<SeedAgency>().Length];

        foreach (var region in regions)
        {
            var rng = SeedRandom.For("opd", region.Code);
            var mergedWorks = rng.Chance(region.Kind == RegionKind.Province ? 0.15 : 0.2);
            var fireDinas = rng.Chance(region.Kind switch
            {
                RegionKind.City => 0.5,
                RegionKind.Regency => 0.08,
                _ => 0.0, // fire is a kab/kota service
            });
            var suffix = region.Kind == RegionKind.Province ? "Provinsi " + region.Name : region.Name;

            void Add(string name, SeedAgency[] agencies, params SectorCode[] sectors)
            {
                var opd = new Opd { Id = opds.Count + 1, RegionId = region.Id, Name = name + " " + suffix };
                opds.Add(opd);
                opdSectors.AddRange(sectors.Select(s => new OpdSector { OpdId = opd.Id, Sector = s }));
                foreach (var agency in agencies)
                {
                    agencyOpds[region.Id, (int)agency] = opd.Id;
                }
            }

            Add("Dinas Pendidikan", [SeedAgency.Education], SectorCode.Education);
            Add("Dinas Kesehatan", [SeedAgency.Health], SectorCode.Health);
            if (mergedWorks)
            {
                Add("Dinas Pekerjaan Umum dan Perumahan Rakyat", [SeedAgency.PublicWorks, SeedAgency.Housing], SectorCode.PublicWorks, SectorCode.Housing);
            }
            else
            {
                Add("Dinas Pekerjaan Umum dan Penataan Ruang", [SeedAgency.PublicWorks], SectorCode.PublicWorks);
                Add("Dinas Perumahan Rakyat dan Kawasan Permukiman", [SeedAgency.Housing], SectorCode.Housing);
            }

            Add("Satuan Polisi Pamong Praja", fireDinas ? [SeedAgency.PublicOrder] : [SeedAgency.PublicOrder, SeedAgency.Fire], SectorCode.PublicOrder);
            Add("Badan Penanggulangan Bencana Daerah", [SeedAgency.Disaster], SectorCode.PublicOrder);
            if (fireDinas)
            {
                Add("Dinas Pemadam Kebakaran", [SeedAgency.Fire], SectorCode.PublicOrder);
            }

            Add("Dinas Sosial", [SeedAgency.Social], SectorCode.Social);
        }

        return (opds, opdSectors, agencyOpds);
    }

    /// <summary>
    /// The e-SPM input windows. From 2024 they open on the 1st of the month after the quarter and
    /// close on the 20th (the next Monday when the 20th is a weekend); 2023 was irregular.
    /// </summary>
    public static List<ReportingPeriod> CreateReportingPeriods() => CreateReportingPeriods(FirstReportYear);

    private static List<ReportingPeriod> CreateReportingPeriods(int firstReportYear)
    {
        // 2023 windows as Kemendagri (in this sample) announced them: opened late after an
        // application update, Q2 stretched to month end, Q4 extended into February.
        (DateOnly Opens, DateOnly Closes)[] irregular2023 =
        [
            (new(2023, 4, 10), new(2023, 5, 5)),
            (new(2023, 7, 3), new(2023, 7, 31)),
            (new(2023, 10, 2), new(2023, 10, 27)),
            (new(2024, 1, 8), new(2024, 2, 9)),
        ];

        var periods = new List<ReportingPeriod>();
        for (var year = firstReportYear; year <= LastReportYear; year++)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                DateOnly opens, closes;
                if (year == 2023)
                {
                    (opens, closes) = irregular2023[quarter - 1];
                }
                else
                {
                    opens = new DateOnly(year, 1, 1).AddMonths(quarter * 3);
                    closes = opens.AddDays(19);
                    closes = closes.DayOfWeek switch
                    {
                        DayOfWeek.Saturday => closes.AddDays(2),
                        DayOfWeek.Sunday => closes.AddDays(1),
                        _ => closes,
                    };
                }

                periods.Add(new ReportingPeriod
                {
                    Id = periods.Count + 1,
                    Year = year,
                    Quarter = quarter,
                    OpensAt = MidnightWib(opens),
                    ClosesAt = MidnightWib(closes),
                });
            }
        }

        return periods;
    }

    /// <summary>
    /// The Indeks Pencapaian SPM schemes: version 2 (active) fits Kemendagri's published labels;
    /// version 1, the earlier guess, stays for comparison.
    /// </summary>
    public static (List<ScoringScheme> Schemes, List<ScoringBand> Bands) CreateScoringSchemes()
    {
        var first = new ScoringScheme
        {
            Id = 1,
            Code = "DEFAULT",
            Version = 1,
            Name = "Indeks Pencapaian SPM (first guess)",
            RecipientWeight = 0.8,
            QualityWeight = 0.2,
            CapRecipientRate = true,
            IsActive = false,
            Source = "Superseded by version 2. Weights 80/20 and band thresholds 100/80/60/40/20/0 as first assumed; "
                + "the thresholds are contradicted by Kemendagri's own labels (a national average of 69 called Tuntas Muda).",
        };
        var published = new ScoringScheme
        {
            Id = 2,
            Code = "DEFAULT",
            Version = 2,
            Name = "Indeks Pencapaian SPM (Kemendagri labels)",
            RecipientWeight = 0.8,
            QualityWeight = 0.2,
            CapRecipientRate = true,
            IsActive = true,
            Source = "Weights: e-SPM report layouts (Permendagri 59/2021) head the parts \"persentase pencapaian penerima layanan dasar (80%)\" "
                + "and \"persentase pencapaian mutu minimal layanan dasar (20%)\". Bands: the scale that fits Ditjen Bina Bangda's statements: "
                + "a national kab/kota average of 69 (2022) was Tuntas Muda, an e-SPM average of 42.03 (Aug 2023) Belum Tuntas, "
                + "a region at 96.19 (TW III 2023) Tuntas Utama. Capping the recipient part at 100 is not published (an assumption). "
                + "The annex of Permendagri 59/2021 itself has not been read.",
        };
        (ScoringScheme Scheme, string Code, string Label, double LowerBound)[] bands =
        [
            (first, "TUNTAS_PARIPURNA", "Tuntas Paripurna", 100),
            (first, "TUNTAS_UTAMA", "Tuntas Utama", 80),
            (first, "TUNTAS_MADYA", "Tuntas Madya", 60),
            (first, "TUNTAS_PRATAMA", "Tuntas Pratama", 40),
            (first, "BELUM_TUNTAS", "Belum Tuntas", 20),
            (first, "TIDAK_TUNTAS", "Tidak Tuntas", 0),
            (published, "TUNTAS_PARIPURNA", "Tuntas Paripurna", 100),
            (published, "TUNTAS_UTAMA", "Tuntas Utama", 90),
            (published, "TUNTAS_MADYA", "Tuntas Madya", 80),
            (published, "TUNTAS_PRATAMA", "Tuntas Pratama", 70),
            (published, "TUNTAS_MUDA", "Tuntas Muda", 60),
            (published, "BELUM_TUNTAS", "Belum Tuntas", 0),
        ];
        return ([first, published], [.. bands.Select((b, i) => new ScoringBand
        {
            Id = i + 1,
            ScoringSchemeId = b.Scheme.Id,
            Code = b.Code,
            Label = b.Label,
            LowerBound = b.LowerBound,
        })]);
    }

    // 00:00 WIB of a calendar day, as a UTC instant (17:00 UTC the day before).
    private static DateTime MidnightWib(DateOnly day) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Wib, DateTimeKind.Utc);
}
