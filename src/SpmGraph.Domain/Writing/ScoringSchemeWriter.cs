using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Writing;

/// <summary>A scoring scheme as added: the input of addScoringScheme.</summary>
public sealed record ScoringSchemeInput
{
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public double RecipientWeight { get; init; }

    public double QualityWeight { get; init; }

    /// <summary>Whether the recipient part counts the achievement rate capped at 100.</summary>
    public bool CapRecipientRate { get; init; } = true;

    public string Source { get; init; } = "";

    public IReadOnlyList<ScoringBandInput> Bands { get; init; } = [];

    public bool Activate { get; init; }

    /// <summary>When given, the latest version of the code the caller saw (0: the code must be new); else CONFLICT.</summary>
    public int? ExpectedVersion { get; init; }
}

public sealed record ScoringBandInput(string Code, string Label, double LowerBound);

/// <summary>
/// Scoring schemes are versioned data: a new scheme, or the next version of a code, is added and never edited, so
/// every figure that names a scheme version keeps its meaning; activating one changes only which is active. Like
/// every write: one serializable transaction, checks first, every changed row audited.
/// </summary>
public sealed class ScoringSchemeWriter(IDbContextFactory<SpmDbContext> contexts, TimeProvider clock)
{
    public const int MaxCodeLength = 32;

    public const int MaxNameLength = 128;

    public const int MaxSourceLength = 512;

    public const int MaxBandLabelLength = 64;

    public async Task<WriteResult<ScoringScheme>> AddAsync(ScoringSchemeInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await using var session = await WriteSession.BeginAsync(contexts, clock, actor, cancellationToken);
            var errors = Check(input).ToList();
            var latest = await session.Db.ScoringSchemes.AsNoTracking().Where(s => s.Code == input.Code).MaxAsync(s => (int?)s.Version, cancellationToken);
            WriteRules.CheckVersion(input.ExpectedVersion, latest, $"scoring scheme {input.Code}", errors);
            if (errors.Count > 0)
            {
                return WriteResult.Failure<ScoringScheme>(errors);
            }

            var scheme = new ScoringScheme
            {
                Code = input.Code,
                Name = input.Name,
                Version = (latest ?? 0) + 1,
                RecipientWeight = input.RecipientWeight,
                QualityWeight = input.QualityWeight,
                CapRecipientRate = input.CapRecipientRate,
                Source = input.Source,
                IsActive = input.Activate,
                Bands = [.. input.Bands.Select(b => new ScoringBand { Code = b.Code, Label = b.Label, LowerBound = b.LowerBound })],
            };
            session.Changes.Create(scheme);
            if (input.Activate)
            {
                await DeactivateOthersAsync(session, scheme, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
            return WriteResult.Success(scheme);
        }
        catch (Exception ex) when (WriteConflicts.IsConflict(ex))
        {
            return WriteResult.Failure<ScoringScheme>(WriteConflicts.Error());
        }
    }

    /// <summary>Makes one version the active scheme; the one active before becomes inactive. Activating the active one writes nothing.</summary>
    public async Task<WriteResult<ScoringScheme>> ActivateAsync(string code, int version, string actor, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = await WriteSession.BeginAsync(contexts, clock, actor, cancellationToken);
            var scheme = await session.Db.ScoringSchemes.AsNoTracking().Include(s => s.Bands)
                .SingleOrDefaultAsync(s => s.Code == code && s.Version == version, cancellationToken);
            if (scheme is null)
            {
                return WriteResult.Failure<ScoringScheme>(WriteError.At("code", WriteErrorCodes.UnknownScheme, $"There is no scoring scheme {code} version {version}."));
            }

            session.Changes.Update(scheme, s => s.IsActive = true);
            await DeactivateOthersAsync(session, scheme, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return WriteResult.Success(scheme);
        }
        catch (Exception ex) when (WriteConflicts.IsConflict(ex))
        {
            return WriteResult.Failure<ScoringScheme>(WriteConflicts.Error());
        }
    }

    private static async Task DeactivateOthersAsync(WriteSession session, ScoringScheme active, CancellationToken cancellationToken)
    {
        var others = await session.Db.ScoringSchemes.AsNoTracking().Where(s => s.IsActive && s.Id != active.Id).ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            session.Changes.Update(other, s => s.IsActive = false);
        }
    }

    private static IEnumerable<WriteError> Check(ScoringSchemeInput input)
    {
        if (input.Code.Length is 0 or > MaxCodeLength || !input.Code.All(IsCodeCharacter))
        {
            yield return WriteError.At("code", WriteErrorCodes.InvalidFormat, $"code is 1-{MaxCodeLength} characters of A-Z, 0-9 and _.");
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            yield return WriteError.At("name", WriteErrorCodes.Required, "Name the scheme.");
        }
        else if (input.Name.Length > MaxNameLength)
        {
            yield return WriteError.At("name", WriteErrorCodes.TooLong, $"name has at most {MaxNameLength} characters.");
        }

        if (input.Source.Length > MaxSourceLength)
        {
            yield return WriteError.At("source", WriteErrorCodes.TooLong, $"source has at most {MaxSourceLength} characters.");
        }

        if (input.RecipientWeight is < 0 or > 1 || input.QualityWeight is < 0 or > 1 || Math.Abs(input.RecipientWeight + input.QualityWeight - 1) > 1e-9)
        {
            yield return WriteError.At("recipientWeight", WriteErrorCodes.InvalidWeights, "The weights must each be within 0-1 and sum to 1.");
        }

        if (input.Bands.Count == 0 || input.Bands.Select(b => b.Code).Distinct(StringComparer.Ordinal).Count() != input.Bands.Count || !input.Bands.Any(b => b.LowerBound <= 0))
        {
            yield return WriteError.At("bands", WriteErrorCodes.InvalidBands, "Bands need distinct codes and one starting at 0, so every index has a band.");
        }

        if (input.Bands.Any(b => b.Code.Length is 0 or > MaxCodeLength || !b.Code.All(IsCodeCharacter) || b.Label.Length is 0 or > MaxBandLabelLength || !double.IsFinite(b.LowerBound)))
        {
            yield return WriteError.At("bands", WriteErrorCodes.InvalidBands, $"A band has a code of 1-{MaxCodeLength} characters of A-Z, 0-9 and _, a label of 1-{MaxBandLabelLength} characters and a finite lower bound.");
        }
    }

    private static bool IsCodeCharacter(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}
