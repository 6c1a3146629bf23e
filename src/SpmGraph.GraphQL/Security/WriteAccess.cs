using GraphQL;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Security;

/// <summary>What a mutation does, for deciding who may do it.</summary>
public enum WriteKind
{
    /// <summary>Enter a region's plans and achievements, submit its report: the region itself.</summary>
    RegionData,

    /// <summary>Verify or reject a submitted report: the province for its kab/kota, Kemendagri (NATIONAL) for a province.</summary>
    Verify,

    /// <summary>Reopen a report: its verifier, or the region itself while the report is not VERIFIED.</summary>
    Reopen,

    /// <summary>Open and close reporting windows: NATIONAL.</summary>
    ReportingPeriods,

    /// <summary>Add scoring schemes and choose the active one: NATIONAL.</summary>
    ScoringSchemes,
}

/// <summary>Checks a write against the caller's scope before any row is touched.</summary>
public static class WriteAccess
{
    /// <summary>Runs <paramref name="write"/> when the caller may; otherwise answers the refusal (nothing is written).</summary>
    public static Task<MutationPayload<T>> GuardedAsync<T>(IResolveFieldContext context, WriteKind kind, string? regionCode, Func<Task<WriteResult<T>>> write)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(write);
        return GuardedAsync(context, kind, regionCode, _ => write());
    }

    /// <summary>
    /// Like the other overload; <paramref name="write"/> is told whether the caller is the region's verifier (its province,
    /// NATIONAL for a province), for steps whose rule depends on the row's state (reopening a VERIFIED report).
    /// </summary>
    public static async Task<MutationPayload<T>> GuardedAsync<T>(IResolveFieldContext context, WriteKind kind, string? regionCode, Func<bool, Task<WriteResult<T>>> write)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(write);
        var (denied, isVerifier) = await CheckAsync(context, kind, regionCode);
        return MutationPayload.From(denied is not null ? WriteResult.Failure<T>(denied) : await write(isVerifier));
    }

    /// <summary>The error the payload carries when the caller may not write (nothing is written), and whether it is the verifier.</summary>
    private static async Task<(WriteError? Denied, bool IsVerifier)> CheckAsync(IResolveFieldContext context, WriteKind kind, string? regionCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.Scope();
        if (scope.Role is null)
        {
            return (WriteError.Whole(WriteErrorCodes.Unauthenticated, "Writes need a signed-in caller: send `Authorization: Bearer <token>` or `X-Api-Key`."), false);
        }

        if (kind is WriteKind.ReportingPeriods or WriteKind.ScoringSchemes)
        {
            return (scope.IsNational ? null : WriteError.Whole(WriteErrorCodes.Forbidden, $"Only NATIONAL callers manage {(kind == WriteKind.ReportingPeriods ? "reporting periods" : "scoring schemes")}."), false);
        }

        await using var db = await context.OpenDbAsync();
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode)
            .Select(r => new { r.Code, Parent = r.Parent == null ? null : r.Parent.Code })
            .SingleOrDefaultAsync(context.CancellationToken);
        if (region is null)
        {
            // The writer reports the unknown region with its own code.
            return (null, false);
        }

        var isRegion = scope.SpeaksFor(region.Code);
        var isVerifier = scope.Verifies(region.Code, region.Parent);
        var allowed = kind switch
        {
            WriteKind.RegionData => isRegion,
            WriteKind.Verify => isVerifier,
            WriteKind.Reopen => isRegion || isVerifier,
            _ => false,
        };
        return allowed
            ? (null, isVerifier)
            : (WriteError.At("regionCode", WriteErrorCodes.Forbidden, kind switch
            {
                WriteKind.RegionData => $"Only {region.Code} itself writes its data.",
                WriteKind.Verify => region.Parent is null ? $"Only NATIONAL verifies the province {region.Code}." : $"Only the province {region.Parent} verifies {region.Code}.",
                _ => $"Only {region.Code} or its verifier reopens its reports.",
            }), false);
    }
}
