using GraphQL.Types;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Security;
using SpmGraph.QueryConventions;

namespace SpmGraph.GraphQL.Reports;

public sealed class ReportQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Connection<object?, ReportGraphType, Report>("reports", (db, ctx) => db.Set<Report>().VisibleTo(ctx.Scope(), r => r.Status, r => r.Region!), c => c
                .Filter<ReportFilterInputGraphType>().Sort<ReportSortInputGraphType>()
                .DefaultOrderBy(r => r.Year).DefaultOrderBy(r => r.Quarter).DefaultOrderBy(r => r.RegionId).Key(r => r.Id))
            .Description("Quarterly reports (by year, quarter and region unless `order` says otherwise).");
        query.Connection<object?, ReportingPeriodGraphType, ReportingPeriod>("reportingPeriods", (db, _) => db.Set<ReportingPeriod>(), c => c
                .Filter<ReportingPeriodFilterInputGraphType>().Sort<ReportingPeriodSortInputGraphType>()
                .DefaultOrderBy(p => p.Year).DefaultOrderBy(p => p.Quarter).Key(p => p.Id))
            .Description("Reporting windows (by year and quarter unless `order` says otherwise).");
    }
}
