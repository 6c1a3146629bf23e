using System.Globalization;

namespace SpmGraph.Domain.Seeding;

/// <summary>Which of a region's agencies delivers a jenis; finer than the bidang for public order.</summary>
public enum SeedAgency
{
    Education,
    Health,
    PublicWorks,
    Housing,

    /// <summary>Satuan Polisi Pamong Praja: ketenteraman dan ketertiban umum.</summary>
    PublicOrder,

    /// <summary>Badan Penanggulangan Bencana Daerah: the disaster services of the public-order bidang.</summary>
    Disaster,

    /// <summary>Dinas Pemadam Kebakaran where the region has one, otherwise Satpol PP.</summary>
    Fire,
    Social,
}

/// <summary>
/// The invented parameters the sample data is drawn from for one jenis (indicator_profiles.csv):
/// not regulation, just plausible magnitudes; docs/seed.md explains each column.
/// </summary>
public sealed record IndicatorProfile(
    string Code,
    SeedAgency Agency,
    string ProgramCode,
    double PerVillage,
    long UnitCost,
    double TypicalRate,
    long? FacilitySize,
    long? FacilityCost,
    bool ZeroTarget)
{
    /// <summary>True when the budget need is stated per facility rather than target x unit cost.</summary>
    public bool CostsPerFacility => FacilitySize is > 0 && FacilityCost is > 0;

    /// <summary>Reads the embedded indicator_profiles.csv, keyed by indicator code.</summary>
    public static IReadOnlyDictionary<string, IndicatorProfile> LoadEmbedded()
    {
        var csv = SeedCsv.ReadEmbedded("indicator_profiles.csv");
        var profiles = new Dictionary<string, IndicatorProfile>(StringComparer.Ordinal);
        foreach (var row in csv.Rows)
        {
            var profile = new IndicatorProfile(
                csv.Get(row, "code"),
                Enum.Parse<SeedAgency>(csv.Get(row, "agency")),
                csv.Get(row, "program_code"),
                double.Parse(csv.Get(row, "per_village"), CultureInfo.InvariantCulture),
                long.Parse(csv.Get(row, "unit_cost"), CultureInfo.InvariantCulture),
                double.Parse(csv.Get(row, "typical_rate"), CultureInfo.InvariantCulture),
                ParseOptional(csv.Get(row, "facility_size")),
                ParseOptional(csv.Get(row, "facility_cost")),
                bool.Parse(csv.Get(row, "zero_target")));
            profiles.Add(profile.Code, profile);
        }

        return profiles;
    }

    private static long? ParseOptional(string text) =>
        text.Length == 0 ? null : long.Parse(text, CultureInfo.InvariantCulture);
}
