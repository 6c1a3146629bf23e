using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Audit;

// Declared field by field rather than from one QueryableFields: the published sort input lists its
// fields in another order than the filter (`at` first), and a QueryableFields keeps one order for both.
public sealed class AuditEntryFilterInputGraphType : FilterInputGraphType<AuditEntry>
{
    public AuditEntryFilterInputGraphType()
        : base("AuditEntryFilterInput")
    {
        Field("entityType", e => e.EntityType, typeof(EnumOperationFilterInputGraphType<AuditEntityTypeGraphType>));
        Field("action", e => e.Action, typeof(EnumOperationFilterInputGraphType<AuditActionGraphType>));
        Field("actor", e => e.Actor);
        Field("at", e => e.At);
        Relation<Region, RegionFilterInputGraphType>("region", e => e.Region);
    }
}

public sealed class AuditEntrySortInputGraphType : SortInputGraphType<AuditEntry>
{
    public AuditEntrySortInputGraphType()
        : base("AuditEntrySortInput")
    {
        Field("at", e => e.At);
        Field("actor", e => e.Actor);
        Field("entityType", e => e.EntityType);
        Field("action", e => e.Action);
        Relation<Region, RegionSortInputGraphType>("region", e => e.Region);
    }
}
