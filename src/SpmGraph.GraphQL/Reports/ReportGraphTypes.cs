using GraphQL.Types;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Audit;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Regions;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions.Projection;

namespace SpmGraph.GraphQL.Reports;

public sealed class ReportStatusGraphType : EnumerationGraphType<ReportStatus>
{
    public ReportStatusGraphType()
    {
        Name = "ReportStatus";
        Description = "Workflow state of a quarterly report and of its rows.";
    }
}

public sealed class ReportingPeriodGraphType : ObjectGraphType<ReportingPeriod>, INodeType
{
    public ReportingPeriodGraphType()
    {
        Name = "ReportingPeriod";
        Description = "The e-SPM input window for one triwulan (quarter), as Kemendagri sets it.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id)).Reads(p => p.Id);
        Field(p => p.Year);
        Field(p => p.Quarter);
        Field(p => p.OpensAt);
        Field(p => p.ClosesAt).Description("Reports submitted before this instant are on time.");
        Field(p => p.Version).Description("Concurrency token: 1 when created, incremented by every write; upsertReportingPeriod takes it back as expectedVersion.");
    }

    public Task<object?> FindAsync(SpmDbContext db, CallerScope scope, int id, CancellationToken cancellationToken) =>
        db.ReportingPeriods.FindNodeAsync(id, cancellationToken);
}

public sealed class ReportGraphType : ObjectGraphType<Report>, INodeType
{
    public ReportGraphType()
    {
        Name = "Report";
        Description = "A region's quarterly SPM report: the unit that is submitted, verified and timed.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id)).Reads(r => r.Id);
        Field<NonNullGraphType<RegionGraphType>>("region").Resolve(ctx => ctx.Service<RegionByIdLoader>().Load(ctx.Source.RegionId)).Reads(r => r.RegionId);
        Field(r => r.Year);
        Field(r => r.Quarter).Description("Triwulan, 1-4.");
        Field<NonNullGraphType<ReportStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status).Reads(r => r.Status);
        Field(r => r.SubmittedAt, nullable: true);
        Field(r => r.VerifiedAt, nullable: true);
        Field(r => r.RejectionReason, nullable: true).Description("Why the province rejected the report.");
        Field<BooleanGraphType>("onTime")
            .Description("Submitted before the reporting period closed; null while not submitted.")
            .ResolveAsync(async ctx => (await ctx.Service<ReportingCalendar>().GetAsync()).OnTime(ctx.Source.Year, ctx.Source.Quarter, ctx.Source.SubmittedAt))
            .Reads(r => r.Year, r => r.Quarter, r => r.SubmittedAt);
        Field<NonNullGraphType<IntGraphType>>("rowCount")
            .Description("Number of achievement rows in the report.")
            .Resolve(ctx => ctx.Service<RowCountByReportIdLoader>().Load(ctx.Source.Id))
            .Reads(r => r.Id);
        Field<NonNullGraphType<ReportingPeriodGraphType>>("reportingPeriod")
            .ResolveAsync(async ctx => (await ctx.Service<ReportingCalendar>().GetAsync()).Find(ctx.Source.Year, ctx.Source.Quarter))
            .Reads(r => r.Year, r => r.Quarter);
        Field(r => r.Version).Description("Concurrency token: 1 when created, incremented by every write; the workflow steps take it back as expectedVersion.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("history")
            .Description("Every write to this report (created, submitted, verified, rejected, reopened), newest first; shown to callers whose scope covers the region, empty for others.")
            .ResolveAsync(async ctx => await AuditHistory.ForAsync(ctx, AuditEntityType.Report, ctx.Source.Id, ctx.Source.RegionId))
            .Reads(r => r.Id, r => r.RegionId);
    }

    public Task<object?> FindAsync(SpmDbContext db, CallerScope scope, int id, CancellationToken cancellationToken) =>
        db.Reports.VisibleTo(scope, r => r.Status, r => r.Region!).FindNodeAsync(id, cancellationToken);
}
