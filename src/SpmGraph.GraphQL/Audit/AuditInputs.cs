using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Audit;

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
