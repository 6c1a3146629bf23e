using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.QueryConventions.Batching;

namespace SpmGraph.GraphQL.Regions;

public sealed class RegionByIdLoader(IDbContextFactory<SpmDbContext> factory) : BatchLoader<int, Region>
{
    protected override async Task<IReadOnlyDictionary<int, Region>> LoadBatchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Regions.AsNoTracking().Where(r => keys.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
    }
}
