using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.QueryConventions.Batching;

namespace SpmGraph.GraphQL.Opds;

/// <summary>OPDs by id, from the OPDs in memory: no write changes them (the seed and the database's owners fill them).</summary>
public sealed class OpdByIdLoader(ReferenceRows<Opd> rows, RequestDataVersion version) : ReferenceByIdLoader<Opd>(rows, version);

/// <summary>The OPDs of each region, from the OPDs in memory: a region's `opds` take no statement.</summary>
public sealed class RegionOpdRows(ReferenceRows<Opd> rows) : ReferenceGroups<Opd>(rows, o => o.RegionId);

/// <summary>
/// The bidang of every OPD, per data version: a small table no write changes (the seed and the database's owners fill
/// it), read once and shared, so an OPD's `sectors` costs no statement.
/// </summary>
public sealed class OpdSectorRows(IDbContextFactory<SpmDbContext> factory) : DataVersionCache<IReadOnlyDictionary<int, IReadOnlyList<SectorCode>>>(factory)
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<SectorCode>>> LoadAsync(SpmDbContext db)
    {
        var rows = await db.OpdSectors.AsNoTracking().ToListAsync();
        return rows.GroupBy(s => s.OpdId).ToDictionary(g => g.Key, g => (IReadOnlyList<SectorCode>)[.. g.Select(s => s.Sector).Order()]);
    }
}

public sealed class SectorsByOpdIdLoader(OpdSectorRows rows, RequestDataVersion version) : BatchLoader<int, IReadOnlyList<SectorCode>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<SectorCode>>> LoadBatchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        var all = await rows.GetAsync(version, cancellationToken);
        return keys.Distinct().ToDictionary(k => k, k => all.TryGetValue(k, out var sectors) ? sectors : []);
    }
}
