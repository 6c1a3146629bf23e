using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;

namespace SpmGraph.Domain.Writing;

/// <summary>What a batch writer's check finds: the errors, per input.</summary>
internal interface IBatchCheck
{
    List<ItemError> Errors { get; }
}

/// <summary>
/// The skeleton every batch writer shares: one session (one transaction), every input checked first,
/// nothing written when any is wrong (or when only checking), a lost race answered as CONFLICT.
/// </summary>
internal static class BatchWrite
{
    public static async Task<BatchWriteResult<TRow>> RunAsync<TInput, TRow, TCheck>(
        IDbContextFactory<SpmDbContext> contexts,
        TimeProvider clock,
        string actor,
        IReadOnlyList<TInput> inputs,
        BatchWriteOptions? options,
        Func<SpmDbContext, IReadOnlyList<TInput>, CancellationToken, Task<TCheck>> check,
        Func<WriteSession, IReadOnlyList<TInput>, TCheck, IProgress<int>?, CancellationToken, Task<BatchWriteResult<TRow>>> write,
        CancellationToken cancellationToken)
        where TCheck : IBatchCheck
    {
        ArgumentNullException.ThrowIfNull(inputs);
        try
        {
            await using var session = await WriteSession.BeginAsync(contexts, clock, actor, cancellationToken);
            var checkedInputs = await check(session.Db, inputs, cancellationToken);
            if (checkedInputs.Errors.Count > 0 || options?.CheckOnly == true)
            {
                return new BatchWriteResult<TRow> { Errors = checkedInputs.Errors };
            }

            options?.Progress?.Report(0);
            return await write(session, inputs, checkedInputs, options?.Progress, cancellationToken);
        }
        catch (Exception ex) when (WriteConflicts.IsConflict(ex))
        {
            return new BatchWriteResult<TRow> { Errors = [new ItemError(-1, WriteConflicts.Error())] };
        }
    }

    /// <summary>One input as a batch of one: its row, or its errors.</summary>
    public static async Task<WriteResult<TRow>> OneAsync<TRow>(Task<BatchWriteResult<TRow>> batch)
        where TRow : class
    {
        var result = await batch;
        return result.Succeeded
            ? WriteResult.Success(result.Rows[0])
            : WriteResult.Failure<TRow>(result.Errors.Select(e => e.Error));
    }
}
