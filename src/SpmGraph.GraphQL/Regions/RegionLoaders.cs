using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Regions;

public sealed class RegionByIdLoader(ReferenceRows<Region> rows, RequestDataVersion version) : ReferenceByIdLoader<Region>(rows, version);

/// <summary>The kabupaten/kota of each province, from the regions in memory: a province's `children` take no statement.</summary>
public sealed class RegionChildRows(ReferenceRows<Region> rows) : ReferenceGroups<Region>(rows, r => r.ParentId);

/// <summary>The regions kept in memory (<see cref="ReferenceRows{TEntity}"/>), linked as the root `regions` connection's filters read them.</summary>
public static class RegionRows
{
    /// <summary>Each kabupaten/kota's <see cref="Region.Parent"/> is its province in memory, as `parent: { ... }` filters read it.</summary>
    public static void LinkParents(IReadOnlyDictionary<int, Region> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        foreach (var region in all.Values)
        {
            region.Parent = region.ParentId is { } parent && all.TryGetValue(parent, out var province) ? province : null;
        }
    }
}
