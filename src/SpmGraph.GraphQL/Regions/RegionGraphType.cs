using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Opds;

namespace SpmGraph.GraphQL.Regions;

public sealed class RegionKindGraphType : EnumerationGraphType<RegionKind>
{
    public RegionKindGraphType()
    {
        Name = "RegionKind";
        Description = "PROVINCE (provinsi), REGENCY (kabupaten) or CITY (kota).";
    }
}

public sealed class RegionGraphType : ObjectGraphType<Region>
{
    public RegionGraphType()
    {
        Name = "Region";
        Description = "A provinsi or kabupaten/kota, keyed by its Kemendagri code.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id));
        Field(r => r.Code).Description("Kemendagri code: \"19\" for a province, \"19.71\" for a kabupaten/kota.");
        Field(r => r.Name);
        Field<NonNullGraphType<RegionKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(r => r.DistrictCount).Description("Number of kecamatan (districts) in the reference data.");
        Field(r => r.VillageCount).Description("Number of desa/kelurahan (villages) in the reference data.");
        Field<RegionGraphType>("parent")
            .Description("The province of a kabupaten/kota; null for a province.")
            .Resolve(ctx => ctx.Source.ParentId is { } id ? ctx.Loader<RegionByIdLoader>().Load(id) : null);
        Field<NonNullGraphType<ConnectionGraphType<RegionGraphType, Region>>>("children")
            .Description("The kabupaten/kota of a province, by code.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                await using var db = await Db.OpenAsync(ctx);
                return await db.Regions.AsNoTracking().Where(r => r.ParentId == ctx.Source.Id).OrderBy(r => r.Code).ToPageAsync(ctx);
            });
        Field<NonNullGraphType<ConnectionGraphType<OpdGraphType, Opd>>>("opds")
            .Description("The region's agencies (OPD).")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                await using var db = await Db.OpenAsync(ctx);
                return await db.Opds.AsNoTracking().Where(o => o.RegionId == ctx.Source.Id).OrderBy(o => o.Id).ToPageAsync(ctx);
            });
    }
}
