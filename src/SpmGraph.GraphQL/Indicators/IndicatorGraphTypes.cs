using GraphQL.Types;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Projection;

namespace SpmGraph.GraphQL.Indicators;

public sealed class SectorCodeGraphType : EnumerationGraphType<SectorCode>
{
    public SectorCodeGraphType()
    {
        Name = "SectorCode";
        Description = "The six bidang of PP 2/2018.";
    }
}

public sealed class IndicatorLevelGraphType : EnumerationGraphType<IndicatorLevel>
{
    public IndicatorLevelGraphType()
    {
        Name = "IndicatorLevel";
        Description = "PROVINCE for provinsi services, REGENCY_CITY for kabupaten/kota services.";
    }
}

public sealed class SectorGraphType : ObjectGraphType<Sector>
{
    public SectorGraphType()
    {
        Name = "Sector";
        Description = "A bidang: one of the six fields of basic service.";
        Field<NonNullGraphType<SectorCodeGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field(s => s.Name).Description("Official Indonesian name, e.g. \"Kesehatan\".");
        Field(s => s.EnglishName);
        Field(s => s.Ordinal).Description("Position in PP 2/2018 (1-6).");
        Field<NonNullGraphType<IntGraphType>>("indicatorCount")
            .Description("Number of jenis pelayanan dasar in this bidang, both levels.")
            .Resolve(ctx => ctx.Service<IndicatorCountBySectorLoader>().Load(ctx.Source.Code));
        this.NestedConnection<Sector, SectorCode, IndicatorGraphType, Indicator>("indicators", s => s.Code, s => s.Indicators, c => c
                .Filter<IndicatorFilterInputGraphType>().Sort<IndicatorSortInputGraphType>().DefaultOrderBy(i => i.Code).Key(i => i.Id))
            .Description("The jenis of this bidang (by code unless `order` says otherwise).");
    }
}

public sealed class IndicatorGraphType : ObjectGraphType<Indicator>, INodeType
{
    public IndicatorGraphType()
    {
        Name = "Indicator";
        Description = "A jenis pelayanan dasar (basic service type) of the PP 2/2018 catalog.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id)).Reads(i => i.Id);
        Field(i => i.Code).Description("Stable code: sector, level and ordinal, e.g. \"KES.KK.01\".");
        Field(i => i.Name);
        Field<NonNullGraphType<SectorCodeGraphType>>("sector").Resolve(ctx => ctx.Source.Sector).Reads(i => i.Sector);
        Field<NonNullGraphType<IndicatorLevelGraphType>>("level").Resolve(ctx => ctx.Source.Level).Reads(i => i.Level);
        Field(i => i.Recipient).Description("Penerima: who is entitled to the service.");
        Field(i => i.LegalBasis).Description("Regulations that fix the service and its technical standard.");
        Field(i => i.Unit).Description("Unit in which recipients are counted.");
    }

    public Task<object?> FindAsync(SpmDbContext db, CallerScope scope, int id, CancellationToken cancellationToken) =>
        db.Indicators.FindNodeAsync(id, cancellationToken);
}
