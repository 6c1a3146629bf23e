using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;

namespace SpmGraph.GraphQL.Common;

/// <summary>
/// The <see cref="Domain.Model.DataVersion"/> as one request first reads it, once, before it reads any data: what the
/// request caches under this version is at least as fresh as the version (see <see cref="DataVersionStore"/>).
/// </summary>
public sealed class RequestDataVersion(IDbContextFactory<SpmDbContext> factory)
{
    private readonly Lock _lock = new();
    private Task<long>? _value;

    public Task<long> GetAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _value is { IsFaulted: false, IsCanceled: false } value ? value : _value = ReadAsync(cancellationToken);
        }
    }

    private async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await DataVersionStore.ReadAsync(db, cancellationToken);
    }
}
