using GraphQL;
using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Security;

namespace SpmGraph.GraphQL.Reports;

/// <summary>The reporting workflow (submit, verify, reject, reopen) and the reporting windows.</summary>
public sealed class ReportMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        Step<SubmitReportInputGraphType, SubmitReportPayloadGraphType>(
            mutation,
            "submitReport",
            WriteKind.RegionData,
            "Submits a region's quarterly report: the report and all its rows become SUBMITTED with submittedAt = now; onTime follows from the reporting period's closesAt. "
                + "Only a DRAFT or REJECTED report with at least one row can be submitted.",
            (workflow, input, _, actor, ctx) => workflow.SubmitAsync(input, actor, ctx.CancellationToken));
        Step<VerifyReportInputGraphType, VerifyReportPayloadGraphType>(
            mutation,
            "verifyReport",
            WriteKind.Verify,
            "The province (or, for a province, Kemendagri) verifies a SUBMITTED report: it and its rows become VERIFIED with verifiedAt = now.",
            (workflow, input, _, actor, ctx) => workflow.VerifyAsync(input, actor, ctx.CancellationToken));
        Step<RejectReportInput, RejectReportInputGraphType, RejectReportPayloadGraphType>(
            mutation,
            "rejectReport",
            WriteKind.Verify,
            "Sends a SUBMITTED report back to the region with a reason: it and its rows become REJECTED; the region corrects the rows and submits again.",
            input => input.RegionCode,
            (workflow, input, _, actor, ctx) => workflow.RejectAsync(input.ToReportInput(), input.Reason, actor, ctx.CancellationToken));
        Step<ReopenReportInputGraphType, ReopenReportPayloadGraphType>(
            mutation,
            "reopenReport",
            WriteKind.Reopen,
            "Reopens a SUBMITTED, VERIFIED or REJECTED report: back to DRAFT (submittedAt and verifiedAt cleared) so its rows can be edited; the next submission is timed anew. "
                + "A VERIFIED report only by its verifier (the province for its kab/kota, NATIONAL for a province); the region reopens its own report before verification.",
            (workflow, input, byVerifier, actor, ctx) => workflow.ReopenAsync(input, byVerifier, actor, ctx.CancellationToken));

        mutation.Field<NonNullGraphType<UpsertReportingPeriodPayloadGraphType>>("upsertReportingPeriod")
            .Description("Creates or moves the e-SPM input window of a quarter. onTime is derived from closesAt, so moving it re-times the quarter's reports.")
            .Argument<NonNullGraphType<UpsertReportingPeriodInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var writer = ctx.Service<ReportingPeriodWriter>();
                var payload = await WriteAccess.GuardedAsync(ctx, WriteKind.ReportingPeriods, null, () => writer.UpsertAsync(ctx.GetArgument<ReportingPeriodInput>("input"), MutationPayload.Actor(ctx), ctx.CancellationToken));

                // Later fields of this request time reports against the new window.
                ctx.Service<ReportingCalendar>().Invalidate();
                return payload;
            });
    }

    /// <summary>A workflow step on a report named by <see cref="ReportInput"/>.</summary>
    private static void Step<TInputGraphType, TPayloadGraphType>(
        ObjectGraphType mutation,
        string name,
        WriteKind kind,
        string description,
        Func<ReportWorkflow, ReportInput, bool, string, IResolveFieldContext, Task<WriteResult<Report>>> run)
        where TInputGraphType : IInputObjectGraphType
        where TPayloadGraphType : IGraphType =>
        Step<ReportInput, TInputGraphType, TPayloadGraphType>(mutation, name, kind, description, input => input.RegionCode, run);

    /// <summary>A workflow step: the input, checked against the caller's scope for its region, runs on the workflow.</summary>
    private static void Step<TInput, TInputGraphType, TPayloadGraphType>(
        ObjectGraphType mutation,
        string name,
        WriteKind kind,
        string description,
        Func<TInput, string> regionOf,
        Func<ReportWorkflow, TInput, bool, string, IResolveFieldContext, Task<WriteResult<Report>>> run)
        where TInput : class
        where TInputGraphType : IInputObjectGraphType
        where TPayloadGraphType : IGraphType
    {
        mutation.Field<NonNullGraphType<TPayloadGraphType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<TInput>("input");
                var workflow = ctx.Service<ReportWorkflow>();
                return await WriteAccess.GuardedAsync(ctx, kind, regionOf(input), byVerifier => run(workflow, input, byVerifier, MutationPayload.Actor(ctx), ctx));
            });
    }
}
