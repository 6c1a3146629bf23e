namespace SpmGraph.Domain.Model;

/// <summary>A province (provinsi) or kabupaten/kota, keyed by its Kemendagri code.</summary>
public sealed class Region
{
    public int Id { get; set; }

    /// <summary>Kemendagri code: "19" for a province, "19.71" for a kabupaten/kota.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public RegionKind Kind { get; set; }

    public int? ParentId { get; set; }

    public Region? Parent { get; set; }

    public List<Region> Children { get; set; } = [];

    public List<Opd> Opds { get; set; } = [];

    /// <summary>Number of desa/kelurahan in the reference data: the size proxy the seed scales targets by.</summary>
    public int VillageCount { get; set; }

    /// <summary>Number of kecamatan in the reference data.</summary>
    public int DistrictCount { get; set; }
}
