using GraphQL.Types;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Audit;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Opds;
using SpmGraph.GraphQL.Regions;
using SpmGraph.GraphQL.Reports;
using SpmGraph.GraphQL.Scoring;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions.Batching;
using SpmGraph.QueryConventions.Projection;

namespace SpmGraph.GraphQL.Achievements;

public sealed class AchievementGraphType : ObjectGraphType<Achievement>, INodeType
{
    public AchievementGraphType()
    {
        Name = "Achievement";
        Description = "A capaian row: one region, jenis, year and triwulan (quarter).";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id)).Reads(a => a.Id);
        Field<NonNullGraphType<RegionGraphType>>("region").Resolve(ctx => ctx.Service<RegionByIdLoader>().Load(ctx.Source.RegionId)).Reads(a => a.RegionId);
        Field<NonNullGraphType<IndicatorGraphType>>("indicator").Resolve(ctx => ctx.Service<IndicatorByIdLoader>().Load(ctx.Source.IndicatorId)).Reads(a => a.IndicatorId);
        Field<OpdGraphType>("opd")
            .Description("The OPD that reported the row.")
            .Resolve(ctx => ctx.Source.OpdId is { } id ? ctx.Service<OpdByIdLoader>().Load(id) : null)
            .Reads(a => a.OpdId);
        Field(a => a.Year);
        Field(a => a.Quarter).Description("Triwulan, 1-4.");
        Field(a => a.Target).Description("Entitled recipients for the year (jumlah yang harus dilayani).");
        Field(a => a.Served).Description("Served since January, cumulative to the end of this quarter (terlayani).");
        Field<NonNullGraphType<LongGraphType>>("servedInQuarter")
            .Description("Served in this quarter itself: served minus the previous quarter's served (the latest earlier quarter you may read; Q1 as is). Adds up over the year to Q4's served.")
            .Resolve(ctx =>
            {
                var row = ctx.Source;
                return ctx.Service<PreviousServedLoader>().For(ctx.Scope())
                    .Load(new SeriesQuarter(row.RegionId, row.IndicatorId, row.Year, row.Quarter))
                    .Then(previous => row.Served - (previous ?? 0));
            })
            .Reads(a => a.RegionId, a => a.IndicatorId, a => a.Year, a => a.Quarter, a => a.Served);
        Field(a => a.QualityRate, nullable: true).Description("Mutu fulfilment in percent; null when not reported.");
        Field(a => a.BudgetRealized).Description("Budget realised (realisasi) in this quarter, whole rupiah; a flow that adds up over the year.");
        Field(a => a.AchievementRate, nullable: true).Description("served / target x 100; null when target is 0; not capped.").Reads(a => a.Target, a => a.Served);
        Field<FloatGraphType>("spmIndex")
            .Description("recipientWeight x achievementRate (capped at 100 when the scheme caps it) + qualityWeight x qualityRate, with the active scoring scheme.")
            .ResolveAsync(async ctx => (await ctx.Service<ScoringSchemeCatalog>().ActiveAsync()).IndexFor(ctx.Source.AchievementRate, ctx.Source.QualityRate))
            .Reads(a => a.Target, a => a.Served, a => a.QualityRate);
        Field<StringGraphType>("band")
            .Description("Code of the active scheme's band for spmIndex, e.g. TUNTAS_PARIPURNA.")
            .ResolveAsync(async ctx =>
            {
                var scheme = await ctx.Service<ScoringSchemeCatalog>().ActiveAsync();
                return scheme.BandFor(scheme.IndexFor(ctx.Source.AchievementRate, ctx.Source.QualityRate))?.Code;
            })
            .Reads(a => a.Target, a => a.Served, a => a.QualityRate);
        Field<NonNullGraphType<ScoringSchemeGraphType>>("scoringScheme")
            .Description("The scheme that produced spmIndex and band.")
            .ResolveAsync(async ctx => await ctx.Service<ScoringSchemeCatalog>().ActiveAsync())
            .Reads();
        Field<NonNullGraphType<ReportStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status).Reads(a => a.Status);
        Field(a => a.SubmittedAt, nullable: true);
        Field(a => a.VerifiedAt, nullable: true);
        Field<BooleanGraphType>("onTime")
            .Description("Submitted before the reporting window closed; null while not submitted.")
            .ResolveAsync(async ctx => (await ctx.Service<ReportingCalendar>().GetAsync()).OnTime(ctx.Source.Year, ctx.Source.Quarter, ctx.Source.SubmittedAt))
            .Reads(a => a.Year, a => a.Quarter, a => a.SubmittedAt);
        Field(a => a.Version).Description("Concurrency token: 1 when created, incremented by every write; recordAchievement takes it back as expectedVersion.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("history")
            .Description("Every write to this row, newest first; shown to callers whose scope covers the region, empty for others.")
            .ResolveAsync(async ctx => await AuditHistory.ForAsync(ctx, AuditEntityType.Achievement, ctx.Source.Id, ctx.Source.RegionId))
            .Reads(a => a.Id, a => a.RegionId);
    }

    public Task<object?> FindAsync(SpmDbContext db, CallerScope scope, int id, CancellationToken cancellationToken) =>
        db.Achievements.VisibleTo(scope, a => a.Status, a => a.Region!).FindNodeAsync(id, cancellationToken);
}
