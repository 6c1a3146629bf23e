using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions.Projection;

namespace SpmGraph.GraphQL.Opds;

public sealed class OpdGraphType : ObjectGraphType<Opd>
{
    public OpdGraphType()
    {
        Name = "Opd";
        Description = "An Organisasi Perangkat Daerah: the regional agency that delivers one or more bidang.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id)).Reads(o => o.Id);
        Field(o => o.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorCodeGraphType>>>>("sectors")
            .Description("The bidang this OPD is responsible for.")
            .Resolve(ctx => ctx.Loader<SectorsByOpdIdLoader>().Load(ctx.Source.Id))
            .Reads(o => o.Id);
        Field<NonNullGraphType<RegionGraphType>>("region")
            .Resolve(ctx => ctx.Loader<RegionByIdLoader>().Load(ctx.Source.RegionId))
            .Reads(o => o.RegionId);
    }
}
