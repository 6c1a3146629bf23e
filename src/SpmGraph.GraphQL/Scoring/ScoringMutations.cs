using GraphQL;
using GraphQL.Types;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Security;

namespace SpmGraph.GraphQL.Scoring;

/// <summary>
/// Scoring schemes are versioned data: a new scheme or a new version of one is added, never edited, so every figure
/// that names a scheme version keeps its meaning. NATIONAL only; written by the domain's <see cref="ScoringSchemeWriter"/>.
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
                var writer = ctx.Service<ScoringSchemeWriter>();
                return await WriteAccess.GuardedAsync(ctx, WriteKind.ScoringSchemes, null, () => writer.AddAsync(input.ToWriterInput(), MutationPayload.Actor(ctx), ctx.CancellationToken));
            });
        mutation.Field<NonNullGraphType<ScoringSchemePayloadGraphType>>("activateScoringScheme")
            .Description("Makes a scheme version the active one (the others become inactive).")
            .Argument<NonNullGraphType<ActivateScoringSchemeInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ActivateScoringSchemeInput>("input");
                var writer = ctx.Service<ScoringSchemeWriter>();
                return await WriteAccess.GuardedAsync(ctx, WriteKind.ScoringSchemes, null, () => writer.ActivateAsync(input.Code, input.Version, MutationPayload.Actor(ctx), ctx.CancellationToken));
            });
    }
}
