using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Writing;

/// <summary>Names a region's quarterly report: the input of submitReport, verifyReport, rejectReport and reopenReport.</summary>
public sealed record ReportInput
{
    public string RegionCode { get; init; } = "";

    public int Year { get; init; }

    public int Quarter { get; init; }

    /// <summary>When given, the step fails with CONFLICT unless the report is at this version.</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>
/// The reporting workflow of a region's quarterly report, applied to the report and all its rows:
/// DRAFT (or REJECTED) is submitted; SUBMITTED is verified or rejected by the province; any
/// non-DRAFT report can be reopened to DRAFT so its rows can be corrected, a VERIFIED one only by
/// its verifier (verification would mean nothing if the verified region could undo it). A report is on time when
/// its (latest) submission came before the reporting period's closesAt.
/// </summary>
public sealed class ReportWorkflow(IDbContextFactory<SpmDbContext> contexts, TimeProvider clock)
{
    private enum Step
    {
        Submit,
        Verify,
        Reject,
        Reopen,
    }

    /// <summary>Every row becomes SUBMITTED with submittedAt = now.</summary>
    public Task<WriteResult<Report>> SubmitAsync(ReportInput input, string actor, CancellationToken cancellationToken) =>
        RunAsync(input, Step.Submit, null, false, actor, cancellationToken);

    /// <summary>A SUBMITTED report and its rows become VERIFIED with verifiedAt = now.</summary>
    public Task<WriteResult<Report>> VerifyAsync(ReportInput input, string actor, CancellationToken cancellationToken) =>
        RunAsync(input, Step.Verify, null, false, actor, cancellationToken);

    /// <summary>A SUBMITTED report and its rows become REJECTED, with the reason; the region corrects and submits again.</summary>
    public Task<WriteResult<Report>> RejectAsync(ReportInput input, string? reason, string actor, CancellationToken cancellationToken) =>
        RunAsync(input, Step.Reject, reason, false, actor, cancellationToken);

    /// <summary>
    /// Back to DRAFT (submittedAt and verifiedAt cleared) so the rows can be edited; the next submission is timed anew.
    /// A VERIFIED report only when <paramref name="byVerifier"/> (the province for its kab/kota, NATIONAL for a province).
    /// </summary>
    public Task<WriteResult<Report>> ReopenAsync(ReportInput input, bool byVerifier, string actor, CancellationToken cancellationToken) =>
        RunAsync(input, Step.Reopen, null, byVerifier, actor, cancellationToken);

    private async Task<WriteResult<Report>> RunAsync(ReportInput input, Step step, string? reason, bool byVerifier, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await using var session = await WriteSession.BeginAsync(contexts, clock, actor, cancellationToken);
            var db = session.Db;
            var errors = new List<WriteError>();
            WriteRules.CheckYear(input.Year, errors);
            WriteRules.CheckQuarter(input.Quarter, errors);
            if (step == Step.Reject)
            {
                if (string.IsNullOrWhiteSpace(reason))
                {
                    errors.Add(WriteError.At("reason", WriteErrorCodes.Required, "Say why the report is rejected, so the region knows what to correct."));
                }
                else if (reason.Trim().Length > WriteRules.MaxRejectionReasonLength)
                {
                    errors.Add(WriteError.At("reason", WriteErrorCodes.TooLong, $"reason has at most {WriteRules.MaxRejectionReasonLength} characters."));
                }
            }

            var catalog = await WriteCatalog.LoadAsync(db, [input.RegionCode], [], cancellationToken);
            var region = catalog.Region(input.RegionCode, errors);
            var period = errors.Any(e => e.Code is WriteErrorCodes.InvalidYear or WriteErrorCodes.InvalidQuarter)
                ? null
                : catalog.Period(input.Year, input.Quarter, errors);
            if (region is null || period is null)
            {
                return WriteResult.Failure<Report>(errors);
            }

            var report = await db.Reports.AsNoTracking().Include(r => r.Achievements)
                .SingleOrDefaultAsync(r => r.RegionId == region.Id && r.Year == input.Year && r.Quarter == input.Quarter, cancellationToken);
            if (report is null)
            {
                errors.Add(step == Step.Submit
                    ? WriteError.Whole(WriteErrorCodes.EmptyReport, $"{region.Code} has recorded no achievement for {input.Year} Q{input.Quarter}: there is nothing to submit.")
                    : WriteError.Whole(WriteErrorCodes.UnknownReport, $"{region.Code} has no report for {input.Year} Q{input.Quarter}."));
                return WriteResult.Failure<Report>(errors);
            }

            WriteRules.CheckVersion(input.ExpectedVersion, report.Version, "report", errors);
            CheckState(step, report, byVerifier, errors);
            if (errors.Count > 0)
            {
                return WriteResult.Failure<Report>(errors);
            }

            Apply(session.Changes, step, report, reason?.Trim(), session.Now);
            await session.CommitAsync(cancellationToken);
            return WriteResult.Success(report);
        }
        catch (Exception ex) when (WriteConflicts.IsConflict(ex))
        {
            return WriteResult.Failure<Report>(WriteConflicts.Error());
        }
    }

    private static void CheckState(Step step, Report report, bool byVerifier, List<WriteError> errors)
    {
        var status = ChangeSet.ConstantCase(report.Status.ToString());
        var allowed = step switch
        {
            Step.Submit => report.Status is ReportStatus.Draft or ReportStatus.Rejected,
            Step.Verify or Step.Reject => report.Status == ReportStatus.Submitted,
            _ => report.Status != ReportStatus.Draft,
        };
        if (!allowed)
        {
            errors.Add(WriteError.Whole(WriteErrorCodes.InvalidState, step switch
            {
                Step.Submit => $"The report is {status}; only a DRAFT or REJECTED report can be submitted (reopen it to change it).",
                Step.Verify => $"The report is {status}; only a SUBMITTED report can be verified.",
                Step.Reject => $"The report is {status}; only a SUBMITTED report can be rejected.",
                _ => "The report is already DRAFT.",
            }));
        }

        if (step == Step.Reopen && report.Status == ReportStatus.Verified && !byVerifier)
        {
            errors.Add(WriteError.Whole(WriteErrorCodes.Forbidden, "The report is VERIFIED: only its verifier (the province for a kab/kota, NATIONAL for a province) reopens it; a region reopens its own report only before verification."));
        }

        if (step == Step.Submit && report.Achievements.Count == 0)
        {
            errors.Add(WriteError.Whole(WriteErrorCodes.EmptyReport, "The report has no achievement rows: there is nothing to submit."));
        }
    }

    private static void Apply(ChangeSet changes, Step step, Report report, string? reason, DateTime now)
    {
        changes.Update(report, r =>
        {
            switch (step)
            {
                case Step.Submit:
                    r.Status = ReportStatus.Submitted;
                    r.SubmittedAt = now;
                    r.VerifiedAt = null;
                    r.RejectionReason = null;
                    break;
                case Step.Verify:
                    r.Status = ReportStatus.Verified;
                    r.VerifiedAt = now;
                    break;
                case Step.Reject:
                    r.Status = ReportStatus.Rejected;
                    r.VerifiedAt = null;
                    r.RejectionReason = reason;
                    break;
                default:
                    // The rejection reason stays while the region corrects the rows; the next submission clears it.
                    r.Status = ReportStatus.Draft;
                    r.SubmittedAt = null;
                    r.VerifiedAt = null;
                    break;
            }
        });

        // Rows carry their report's state (the API filters rows by it).
        foreach (var row in report.Achievements)
        {
            changes.Update(row, a =>
            {
                a.Status = report.Status;
                a.SubmittedAt = report.SubmittedAt;
                a.VerifiedAt = report.VerifiedAt;
            });
        }
    }
}
