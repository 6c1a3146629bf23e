using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SpmGraph.Domain.Data;

namespace SpmGraph.Domain.Writing;

/// <summary>
/// One write: a fresh context and a serializable transaction around its reads, checks and the
/// audited writes, so what was checked is what gets written. On SQLite that is BEGIN IMMEDIATE
/// (writers take turns); on PostgreSQL a race ends in a serialization failure, reported as CONFLICT.
/// Disposing without <see cref="CommitAsync"/> rolls everything back; committing bumps the <see cref="DataVersionStore"/>.
/// </summary>
internal sealed class WriteSession : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;

    private WriteSession(SpmDbContext db, IDbContextTransaction transaction, string actor, DateTime now)
    {
        Db = db;
        _transaction = transaction;
        Changes = new ChangeSet(db, actor, now);
        Now = now;
    }

    /// <summary>For reading (AsNoTracking: rows are written through <see cref="Changes"/>).</summary>
    public SpmDbContext Db { get; }

    public ChangeSet Changes { get; }

    /// <summary>The instant of this write, to the millisecond (every provider stores that exactly).</summary>
    public DateTime Now { get; }

    public static async Task<WriteSession> BeginAsync(IDbContextFactory<SpmDbContext> contexts, TimeProvider clock, string actor, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            now = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
            return new WriteSession(db, transaction, actor, now);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes what is pending (a chunk of a large write) without committing; returns the audit entries written.</summary>
    public Task<int> FlushAsync(CancellationToken cancellationToken) => Changes.FlushAsync(cancellationToken);

    /// <summary>Writes what is pending and commits; returns the audit entries written by this last flush.</summary>
    public async Task<int> CommitAsync(CancellationToken cancellationToken)
    {
        var entries = await Changes.FlushAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);

        // Not cancellable: the write is in, so the caches must learn of it.
        await DataVersionStore.BumpAsync(Db, CancellationToken.None);
        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        await Changes.DisposeAsync();
        await _transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}
