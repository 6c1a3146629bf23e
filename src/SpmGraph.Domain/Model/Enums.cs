namespace SpmGraph.Domain.Model;

/// <summary>Administrative kind of a region (daerah).</summary>
public enum RegionKind
{
    Province,
    Regency,
    City,
}

/// <summary>The six bidang (fields) of SPM under PP 2/2018.</summary>
public enum SectorCode
{
    Education,
    Health,
    PublicWorks,
    Housing,
    PublicOrder,
    Social,
}

/// <summary>Which level of government delivers a jenis pelayanan dasar.</summary>
public enum IndicatorLevel
{
    Province,
    RegencyCity,
}

/// <summary>Workflow state of a quarterly report and of the achievement rows in it.</summary>
public enum ReportStatus
{
    Draft,
    Submitted,
    Verified,
    Rejected,
}
