namespace SpmGraph.Domain.Model;

/// <summary>An Organisasi Perangkat Daerah: the regional agency that delivers one or more bidang.</summary>
public sealed class Opd
{
    public int Id { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public string Name { get; set; } = "";

    public List<OpdSector> Sectors { get; set; } = [];
}

/// <summary>A bidang an OPD is responsible for.</summary>
public sealed class OpdSector
{
    public int OpdId { get; set; }

    public SectorCode Sector { get; set; }
}
