using System.Globalization;
using SpmGraph.Domain.Seeding;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Seeding;

/// <summary>
/// regions.csv must be exactly what the pipeline in docs/seed.md derives from idn-area-data; this
/// re-derives it in C# from the repository's copy of the source (docs/reference/idn-area-data) and compares.
/// </summary>
public sealed class RegionsFileTests
{
    [Fact]
    public void Regions_file_is_derived_from_idn_area_data()
    {
        var source = RepositoryPaths.IdnAreaData;
        var provinces = Read(source, "provinces.csv");
        var regencies = Read(source, "regencies.csv");
        var districts = Read(source, "districts.csv");
        var villages = Read(source, "villages.csv");

        var districtCount = districts.Rows.GroupBy(r => districts.Get(r, "regency_code"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var villageCount = villages.Rows.GroupBy(r => RegencyOf(villages.Get(r, "district_code")), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var lines = new List<(string Code, string Line)>();
        var provinceTotals = new Dictionary<string, (int Districts, int Villages)>(StringComparer.Ordinal);
        foreach (var row in regencies.Rows)
        {
            var code = regencies.Get(row, "code");
            var province = regencies.Get(row, "province_code");
            var name = regencies.Get(row, "name");
            var kind = name.StartsWith("Kota ", StringComparison.Ordinal) ? "CITY"
                : name.StartsWith("Kabupaten ", StringComparison.Ordinal) ? "REGENCY"
                : "UNKNOWN";
            var d = districtCount.GetValueOrDefault(code);
            var v = villageCount.GetValueOrDefault(code);
            lines.Add((code, string.Join(',', code, province, name, kind, Num(d), Num(v))));
            var total = provinceTotals.GetValueOrDefault(province);
            provinceTotals[province] = (total.Districts + d, total.Villages + v);
        }

        foreach (var row in provinces.Rows)
        {
            var code = provinces.Get(row, "code");
            var total = provinceTotals.GetValueOrDefault(code);
            lines.Add((code, string.Join(',', code, "", provinces.Get(row, "name"), "PROVINCE", Num(total.Districts), Num(total.Villages))));
        }

        var derived = "code,parent_code,name,kind,district_count,village_count\n"
            + string.Concat(lines.OrderBy(l => l.Code, StringComparer.Ordinal).Select(l => l.Line + "\n"));
        var embedded = SeedCsv.ReadEmbeddedText("regions.csv").Replace("\r", "", StringComparison.Ordinal);
        Assert.Equal(derived, embedded);
    }

    [Fact]
    public void Regions_file_has_38_provinces_416_regencies_and_98_cities()
    {
        var csv = SeedCsv.ReadEmbedded("regions.csv");
        var kinds = csv.Rows.GroupBy(r => csv.Get(r, "kind")).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(38, kinds["PROVINCE"]);
        Assert.Equal(416, kinds["REGENCY"]);
        Assert.Equal(98, kinds["CITY"]);
        Assert.Equal(3, kinds.Count);
        Assert.All(csv.Rows, r => Assert.True(int.Parse(csv.Get(r, "village_count"), CultureInfo.InvariantCulture) > 0));
    }

    private static SeedCsv Read(string folder, string file) =>
        SeedCsv.Parse(file, File.ReadAllText(Path.Combine(folder, file)));

    // "11.01.01" -> "11.01"
    private static string RegencyOf(string districtCode) => districtCode[..districtCode.LastIndexOf('.')];

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
