namespace SpmGraph.Domain.Writing;

/// <summary>The codes of <see cref="WriteError"/>: stable, for programs to act on (README, "Writing data").</summary>
public static class WriteErrorCodes
{
    /// <summary>A count or an amount of money is below zero.</summary>
    public const string NegativeValue = "NEGATIVE_VALUE";

    /// <summary>A value outside its range, e.g. qualityRate outside 0-100, or a budget too large to compute.</summary>
    public const string OutOfRange = "OUT_OF_RANGE";

    /// <summary>served would fall from one quarter of the year to a later one (it is cumulative).</summary>
    public const string ServedDecreases = "SERVED_DECREASES";

    /// <summary>A provinsi jenis for a kabupaten/kota, or a kab/kota jenis for a province.</summary>
    public const string WrongLevel = "WRONG_LEVEL";

    public const string UnknownRegion = "UNKNOWN_REGION";

    public const string UnknownIndicator = "UNKNOWN_INDICATOR";

    public const string UnknownOpd = "UNKNOWN_OPD";

    /// <summary>The OPD belongs to another region than the plan's.</summary>
    public const string OpdOfOtherRegion = "OPD_OF_OTHER_REGION";

    /// <summary>No reporting period exists for the year and quarter.</summary>
    public const string UnknownPeriod = "UNKNOWN_PERIOD";

    /// <summary>The region has no report for the quarter.</summary>
    public const string UnknownReport = "UNKNOWN_REPORT";

    /// <summary>A row of a SUBMITTED or VERIFIED report would change: reopen the report first.</summary>
    public const string ReportLocked = "REPORT_LOCKED";

    /// <summary>Submitting a report that has no achievement rows.</summary>
    public const string EmptyReport = "EMPTY_REPORT";

    /// <summary>The report's status does not allow the step (e.g. verifying a report that is not SUBMITTED).</summary>
    public const string InvalidState = "INVALID_STATE";

    public const string InvalidQuarter = "INVALID_QUARTER";

    public const string InvalidYear = "INVALID_YEAR";

    /// <summary>A reporting window that does not close after it opens.</summary>
    public const string InvalidWindow = "INVALID_WINDOW";

    /// <summary>A value of the wrong shape: a program code, an id, or (in an import) text that is not a number.</summary>
    public const string InvalidFormat = "INVALID_FORMAT";

    /// <summary>A value that must be given is missing or blank.</summary>
    public const string Required = "REQUIRED";

    /// <summary>Text longer than the field holds.</summary>
    public const string TooLong = "TOO_LONG";

    /// <summary>Import only: two lines for the same row.</summary>
    public const string DuplicateRow = "DUPLICATE_ROW";

    /// <summary>Someone else wrote the row first (or expectedVersion is not the stored version); nothing was written.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>No scoring scheme has the code and version.</summary>
    public const string UnknownScheme = "UNKNOWN_SCHEME";

    /// <summary>Scoring weights outside 0-1 or not summing to 1.</summary>
    public const string InvalidWeights = "INVALID_WEIGHTS";

    /// <summary>Scoring bands missing, repeated, or leaving indices without a band (none from 0).</summary>
    public const string InvalidBands = "INVALID_BANDS";

    /// <summary>The caller is not signed in; writes need a token or an API key.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The caller's role or region does not cover this write.</summary>
    public const string Forbidden = "FORBIDDEN";
}
