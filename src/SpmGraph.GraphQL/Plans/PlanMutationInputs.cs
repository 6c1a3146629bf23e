using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Opds;

namespace SpmGraph.GraphQL.Plans;

/// <summary>upsertPlan's input as the API takes it: the OPD by the id the API shows.</summary>
public sealed class UpsertPlanInput
{
    public string RegionCode { get; set; } = "";

    public string IndicatorCode { get; set; } = "";

    public int Year { get; set; }

    public string OpdId { get; set; } = "";

    public long Target { get; set; }

    public long UnitCost { get; set; }

    public long BudgetAllocated { get; set; }

    public string? ProgramCode { get; set; }

    public long? BudgetNeeded { get; set; }

    public string? PlanPeriod { get; set; }

    public int? ExpectedVersion { get; set; }

    public PlanInput ToPlanInput() => new()
    {
        RegionCode = RegionCode,
        IndicatorCode = IndicatorCode,
        Year = Year,

        // An id that is not an OPD's (or not one of ours) finds no OPD: 0 is never a row id, so it reads as UNKNOWN_OPD.
        OpdId = GlobalId.TryDecode(OpdId, out var type, out var id) && type == OpdGraphType.TypeName ? id : 0,
        Target = Target,
        UnitCost = UnitCost,
        BudgetAllocated = BudgetAllocated,
        ProgramCode = ProgramCode,
        BudgetNeeded = BudgetNeeded,
        PlanPeriod = PlanPeriod,
        ExpectedVersion = ExpectedVersion,
    };
}

public sealed class UpsertPlanInputGraphType : InputObjectGraphType<UpsertPlanInput>
{
    public UpsertPlanInputGraphType()
    {
        Name = "UpsertPlanInput";
        Description = "One action-plan line, by region and indicator code and year. The input states the whole line; money in whole rupiah.";
        Field(i => i.RegionCode).Description("Kemendagri code, e.g. \"19.71\".");
        Field(i => i.IndicatorCode).Description("Jenis code, e.g. \"KES.KK.01\".");
        Field(i => i.Year);
        Field<NonNullGraphType<IdGraphType>>("opdId").Description("The responsible OPD, by the `id` the API shows; one of the region's OPDs.");
        Field(i => i.Target).Description("Entitled recipients planned for the year; not negative.");
        Field(i => i.UnitCost).Description("Cost per recipient; not negative.");
        Field(i => i.BudgetAllocated).Description("Budget allocated in the APBD; not negative.");
        Field(i => i.ProgramCode, nullable: true).Description("Permendagri 90/2019 program code, e.g. \"1.02.02\".");
        Field(i => i.BudgetNeeded, nullable: true).Description("The plan's own budget need (per-facility services); when null, target x unitCost.");
        Field(i => i.PlanPeriod, nullable: true).Description("The action-plan period, e.g. \"Periode 2023 - 2028\"; when null, the stored one or the region's period that covers the year.");
        Field(i => i.ExpectedVersion, nullable: true).Description("The plan's `version` as read; when given and the plan has changed since, the write is refused with CONFLICT. 0: it must not exist yet.");
    }
}

public sealed class UpsertPlanPayloadGraphType() : PayloadGraphType<Plan, PlanGraphType>(
    "UpsertPlanPayload", "plan", "The plan line as written, or why it was refused.");
