using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Regions;

public sealed class RegionByIdLoader(ReferenceRows<Region> rows, RequestDataVersion version) : ReferenceByIdLoader<Region>(rows, version);
