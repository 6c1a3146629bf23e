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
    // Not a compiled query: that binds to the first provider it meets, and a process may hold both (the tests do).
    public static Task<long> ReadAsync(SpmDbContext db, CancellationToken cancellationToken) =>
        db.Set<DataVersion>().Where(v => v.Id == DataVersion.RowId).Select(v => v.Value).FirstAsync(cancellationToken);

    public static Task<int> BumpAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Set<DataVersion>().Where(v => v.Id == DataVersion.RowId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), cancellationToken);
}
