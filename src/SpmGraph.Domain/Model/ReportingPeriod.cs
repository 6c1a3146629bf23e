namespace SpmGraph.Domain.Model;

/// <summary>The e-SPM input window for one quarter, as Kemendagri sets it.</summary>
public sealed class ReportingPeriod
{
    public int Id { get; set; }

    public int Year { get; set; }

    public int Quarter { get; set; }

    public DateTime OpensAt { get; set; }

    /// <summary>Reports submitted before this instant are on time.</summary>
    public DateTime ClosesAt { get; set; }
}
