using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Writing;

/// <summary>The e-SPM input window of one quarter: the input of upsertReportingPeriod.</summary>
public sealed record ReportingPeriodInput
{
    public int Year { get; init; }

    public int Quarter { get; init; }

    public DateTime OpensAt { get; init; }

    /// <summary>Reports submitted before this instant are on time.</summary>
    public DateTime ClosesAt { get; init; }

    /// <summary>When given, the write fails with CONFLICT unless the period is at this version (0: it must not exist yet).</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>
/// Creates or moves a reporting window. Windows are data (Kemendagri sets them per period), and
/// onTime is derived from closesAt, so moving a deadline re-times every report of the quarter.
/// </summary>
public sealed class ReportingPeriodWriter(IDbContextFactory<SpmDbContext> contexts, TimeProvider clock)
{
    public async Task<WriteResult<ReportingPeriod>> UpsertAsync(ReportingPeriodInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await using var session = await WriteSession.BeginAsync(contexts, clock, actor, cancellationToken);
            var errors = new List<WriteError>();
            WriteRules.CheckYear(input.Year, errors);
            WriteRules.CheckQuarter(input.Quarter, errors);
            var opensAt = Utc(input.OpensAt);
            var closesAt = Utc(input.ClosesAt);
            if (closesAt <= opensAt)
            {
                errors.Add(WriteError.At("closesAt", WriteErrorCodes.InvalidWindow, "closesAt must be after opensAt."));
            }

            var period = await session.Db.ReportingPeriods.AsNoTracking()
                .SingleOrDefaultAsync(p => p.Year == input.Year && p.Quarter == input.Quarter, cancellationToken);
            WriteRules.CheckVersion(input.ExpectedVersion, period?.Version, "reporting period", errors);
            if (errors.Count > 0)
            {
                return WriteResult.Failure<ReportingPeriod>(errors);
            }

            if (period is null)
            {
                period = new ReportingPeriod { Year = input.Year, Quarter = input.Quarter, OpensAt = opensAt, ClosesAt = closesAt };
                session.Changes.Create(period);
            }
            else
            {
                session.Changes.Update(period, p =>
                {
                    p.OpensAt = opensAt;
                    p.ClosesAt = closesAt;
                });
            }

            await session.CommitAsync(cancellationToken);
            return WriteResult.Success(period);
        }
        catch (Exception ex) when (WriteConflicts.IsConflict(ex))
        {
            return WriteResult.Failure<ReportingPeriod>(WriteConflicts.Error());
        }
    }

    // An instant without an offset is taken as UTC, as the API prints them.
    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
