namespace SpmGraph.Domain.Model;

/// <summary>A jenis pelayanan dasar (basic service type) of the PP 2/2018 catalog.</summary>
public sealed class Indicator
{
    public int Id { get; set; }

    /// <summary>Stable code, e.g. "KES.KK.01" (sector, level, ordinal); see docs/catalog.md.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public SectorCode Sector { get; set; }

    public Sector? SectorEntity { get; set; }

    public IndicatorLevel Level { get; set; }

    /// <summary>Penerima: who is entitled to the service.</summary>
    public string Recipient { get; set; } = "";

    /// <summary>Regulation that fixes the service and its technical standard.</summary>
    public string LegalBasis { get; set; } = "";

    /// <summary>Unit in which recipients are counted ("orang", "rumah tangga", "unit").</summary>
    public string Unit { get; set; } = "";
}
