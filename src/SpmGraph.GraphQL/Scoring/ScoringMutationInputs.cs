using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Scoring;

public sealed class AddScoringSchemeInput
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public double RecipientWeight { get; set; }

    public double QualityWeight { get; set; }

    public bool CapRecipientRate { get; set; } = true;

    public string Source { get; set; } = "";

    public List<ScoringBandInput> Bands { get; set; } = [];

    public bool Activate { get; set; }

    public int? ExpectedVersion { get; set; }

    public ScoringSchemeInput ToWriterInput() => new()
    {
        Code = Code,
        Name = Name,
        RecipientWeight = RecipientWeight,
        QualityWeight = QualityWeight,
        CapRecipientRate = CapRecipientRate,
        Source = Source,
        Bands = [.. Bands.Select(b => new Domain.Writing.ScoringBandInput(b.Code, b.Label, b.LowerBound))],
        Activate = Activate,
        ExpectedVersion = ExpectedVersion,
    };
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
        Field(i => i.RecipientWeight).Description("Weight of the achievement rate (capped at 100 with capRecipientRate); with qualityWeight it sums to 1.");
        Field(i => i.QualityWeight);
        Field(i => i.CapRecipientRate, nullable: true).Description("Count the achievement rate capped at 100 in the recipient part (default true, as the default scheme does).");
        Field(i => i.Source).Description("Where the weights and bands come from.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScoringBandInputGraphType>>>>("bands").Description("Named bands; one must start at 0.");
        Field(i => i.Activate, nullable: true).Description("Make it the active scheme.");
        Field(i => i.ExpectedVersion, nullable: true).Description("The latest version of this code you saw (0 for a new code); when someone added one since, the write is refused with CONFLICT.");
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
