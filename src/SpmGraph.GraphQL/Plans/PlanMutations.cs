using GraphQL;
using GraphQL.Types;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Security;

namespace SpmGraph.GraphQL.Plans;

public sealed class PlanMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<UpsertPlanPayloadGraphType>>("upsertPlan")
            .Description(
                "Creates or updates the plan line of a region, indicator and year. budgetNeeded is target x unitCost unless the input "
                + "states it (services costed per facility). The OPD must be one of the region's.")
            .Argument<NonNullGraphType<UpsertPlanInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UpsertPlanInput>("input");
                var writer = ctx.Service<PlanWriter>();
                return await WriteAccess.GuardedAsync(ctx, WriteKind.RegionData, input.RegionCode, () => writer.UpsertAsync(input.ToPlanInput(), MutationPayload.Actor(ctx), ctx.CancellationToken));
            });
    }
}
