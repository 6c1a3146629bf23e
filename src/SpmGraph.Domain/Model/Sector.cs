namespace SpmGraph.Domain.Model;

/// <summary>A bidang: one of the six fields of basic service.</summary>
public sealed class Sector
{
    public SectorCode Code { get; set; }

    /// <summary>Official Indonesian name, e.g. "Kesehatan".</summary>
    public string Name { get; set; } = "";

    public string EnglishName { get; set; } = "";

    /// <summary>Position in PP 2/2018 (1-6).</summary>
    public int Ordinal { get; set; }

    public List<Indicator> Indicators { get; set; } = [];
}
