namespace SpmGraph.Domain.Model;

/// <summary>How achievement and quality combine into the Indeks Pencapaian SPM, and its named bands.</summary>
public sealed class ScoringScheme
{
    public int Id { get; set; }

    /// <summary>Stable code, e.g. "DEFAULT_2018".</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int Version { get; set; }

    /// <summary>Weight of the achievement rate (capped at 100 when <see cref="CapRecipientRate"/>); weights sum to 1.</summary>
    public double RecipientWeight { get; set; }

    public double QualityWeight { get; set; }

    /// <summary>Whether the recipient part counts the rate capped at 100 (not published; on by default).</summary>
    public bool CapRecipientRate { get; set; } = true;

    /// <summary>The scheme used when a query names none.</summary>
    public bool IsActive { get; set; }

    /// <summary>Where the numbers come from and how sure they are.</summary>
    public string Source { get; set; } = "";

    public List<ScoringBand> Bands { get; set; } = [];

    /// <summary>The band of an index: the one with the highest lower bound not above it.</summary>
    public ScoringBand? BandFor(double? index) =>
        index is null ? null : Bands.Where(b => index >= b.LowerBound).MaxBy(b => b.LowerBound);

    /// <summary>The per-row index; null when the rate or the quality is unknown.</summary>
    public double? IndexFor(double? achievementRate, double? qualityRate) =>
        Rules.SpmRules.IndexOf(achievementRate, qualityRate, RecipientWeight, QualityWeight, CapRecipientRate);
}

/// <summary>A named band of a scoring scheme, e.g. TUNTAS_PARIPURNA from 100.</summary>
public sealed class ScoringBand
{
    public int Id { get; set; }

    public int ScoringSchemeId { get; set; }

    /// <summary>Machine name, e.g. "TUNTAS_PARIPURNA".</summary>
    public string Code { get; set; } = "";

    /// <summary>Official label, e.g. "Tuntas Paripurna".</summary>
    public string Label { get; set; } = "";

    /// <summary>Inclusive lower bound of the index for this band.</summary>
    public double LowerBound { get; set; }
}
