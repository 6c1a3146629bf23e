using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions;

namespace SpmGraph.GraphQL.Audit;

public sealed class AuditQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Connection<object?, AuditEntryGraphType, AuditEntry>("auditLog", (db, ctx) => db.Set<AuditEntry>().Where(ctx.Scope().AuditVisible()), c => c
                .Filter<AuditEntryFilterInputGraphType>().Sort<AuditEntrySortInputGraphType>()
                .DefaultOrderBy(e => e.At, descending: true).DefaultOrderBy(e => e.Id, descending: true).Key(e => e.Id))
            .Description("Every write to plans, achievement rows, reports and reporting periods (newest first unless `order` says otherwise).");
    }
}
