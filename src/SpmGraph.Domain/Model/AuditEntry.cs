namespace SpmGraph.Domain.Model;

/// <summary>The kinds of row the audit trail follows.</summary>
public enum AuditEntityType
{
    Achievement,
    Plan,
    Report,
    ReportingPeriod,
    ScoringScheme,
}

/// <summary>What a write did to a row.</summary>
public enum AuditAction
{
    Created,
    Updated,
}

/// <summary>One write to an audited row: who changed which fields from what to what, and when.</summary>
public sealed class AuditEntry
{
    public int Id { get; set; }

    public AuditEntityType EntityType { get; set; }

    /// <summary>The id of the changed row in its table.</summary>
    public int EntityId { get; set; }

    /// <summary>The region the row belongs to; null for reporting periods and scoring schemes.</summary>
    public int? RegionId { get; set; }

    public Region? Region { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>
    /// The changed fields as a JSON object keyed by field name, e.g.
    /// <c>{"served":{"old":10,"new":12}}</c>; a created row lists the fields it has (old null).
    /// </summary>
    public string Changes { get; set; } = "{}";

    /// <summary>Who wrote: the signed-in user's name, "anonymous", "cli" or "import:&lt;file&gt;".</summary>
    public string Actor { get; set; } = "";

    /// <summary>When the write was committed (UTC).</summary>
    public DateTime At { get; set; }
}
