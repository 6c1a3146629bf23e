using System.Data.Common;

namespace SpmGraph.Benchmark.Raw;

/// <summary>
/// The active scoring scheme, read once at start: the raw endpoint is the physical limit, and the
/// benchmark writes nothing, so the scheme cannot change under it.
/// </summary>
internal sealed record RawScheme(double RecipientWeight, double QualityWeight, bool CapRecipientRate, IReadOnlyList<(string Code, double LowerBound)> Bands)
{
    public static async Task<RawScheme> LoadAsync(RawDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await database.ReadAsync(
            connection,
            """
            SELECT s."RecipientWeight", s."QualityWeight", s."CapRecipientRate", b."Code", b."LowerBound"
            FROM "ScoringSchemes" AS s JOIN "ScoringBands" AS b ON b."ScoringSchemeId" = s."Id"
            WHERE s."IsActive" ORDER BY b."LowerBound" DESC
            """,
            1,
            cancellationToken);
        var bands = new List<(string, double)>();
        double recipient = 0, quality = 0;
        var cap = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            recipient = reader.GetDouble(0);
            quality = reader.GetDouble(1);
            cap = reader.GetBoolean(2);
            bands.Add((reader.GetString(3), reader.GetDouble(4)));
        }

        return bands.Count > 0 ? new RawScheme(recipient, quality, cap, bands) : throw new InvalidOperationException("No active scoring scheme.");
    }

    /// <summary>The index of one row, as SpmRules.Index computes it.</summary>
    public double? Index(double? rate, double? quality) => rate is null || quality is null
        ? null
        : (RecipientWeight * (CapRecipientRate && rate > 100 ? 100.0 : rate.Value)) + (QualityWeight * quality.Value);

    /// <summary>The band of an index: the first whose inclusive lower bound it reaches.</summary>
    public string? Band(double? index)
    {
        if (index is not { } value)
        {
            return null;
        }

        foreach (var (code, lowerBound) in Bands)
        {
            if (value >= lowerBound)
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>The SQL of one row's index over columns <paramref name="served"/>, <paramref name="target"/>, <paramref name="quality"/>.</summary>
    public string IndexSql(RawDatabase database, string served, string target, string quality)
    {
        ArgumentNullException.ThrowIfNull(database);
        var rate = RateSql(database, served, target);
        var capped = CapRecipientRate ? $"CASE WHEN {rate} > 100.0 THEN 100.0 ELSE {rate} END" : rate;
        return $"CASE WHEN {target} = 0 OR {quality} IS NULL THEN NULL ELSE {Literal(RecipientWeight)} * {capped} + {Literal(QualityWeight)} * {quality} END";
    }

    /// <summary>served * 100 / target as a double, null when the target is 0 (SpmRules.Rate).</summary>
    public static string RateSql(RawDatabase database, string served, string target)
    {
        ArgumentNullException.ThrowIfNull(database);
        return $"CASE WHEN {target} = 0 THEN NULL ELSE {database.Real(served)} * 100.0 / {database.Real(target)} END";
    }

    private static string Literal(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    internal static double? NullableDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
