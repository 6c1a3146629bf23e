namespace SpmGraph.Domain.Model;

/// <summary>The e-SPM input window for one quarter, as Kemendagri sets it.</summary>
public sealed class ReportingPeriod : IVersioned
{
    public int Id { get; set; }

    /// <summary>Concurrency token: 1 when created, incremented by every write.</summary>
    public int Version { get; set; } = 1;

    public int Year { get; set; }

    public int Quarter { get; set; }

    public DateTime OpensAt { get; set; }

    /// <summary>Reports submitted before this instant are on time.</summary>
    public DateTime ClosesAt { get; set; }
}
