using GraphQL.Types;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Audit;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Opds;
using SpmGraph.GraphQL.Regions;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions.Projection;

namespace SpmGraph.GraphQL.Plans;

public sealed class PlanGraphType : ObjectGraphType<Plan>, INodeType
{
    public PlanGraphType()
    {
        Name = "Plan";
        Description = "One line of a region's rencana aksi (action plan): a jenis for one year, with its budget. Money is in whole rupiah.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(Name, ctx.Source.Id)).Reads(p => p.Id);
        Field<NonNullGraphType<RegionGraphType>>("region").Resolve(ctx => ctx.Service<RegionByIdLoader>().Load(ctx.Source.RegionId)).Reads(p => p.RegionId);
        Field<NonNullGraphType<IndicatorGraphType>>("indicator").Resolve(ctx => ctx.Service<IndicatorByIdLoader>().Load(ctx.Source.IndicatorId)).Reads(p => p.IndicatorId);
        Field<OpdGraphType>("opd")
            .Description("The OPD responsible for delivering this line.")
            .Resolve(ctx => ctx.Source.OpdId is { } id ? ctx.Service<OpdByIdLoader>().Load(id) : null)
            .Reads(p => p.OpdId);
        Field(p => p.Year);
        Field(p => p.Target).Description("Entitled recipients planned for the year.");
        Field(p => p.UnitCost).Description("Cost per recipient.");
        Field(p => p.BudgetNeeded).Description("target x unitCost, unless the plan states its own figure (per-facility services).");
        Field(p => p.BudgetAllocated).Description("Budget allocated in the APBD.");
        Field(p => p.BudgetGap).Description("budgetNeeded - budgetAllocated, never negative.").Reads(p => p.BudgetNeeded, p => p.BudgetAllocated);
        Field(p => p.Unbudgeted).Description("True when budgetAllocated < budgetNeeded (tidak teranggarkan).").Reads(p => p.BudgetNeeded, p => p.BudgetAllocated);
        Field(p => p.ProgramCode, nullable: true).Description("Permendagri 90/2019 program code.");
        Field(p => p.PlanPeriod).Description("The action-plan period, e.g. \"Periode 2023 - 2028\".");
        Field(p => p.Version).Description("Concurrency token: 1 when created, incremented by every write; upsertPlan takes it back as expectedVersion.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("history")
            .Description("Every write to this plan line, newest first; shown to callers whose scope covers the region, empty for others.")
            .ResolveAsync(async ctx => await AuditHistory.ForAsync(ctx, AuditEntityType.Plan, ctx.Source.Id, ctx.Source.RegionId))
            .Reads(p => p.Id, p => p.RegionId);
    }

    public Task<object?> FindAsync(SpmDbContext db, CallerScope scope, int id, CancellationToken cancellationToken) =>
        db.Plans.FindNodeAsync(id, cancellationToken);
}
