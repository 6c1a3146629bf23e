using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.QueryConventions.Batching;

namespace SpmGraph.GraphQL.Opds;

public sealed class OpdByIdLoader(IDbContextFactory<SpmDbContext> factory) : ByIdLoader<Opd>(factory, o => o.Id);

public sealed class SectorsByOpdIdLoader(IDbContextFactory<SpmDbContext> factory) : BatchLoader<int, IReadOnlyList<SectorCode>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<SectorCode>>> LoadBatchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OpdSectors.AsNoTracking().Where(s => keys.Contains(s.OpdId)).ToListAsync(cancellationToken);
        var bySector = rows.GroupBy(s => s.OpdId).ToDictionary(g => g.Key, g => (IReadOnlyList<SectorCode>)[.. g.Select(s => s.Sector).Order()]);
        foreach (var key in keys)
        {
            bySector.TryAdd(key, []);
        }

        return bySector;
    }
}
