using GraphQL.Types;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Regions;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions.Projection;

namespace SpmGraph.GraphQL.Opds;

public sealed class OpdGraphType : ObjectGraphType<Opd>, INodeType
{
    /// <summary>The type's name, the type part of its global ids (upsertPlan reads an OPD's).</summary>
    public const string TypeName = "Opd";

    public OpdGraphType()
    {
        Name = TypeName;
        Description = "An Organisasi Perangkat Daerah: the regional agency that delivers one or more bidang.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id)).Reads(o => o.Id);
        Field(o => o.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorCodeGraphType>>>>("sectors")
            .Description("The bidang this OPD is responsible for.")
            .Resolve(ctx => ctx.Service<SectorsByOpdIdLoader>().Load(ctx.Source.Id))
            .Reads(o => o.Id);
        Field<NonNullGraphType<RegionGraphType>>("region")
            .Resolve(ctx => ctx.Service<RegionByIdLoader>().Load(ctx.Source.RegionId))
            .Reads(o => o.RegionId);
    }

    public Task<object?> FindAsync(SpmDbContext db, CallerScope scope, int id, CancellationToken cancellationToken) =>
        db.Opds.FindNodeAsync(id, cancellationToken);
}
