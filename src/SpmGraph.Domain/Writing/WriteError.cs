namespace SpmGraph.Domain.Writing;

/// <summary>Why an input was refused: a stable code, a message for people, and the input field it is about.</summary>
/// <param name="Code">One of <see cref="WriteErrorCodes"/>.</param>
/// <param name="Message">What is wrong, in words.</param>
/// <param name="Path">The input field, e.g. ["served"]; empty when the error is about the input as a whole.</param>
public sealed record WriteError(string Code, string Message, IReadOnlyList<string> Path)
{
    public static WriteError At(string field, string code, string message) => new(code, message, [field]);

    public static WriteError Whole(string code, string message) => new(code, message, []);
}

/// <summary>An error of one input of a batch, by its position; -1 when it is about the batch as a whole.</summary>
public sealed record ItemError(int Index, WriteError Error);

/// <summary>The outcome of one write: the row as written, or the errors, and then nothing was written.</summary>
public sealed class WriteResult<T>
    where T : class
{
    internal WriteResult(T? value, IReadOnlyList<WriteError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<WriteError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Makes <see cref="WriteResult{T}"/>s.</summary>
public static class WriteResult
{
    public static WriteResult<T> Success<T>(T value)
        where T : class => new(value, []);

    public static WriteResult<T> Failure<T>(IEnumerable<WriteError> errors)
        where T : class => new(null, [.. errors]);

    public static WriteResult<T> Failure<T>(WriteError error)
        where T : class => new(null, [error]);
}

/// <summary>The outcome of a batch: every row written, or none and every error.</summary>
public sealed class BatchWriteResult<T>
{
    /// <summary>The rows as written, in input order; empty when the batch failed.</summary>
    public IReadOnlyList<T> Rows { get; init; } = [];

    public IReadOnlyList<ItemError> Errors { get; init; } = [];

    public bool Succeeded => Errors.Count == 0;

    public int Created { get; init; }

    public int Updated { get; init; }

    /// <summary>Inputs equal to what was stored: not rewritten, no audit entry.</summary>
    public int Unchanged { get; init; }

    public int AuditEntries { get; init; }
}
