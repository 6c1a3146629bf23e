using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.QueryConventions.Batching;

namespace SpmGraph.GraphQL.Indicators;

public sealed class IndicatorByIdLoader(ReferenceRows<Indicator> rows, RequestDataVersion version) : ReferenceByIdLoader<Indicator>(rows, version);

public sealed class IndicatorCountBySectorLoader(IDbContextFactory<SpmDbContext> factory) : BatchLoader<SectorCode, int>
{
    protected override async Task<IReadOnlyDictionary<SectorCode, int>> LoadBatchAsync(IReadOnlyCollection<SectorCode> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Indicators.Where(i => keys.Contains(i.Sector))
            .GroupBy(i => i.Sector)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}
