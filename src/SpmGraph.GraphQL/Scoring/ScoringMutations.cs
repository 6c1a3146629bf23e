using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Security;

namespace SpmGraph.GraphQL.Scoring;

/// <summary>
/// Scoring schemes are versioned data: a new scheme or a new version of one is added, never edited,
/// so every figure that names a scheme version keeps its meaning. NATIONAL only.
/// </summary>
public sealed class ScoringMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<ScoringSchemePayloadGraphType>>("addScoringScheme")
            .Description("Adds a scoring scheme, or the next version of one with the same code; `activate` makes it the one used when a query names none.")
            .Argument<NonNullGraphType<AddScoringSchemeInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<AddScoringSchemeInput>("input");
                return await WriteAccess.GuardedAsync(ctx, WriteKind.ScoringSchemes, null, () => AddAsync(ctx, input));
            });
        mutation.Field<NonNullGraphType<ScoringSchemePayloadGraphType>>("activateScoringScheme")
            .Description("Makes a scheme version the active one (the others become inactive).")
            .Argument<NonNullGraphType<ActivateScoringSchemeInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ActivateScoringSchemeInput>("input");
                return await WriteAccess.GuardedAsync(ctx, WriteKind.ScoringSchemes, null, () => ActivateAsync(ctx, input.Code, input.Version));
            });
    }

    private static async Task<WriteResult<ScoringScheme>> AddAsync(IResolveFieldContext context, AddScoringSchemeInput input)
    {
        var errors = Check(input).ToList();
        if (errors.Count > 0)
        {
            return WriteResult.Failure<ScoringScheme>(errors);
        }

        await using var db = await Db.OpenAsync(context);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var version = (await db.ScoringSchemes.Where(s => s.Code == input.Code).MaxAsync(s => (int?)s.Version, context.CancellationToken) ?? 0) + 1;
        var scheme = new ScoringScheme
        {
            Code = input.Code,
            Name = input.Name,
            Version = version,
            RecipientWeight = input.RecipientWeight,
            QualityWeight = input.QualityWeight,
            Source = input.Source,
            Bands = [.. input.Bands.Select(b => new ScoringBand { Code = b.Code, Label = b.Label, LowerBound = b.LowerBound })],
        };
        db.ScoringSchemes.Add(scheme);
        await db.SaveChangesAsync(context.CancellationToken);
        if (input.Activate)
        {
            await SetActiveAsync(db, scheme.Id, context.CancellationToken);
            scheme.IsActive = true;
        }

        await transaction.CommitAsync(context.CancellationToken);
        return WriteResult.Success(scheme);
    }

    private static async Task<WriteResult<ScoringScheme>> ActivateAsync(IResolveFieldContext context, string code, int version)
    {
        await using var db = await Db.OpenAsync(context);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var scheme = await db.ScoringSchemes.Include(s => s.Bands).SingleOrDefaultAsync(s => s.Code == code && s.Version == version, context.CancellationToken);
        if (scheme is null)
        {
            return WriteResult.Failure<ScoringScheme>(WriteError.At("code", WriteErrorCodes.Required, $"No scoring scheme {code} version {version}."));
        }

        await SetActiveAsync(db, scheme.Id, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        scheme.IsActive = true;
        return WriteResult.Success(scheme);
    }

    private static Task<int> SetActiveAsync(Domain.Data.SpmDbContext db, int id, CancellationToken cancellationToken) =>
        db.ScoringSchemes.ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, x => x.Id == id), cancellationToken);

    private static IEnumerable<WriteError> Check(AddScoringSchemeInput input)
    {
        if (input.Code.Length is 0 or > 32 || !input.Code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
        {
            yield return WriteError.At("code", WriteErrorCodes.InvalidFormat, "code is 1-32 characters of A-Z, 0-9 and _.");
        }

        if (input.Name.Length is 0 or > 128)
        {
            yield return WriteError.At("name", WriteErrorCodes.TooLong, "name is 1-128 characters.");
        }

        if (input.RecipientWeight is < 0 or > 1 || input.QualityWeight is < 0 or > 1 || Math.Abs(input.RecipientWeight + input.QualityWeight - 1) > 1e-9)
        {
            yield return WriteError.At("recipientWeight", WriteErrorCodes.InvalidWeights, "The weights must each be within 0-1 and sum to 1.");
        }

        if (input.Bands.Count == 0 || input.Bands.Select(b => b.Code).Distinct().Count() != input.Bands.Count || !input.Bands.Any(b => b.LowerBound <= 0))
        {
            yield return WriteError.At("bands", WriteErrorCodes.InvalidBands, "Bands need distinct codes and one starting at 0, so every index has a band.");
        }
    }
}

public sealed class AddScoringSchemeInput
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public double RecipientWeight { get; set; }

    public double QualityWeight { get; set; }

    public string Source { get; set; } = "";

    public List<ScoringBandInput> Bands { get; set; } = [];

    public bool Activate { get; set; }
}

public sealed class ScoringBandInput
{
    public string Code { get; set; } = "";

    public string Label { get; set; } = "";

    public double LowerBound { get; set; }
}

public sealed class ActivateScoringSchemeInput
{
    public string Code { get; set; } = "";

    public int Version { get; set; }
}

public sealed class AddScoringSchemeInputGraphType : InputObjectGraphType<AddScoringSchemeInput>
{
    public AddScoringSchemeInputGraphType()
    {
        Name = "AddScoringSchemeInput";
        Description = "A scoring scheme; a code that exists already gets its next version.";
        Field(i => i.Code).Description("Stable code, A-Z, 0-9 and _, e.g. \"PERMENKES_2024\".");
        Field(i => i.Name);
        Field(i => i.RecipientWeight).Description("Weight of min(achievementRate, 100); with qualityWeight it sums to 1.");
        Field(i => i.QualityWeight);
        Field(i => i.Source).Description("Where the weights and bands come from.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScoringBandInputGraphType>>>>("bands").Description("Named bands; one must start at 0.");
        Field(i => i.Activate, nullable: true).Description("Make it the active scheme.");
    }
}

public sealed class ScoringBandInputGraphType : InputObjectGraphType<ScoringBandInput>
{
    public ScoringBandInputGraphType()
    {
        Name = "ScoringBandInput";
        Field(b => b.Code);
        Field(b => b.Label);
        Field(b => b.LowerBound).Description("Inclusive lower bound of the index for this band.");
    }
}

public sealed class ActivateScoringSchemeInputGraphType : InputObjectGraphType<ActivateScoringSchemeInput>
{
    public ActivateScoringSchemeInputGraphType()
    {
        Name = "ActivateScoringSchemeInput";
        Field(i => i.Code);
        Field(i => i.Version);
    }
}

public sealed class ScoringSchemePayloadGraphType() : PayloadGraphType<ScoringScheme, ScoringSchemeGraphType>(
    "ScoringSchemePayload", "scoringScheme", "The scoring scheme as written, or why it was refused.");
