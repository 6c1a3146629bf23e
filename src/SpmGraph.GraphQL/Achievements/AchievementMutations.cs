using GraphQL;
using GraphQL.Types;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Security;

namespace SpmGraph.GraphQL.Achievements;

public sealed class AchievementMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<RecordAchievementPayloadGraphType>>("recordAchievement")
            .Description(
                "Records or corrects one quarterly achievement row as DRAFT, creating the region's report for the quarter when needed. "
                + "Refused (nothing written) when a value is invalid, when served would fall within the year, when the indicator is of the "
                + "other level, when no reporting period exists, or when the report is SUBMITTED or VERIFIED (reopen it first).")
            .Argument<NonNullGraphType<RecordAchievementInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<AchievementInput>("input");
                var writer = ctx.Service<AchievementWriter>();
                return await WriteAccess.GuardedAsync(ctx, WriteKind.RegionData, input.RegionCode, () => writer.RecordAsync(input, MutationPayload.Actor(ctx), ctx.CancellationToken));
            });
    }
}
