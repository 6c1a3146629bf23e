using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpmGraph.QueryConventions.Tests.Infrastructure;

/// <summary>
/// Records the SQL of every command into the log of the current async flow, so tests running in
/// parallel each see only their own statements.
/// </summary>
public sealed class CommandLog : DbCommandInterceptor
{
    private static readonly AsyncLocal<ConcurrentQueue<string>?> Current = new();

    public static CommandLog Interceptor { get; } = new();

    /// <summary>Starts a log for the calling async flow (and the tasks it starts).</summary>
    public static ConcurrentQueue<string> Begin() => Current.Value = new ConcurrentQueue<string>();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    private static T Record<T>(DbCommand command, T result)
    {
        ArgumentNullException.ThrowIfNull(command);
        Current.Value?.Enqueue(command.CommandText);
        return result;
    }
}
