namespace SpmGraph.Domain.Model;

/// <summary>One line of a region's rencana aksi (action plan): a jenis for one year, with its budget.</summary>
public sealed class Plan : IVersioned
{
    public int Id { get; set; }

    /// <summary>Concurrency token: 1 when created, incremented by every write.</summary>
    public int Version { get; set; } = 1;

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public int Year { get; set; }

    /// <summary>The OPD responsible for delivering this line.</summary>
    public int? OpdId { get; set; }

    public Opd? Opd { get; set; }

    /// <summary>Entitled recipients planned for the year.</summary>
    public long Target { get; set; }

    /// <summary>Cost per recipient in rupiah.</summary>
    public long UnitCost { get; set; }

    /// <summary>Budget needed in rupiah: target x unit cost unless <see cref="BudgetNeededIsExplicit"/>.</summary>
    public long BudgetNeeded { get; set; }

    /// <summary>True when the plan states its own budget need (services costed per facility).</summary>
    public bool BudgetNeededIsExplicit { get; set; }

    /// <summary>Budget allocated in the APBD, rupiah.</summary>
    public long BudgetAllocated { get; set; }

    /// <summary>Permendagri 90/2019 program code, e.g. "1.02.02".</summary>
    public string? ProgramCode { get; set; }

    /// <summary>Name of the action-plan period, e.g. "Periode 2023 - 2028".</summary>
    public string PlanPeriod { get; set; } = "";

    public long BudgetGap => Rules.SpmRules.BudgetGapOf(BudgetNeeded, BudgetAllocated);

    public bool Unbudgeted => Rules.SpmRules.UnbudgetedOf(BudgetNeeded, BudgetAllocated);
}
