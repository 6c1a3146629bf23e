namespace SpmGraph.Server.Import;

/// <summary>A bad line of an import file: where (line, and column when one is to blame) and why.</summary>
/// <param name="Line">1-based line in the file; the header is line 1; 0 for the file as a whole.</param>
/// <param name="Column">The column's header name, or null when the error is about the whole line.</param>
/// <param name="Code">A <see cref="SpmGraph.Domain.Writing.WriteErrorCodes"/> code, or MISSING_COLUMN, UNKNOWN_COLUMN, DUPLICATE_COLUMN for the header.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record ImportError(int Line, string? Column, string Code, string Message)
{
    public override string ToString() =>
        (Line, Column) switch
        {
            (0, _) => $"{Code}: {Message}",
            (_, null) => $"line {Line}: {Code}: {Message}",
            _ => $"line {Line}, column {Column}: {Code}: {Message}",
        };
}

/// <summary>What an import did: every row written in one transaction, or nothing and every bad line.</summary>
public sealed class ImportResult
{
    public int Rows { get; init; }

    public int Created { get; init; }

    public int Updated { get; init; }

    /// <summary>Rows equal to what was stored: not rewritten, no audit entry (a re-import changes nothing).</summary>
    public int Unchanged { get; init; }

    public int AuditEntries { get; init; }

    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    public bool Succeeded => Errors.Count == 0;

    public TimeSpan ReadTime { get; init; }

    public TimeSpan Elapsed { get; init; }
}

/// <summary>Where an import is: rows read so far, checks passed, rows written so far.</summary>
public enum ImportStage
{
    Reading,
    Checked,
    Writing,
}

public readonly record struct ImportProgress(ImportStage Stage, int Rows);
