using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Regions;
using SpmGraph.QueryConventions;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Sorting;

namespace SpmGraph.GraphQL.Audit;

/// <summary>
/// An audit entry's queryable fields, described once for its filter and its sort input, in the sort
/// input's published order (`at` first: fields of one order object sort in schema order when they
/// come from a variable).
/// </summary>
internal static class AuditEntryQueryableFields
{
    public static readonly QueryableFields<AuditEntry> All = new QueryableFields<AuditEntry>()
        .Field("at", e => e.At)
        .Field("actor", e => e.Actor)
        .Field("entityType", e => e.EntityType, typeof(EnumOperationFilterInputGraphType<AuditEntityTypeGraphType>))
        .Field("action", e => e.Action, typeof(EnumOperationFilterInputGraphType<AuditActionGraphType>))
        .Relation<Region, RegionFilterInputGraphType, RegionSortInputGraphType>("region", e => e.Region);
}

public sealed class AuditEntryFilterInputGraphType() : FilterInputGraphType<AuditEntry>("AuditEntryFilterInput", AuditEntryQueryableFields.All);

public sealed class AuditEntrySortInputGraphType() : SortInputGraphType<AuditEntry>("AuditEntrySortInput", AuditEntryQueryableFields.All);
