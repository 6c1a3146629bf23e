using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Reports;

public sealed class ReportQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ConnectionGraphType<ReportGraphType, Report>>>("reports")
            .Description("Quarterly reports, by year, quarter and region.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                await using var db = await Db.OpenAsync(ctx);
                return await db.Reports.AsNoTracking().OrderBy(r => r.Year).ThenBy(r => r.Quarter).ThenBy(r => r.RegionId).ToPageAsync(ctx);
            });
        query.Field<NonNullGraphType<ConnectionGraphType<ReportingPeriodGraphType, ReportingPeriod>>>("reportingPeriods")
            .Description("Reporting windows, by year and quarter.")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                await using var db = await Db.OpenAsync(ctx);
                return await db.ReportingPeriods.AsNoTracking().OrderBy(p => p.Year).ThenBy(p => p.Quarter).ToPageAsync(ctx);
            });
    }
}
