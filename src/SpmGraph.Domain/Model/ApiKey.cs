namespace SpmGraph.Domain.Model;

/// <summary>The roles a caller can hold; anonymous callers hold none.</summary>
public enum AccessRole
{
    /// <summary>Kemendagri: reads everything, manages the catalog, periods and schemes.</summary>
    National,

    /// <summary>A province: its own data and its kabupaten/kota, drafts included; verifies its kab/kota.</summary>
    Province,

    /// <summary>A kabupaten/kota (or a province acting for itself): its own data, drafts included.</summary>
    Region,
}

/// <summary>A third party's key: stored as a SHA-256 hash, revocable, with a name and a scope.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }

    /// <summary>Who holds the key, e.g. "BI dashboard Bappenas".</summary>
    public string Name { get; set; } = "";

    /// <summary>The first characters of the key, shown so holders can tell keys apart.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole key; the key itself is never stored.</summary>
    public string KeyHash { get; set; } = "";

    public AccessRole Role { get; set; }

    /// <summary>Kemendagri code of the region a PROVINCE or REGION key is scoped to.</summary>
    public string? RegionCode { get; set; }

    /// <summary>Requests per minute this key may make; null for the configured default.</summary>
    public int? RequestsPerMinute { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
