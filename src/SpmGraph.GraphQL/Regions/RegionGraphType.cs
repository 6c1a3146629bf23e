using GraphQL.Types;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Opds;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Projection;

namespace SpmGraph.GraphQL.Regions;

public sealed class RegionKindGraphType : EnumerationGraphType<RegionKind>
{
    public RegionKindGraphType()
    {
        Name = "RegionKind";
        Description = "PROVINCE (provinsi), REGENCY (kabupaten) or CITY (kota).";
    }
}

public sealed class RegionGraphType : ObjectGraphType<Region>, INodeType
{
    public RegionGraphType()
    {
        Name = "Region";
        Description = "A provinsi or kabupaten/kota, keyed by its Kemendagri code.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id)).Reads(r => r.Id);
        Field(r => r.Code).Description("Kemendagri code: \"19\" for a province, \"19.71\" for a kabupaten/kota.");
        Field(r => r.Name);
        Field<NonNullGraphType<RegionKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind).Reads(r => r.Kind);
        Field(r => r.DistrictCount).Description("Number of kecamatan (districts) in the reference data.");
        Field(r => r.VillageCount).Description("Number of desa/kelurahan (villages) in the reference data.");
        Field<RegionGraphType>("parent")
            .Description("The province of a kabupaten/kota; null for a province.")
            .Resolve(ctx => ctx.Source.ParentId is { } id ? ctx.Service<RegionByIdLoader>().Load(id) : null)
            .Reads(r => r.ParentId);
        this.NestedConnection<Region, int, RegionGraphType, Region>("children", r => r.Id, r => r.Children, c => c
                .Filter<RegionFilterInputGraphType>().Sort<RegionSortInputGraphType>().DefaultOrderBy(r => r.Code).Key(r => r.Id), ReferenceGroups.Items<RegionChildRows, Region>())
            .Description("The kabupaten/kota of a province (by code unless `order` says otherwise).");
        this.NestedConnection<Region, int, OpdGraphType, Opd>("opds", r => r.Id, r => r.Opds, c => c
                .Filter<OpdFilterInputGraphType>().Sort<OpdSortInputGraphType>().Key(o => o.Id), ReferenceGroups.Items<RegionOpdRows, Opd>())
            .Description("The region's agencies (OPD).");
        Stats.StatsQueries.AddTo(this);
    }

    public Task<object?> FindAsync(SpmDbContext db, CallerScope scope, int id, CancellationToken cancellationToken) =>
        db.Regions.FindNodeAsync(id, cancellationToken);
}
