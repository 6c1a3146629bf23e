namespace SpmGraph.Domain.Writing;

/// <summary>Bounds every write checks.</summary>
public static class WriteRules
{
    /// <summary>PP 2/2018 took effect in 2018; nothing earlier is SPM data.</summary>
    public const int FirstYear = 2018;

    /// <summary>Far enough ahead for any plan.</summary>
    public const int LastYear = 2100;

    public const int MaxRejectionReasonLength = 1024;

    public const int MaxProgramCodeLength = 32;

    public const int MaxPlanPeriodLength = 32;

    /// <summary>Adds the year and quarter errors of an input to <paramref name="errors"/>.</summary>
    public static void CheckYear(int year, List<WriteError> errors)
    {
        if (year is < FirstYear or > LastYear)
        {
            errors.Add(WriteError.At("year", WriteErrorCodes.InvalidYear, $"year must be between {FirstYear} and {LastYear} (was {year})."));
        }
    }

    public static void CheckQuarter(int quarter, List<WriteError> errors)
    {
        if (quarter is < 1 or > 4)
        {
            errors.Add(WriteError.At("quarter", WriteErrorCodes.InvalidQuarter, $"quarter (triwulan) must be 1-4 (was {quarter})."));
        }
    }

    public static void CheckNotNegative(string field, long value, List<WriteError> errors)
    {
        if (value < 0)
        {
            errors.Add(WriteError.At(field, WriteErrorCodes.NegativeValue, $"{field} must not be negative (was {value})."));
        }
    }

    /// <summary>The expectedVersion check: 0 means the row must not exist yet.</summary>
    public static void CheckVersion(int? expected, int? stored, string what, List<WriteError> errors)
    {
        if (expected is { } version && version != (stored ?? 0))
        {
            errors.Add(WriteError.At(
                "expectedVersion",
                WriteErrorCodes.Conflict,
                stored is null
                    ? $"The {what} does not exist yet, but expectedVersion is {version} (use 0 to create it)."
                    : $"The {what} is at version {stored}, not {version}: someone else changed it; read it again."));
        }
    }
}
