using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Seeding;

/// <summary>
/// Per-region traits the sample data is drawn from: a size proxy, a price level, a performance
/// tendency, fiscal stress and a habit of reporting late. Each comes from the region's own stream.
/// </summary>
internal sealed class RegionFacts
{
    // Provinces whose regions in this sample report late more (or less) often than the rest:
    // Sumatera Selatan's governor warned late reporters; remote provinces lag; a few are prompt.
    private static double LatenessOf(string province) => province switch
    {
        "16" => 4.0,
        ['9', _] => 2.2,
        "81" or "82" => 1.7,
        "53" => 1.5,
        "35" or "51" => 0.5,
        "31" or "34" => 0.3,
        _ => 1.0,
    };

    // Base chance that a submitted report is late, tuned so about 8% of all submissions are.
    private const double BaseLateness = 0.063;

    public required string ProvinceCode { get; init; }

    /// <summary>Desa/kelurahan weighted by density: the scale of every target.</summary>
    public double Size { get; set; }

    /// <summary>Regional price level multiplying unit costs (remote provinces cost more).</summary>
    public required double PriceLevel { get; init; }

    /// <summary>Points added to every achievement rate of the region.</summary>
    public required double Performance { get; init; }

    /// <summary>Multiplies the chance of an under-budgeted plan line (mean about 0.83).</summary>
    public required double FiscalStress { get; init; }

    /// <summary>Chance that a submitted report comes in after the window closed.</summary>
    public required double Lateness { get; init; }

    /// <summary>Facts indexed by region id (index 0 unused).</summary>
    public static RegionFacts[] Compute(IReadOnlyList<Region> regions)
    {
        var facts = new RegionFacts[regions.Count + 1];
        var provincePerformance = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var province = region.Code[..2];
            if (!provincePerformance.TryGetValue(province, out var provinceEffect))
            {
                provinceEffect = SeedRandom.For("perf", province, "province").NextNormal() * 5;
                provinceEffect += IsPapua(province) ? -10 : 0;
                provincePerformance.Add(province, provinceEffect);
            }

            var rng = SeedRandom.For("region", region.Code);
            var density = (region.Kind == RegionKind.City ? 4.0 : 1.0) * (IsPapua(province) ? 0.35 : 1.0);
            facts[region.Id] = new RegionFacts
            {
                ProvinceCode = province,
                Size = region.VillageCount * density * rng.NextDouble(0.8, 1.2),
                PriceLevel = BasePrice(province) * rng.NextDouble(0.92, 1.08),
                Performance = provinceEffect + (rng.NextNormal() * (region.Kind == RegionKind.Province ? 4 : 7)),
                FiscalStress = 0.25 + (1.75 * Square(rng.NextDouble())),
                Lateness = BaseLateness * LatenessOf(province) * rng.NextDouble(0.5, 1.5),
            };
        }

        // A province's size is the sum over its kab/kota (its own villages are theirs).
        foreach (var region in regions.Where(r => r.Kind == RegionKind.Province))
        {
            facts[region.Id].Size = regions.Where(r => r.ParentId == region.Id).Sum(r => facts[r.Id].Size);
        }

        return facts;
    }

    private static bool IsPapua(string province) => province[0] == '9';

    private static double BasePrice(string province) => province switch
    {
        ['9', _] => 1.5,
        "81" or "82" or "53" or "31" => 1.2,
        ['6', _] => 1.1,
        _ => 1.0,
    };

    private static double Square(double x) => x * x;
}
