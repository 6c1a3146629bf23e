using GraphQL;
using GraphQL.Types;
using SpmGraph.Domain.Writing;

namespace SpmGraph.GraphQL.Common;

/// <summary>Why an input was refused: `code`, `message`, and `path`, the input field (e.g. ["input", "served"]).</summary>
public sealed record UserError(string Code, string Message, IReadOnlyList<string> Path);

/// <summary>What a mutation answers: the changed object, or the errors (and then nothing was written).</summary>
public sealed record MutationPayload<T>(T? Value, IReadOnlyList<UserError> Errors)
    where T : class;

public static class MutationPayload
{
    /// <summary>The payload of a write; error paths are rooted at the `input` argument.</summary>
    public static MutationPayload<T> From<T>(WriteResult<T> result)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        return new MutationPayload<T>(result.Value, [.. result.Errors.Select(e => new UserError(e.Code, e.Message, ["input", .. e.Path]))]);
    }

    /// <summary>Who is writing: the signed-in user's name, else "anonymous" (authentication arrives later).</summary>
    public static string Actor(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User?.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
    }
}

/// <summary>`XxxPayload { xxx: T, errors: [UserError!]! }`.</summary>
public abstract class PayloadGraphType<TValue, TValueGraphType> : ObjectGraphType<MutationPayload<TValue>>
    where TValue : class
    where TValueGraphType : IGraphType
{
    protected PayloadGraphType(string name, string valueField, string description)
    {
        Name = name;
        Description = description;
        Field<TValueGraphType>(valueField)
            .Description("The row as written; null when the input was refused.")
            .Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors")
            .Description("Why the input was refused; empty on success. When not empty, nothing was written.")
            .Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class UserErrorGraphType : ObjectGraphType<UserError>
{
    public UserErrorGraphType()
    {
        Name = "UserError";
        Description = "An input a mutation refused, with the reason.";
        Field<NonNullGraphType<UserErrorCodeGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field(e => e.Message).Description("What is wrong, for people.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("path")
            .Description("The input field the error is about, e.g. [\"input\", \"served\"]; [\"input\"] for the input as a whole.")
            .Resolve(ctx => ctx.Source.Path);
    }
}

public sealed class UserErrorCodeGraphType : EnumerationGraphType
{
    public UserErrorCodeGraphType()
    {
        Name = "UserErrorCode";
        Description = "Why a mutation refused its input.";
        Add(WriteErrorCodes.NegativeValue, "A count or an amount of money is below zero.");
        Add(WriteErrorCodes.OutOfRange, "A value outside its range: qualityRate outside 0-100, or a budget too large to compute.");
        Add(WriteErrorCodes.ServedDecreases, "served would fall from an earlier quarter of the year to a later one (it is cumulative from January).");
        Add(WriteErrorCodes.WrongLevel, "A provinsi jenis for a kabupaten/kota, or a kab/kota jenis for a province.");
        Add(WriteErrorCodes.UnknownRegion, "No region has the code.");
        Add(WriteErrorCodes.UnknownIndicator, "No jenis pelayanan dasar has the code.");
        Add(WriteErrorCodes.UnknownOpd, "No OPD has the id.");
        Add(WriteErrorCodes.OpdOfOtherRegion, "The OPD belongs to another region.");
        Add(WriteErrorCodes.UnknownPeriod, "No reporting period exists for the year and quarter (upsertReportingPeriod creates one).");
        Add(WriteErrorCodes.UnknownReport, "The region has no report for the quarter.");
        Add(WriteErrorCodes.ReportLocked, "The row belongs to a SUBMITTED or VERIFIED report: reopen the report first.");
        Add(WriteErrorCodes.EmptyReport, "The report has no achievement rows to submit.");
        Add(WriteErrorCodes.InvalidState, "The report's status does not allow the step (e.g. verifying a report that is not SUBMITTED).");
        Add(WriteErrorCodes.InvalidQuarter, "The quarter is not 1-4.");
        Add(WriteErrorCodes.InvalidYear, $"The year is not between {WriteRules.FirstYear} and {WriteRules.LastYear}.");
        Add(WriteErrorCodes.InvalidWindow, "A reporting window whose closesAt is not after its opensAt.");
        Add(WriteErrorCodes.InvalidFormat, "A value of the wrong shape, e.g. a program code or an id.");
        Add(WriteErrorCodes.Required, "A value that must be given is blank.");
        Add(WriteErrorCodes.TooLong, "Text longer than the field holds.");
        Add(WriteErrorCodes.DuplicateRow, "Import only: two lines for the same row.");
        Add(WriteErrorCodes.Conflict, "Someone else changed the row first, or expectedVersion is not the stored version: read it again.");
        Add(WriteErrorCodes.UnknownScheme, "No scoring scheme has the code and version.");
        Add(WriteErrorCodes.InvalidWeights, "Scoring weights must each be within 0-1 and sum to 1.");
        Add(WriteErrorCodes.InvalidBands, "Scoring bands must have distinct codes and one must start at 0, so every index has a band.");
        Add(WriteErrorCodes.Unauthenticated, "Writes need a signed-in caller (a token or an API key).");
        Add(WriteErrorCodes.Forbidden, "The caller's role or region does not cover this write (README, \"Authentication and roles\").");
    }

    private void Add(string code, string description) => Add(code, code, description);
}
