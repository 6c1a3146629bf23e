using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Regions;

public sealed class RegionByIdLoader(IDbContextFactory<SpmDbContext> factory) : ByIdLoader<Region>(factory, r => r.Id);
