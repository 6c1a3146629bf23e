using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Security;

namespace SpmGraph.GraphQL.Scoring;

public sealed class ScoringSchemeGraphType : ObjectGraphType<ScoringScheme>, INodeType
{
    public ScoringSchemeGraphType()
    {
        Name = "ScoringScheme";
        Description = "How achievement and quality combine into the Indeks Pencapaian SPM, with its named bands.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id));
        Field(s => s.Code);
        Field(s => s.Name);
        Field(s => s.Version);
        Field(s => s.RecipientWeight).Description("Weight of the achievement rate in the index (capped at 100 when capRecipientRate).");
        Field(s => s.CapRecipientRate).Description("Whether the recipient part counts the achievement rate capped at 100 (not published; an assumption of the scheme).");
        Field(s => s.QualityWeight).Description("Weight of qualityRate in the index.");
        Field(s => s.IsActive).Description("True for the scheme used when a query names none.");
        Field(s => s.Source).Description("Where the weights and bands come from, and how sure they are.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScoringBandGraphType>>>>("bands")
            .Description("Bands from the highest lower bound down.")
            .Resolve(ctx => ctx.Source.Bands.OrderByDescending(b => b.LowerBound).ToList());
    }

    public Task<object?> FindAsync(SpmDbContext db, CallerScope scope, int id, CancellationToken cancellationToken) =>
        db.ScoringSchemes.Include(s => s.Bands).FindNodeAsync(id, cancellationToken);
}

public sealed class ScoringBandGraphType : ObjectGraphType<ScoringBand>
{
    public ScoringBandGraphType()
    {
        Name = "ScoringBand";
        Description = "A named band of a scoring scheme.";
        Field(b => b.Code).Description("Machine name, e.g. TUNTAS_PARIPURNA.");
        Field(b => b.Label).Description("Official label, e.g. \"Tuntas Paripurna\".");
        Field(b => b.LowerBound).Description("Inclusive lower bound of the index for this band.");
    }
}
