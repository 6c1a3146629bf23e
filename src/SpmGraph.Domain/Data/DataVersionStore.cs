using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;

namespace SpmGraph.Domain.Data;

/// <summary>
/// Reads and bumps the <see cref="DataVersion"/>. The bump runs after the write committed, in a statement of its own:
/// inside the write's serializable transaction every pair of concurrent writers would conflict on this one row.
/// A reader reads the version before the data, so whatever it caches under a version is at least that fresh, and
/// the writer answers its caller only after the bump, so the next read anywhere sees the write.
/// </summary>
public static class DataVersionStore
{
    /// <summary>Read by every request: compiled, so it skips LINQ translation and the query cache's lookup.</summary>
    public static Task<long> ReadAsync(SpmDbContext db, CancellationToken cancellationToken) => db switch
    {
        SqliteSpmDbContext sqlite => Compiled<SqliteSpmDbContext>.Read(sqlite, cancellationToken),
        PostgresSpmDbContext postgres => Compiled<PostgresSpmDbContext>.Read(postgres, cancellationToken),
        _ => db.Set<DataVersion>().Where(v => v.Id == DataVersion.RowId).Select(v => v.Value).FirstAsync(cancellationToken),
    };

    public static Task<int> BumpAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Set<DataVersion>().Where(v => v.Id == DataVersion.RowId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), cancellationToken);

    /// <summary>One compiled query per context type: a compiled query binds to the provider it first runs on, and a process may hold both (the tests do).</summary>
    private static class Compiled<TContext>
        where TContext : SpmDbContext
    {
        public static readonly Func<TContext, CancellationToken, Task<long>> Read = EF.CompileAsyncQuery(
            (TContext db, CancellationToken cancellationToken) => db.Set<DataVersion>().Where(v => v.Id == DataVersion.RowId).Select(v => v.Value).First());
    }
}
