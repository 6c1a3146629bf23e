using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Regions;

public sealed class RegionByIdLoader(ReferenceRows<Region> rows, RequestDataVersion version) : ReferenceByIdLoader<Region>(rows, version);

/// <summary>The kabupaten/kota of each province, from the regions in memory: a province's `children` take no statement.</summary>
public sealed class RegionChildRows(ReferenceRows<Region> rows) : ReferenceGroups<Region>(rows, r => r.ParentId);
