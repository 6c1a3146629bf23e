using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.Domain.Writing;
using SpmGraph.GraphQL.Achievements;
using SpmGraph.GraphQL.Audit;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Limits;
using SpmGraph.GraphQL.Opds;
using SpmGraph.GraphQL.Plans;
using SpmGraph.GraphQL.Regions;
using SpmGraph.GraphQL.Reports;
using SpmGraph.GraphQL.Scoring;
using SpmGraph.QueryConventions;

namespace SpmGraph.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Registers the SpmGraph schema, its graph types and the per-request loaders.</summary>
    public static IServiceCollection AddSpmGraphQL(this IServiceCollection services)
    {
        // Root fields in schema order.
        services.AddSingleton<IQueryFields, NodeQueries>();
        services.AddSingleton<IQueryFields, RegionQueries>();
        services.AddSingleton<IQueryFields, OpdQueries>();
        services.AddSingleton<IQueryFields, IndicatorQueries>();
        services.AddSingleton<IQueryFields, PlanQueries>();
        services.AddSingleton<IQueryFields, AchievementQueries>();
        services.AddSingleton<IQueryFields, ReportQueries>();
        services.AddSingleton<IQueryFields, ScoringQueries>();
        services.AddSingleton<IQueryFields, AuditQueries>();
        services.AddSingleton<IQueryFields, Stats.StatsQueries>();

        // Mutation fields in schema order; the writers they call, and the clock.
        services.AddSingleton<IMutationFields, AchievementMutations>();
        services.AddSingleton<IMutationFields, PlanMutations>();
        services.AddSingleton<IMutationFields, ReportMutations>();
        services.AddSingleton<IMutationFields, ScoringMutations>();
        services.AddSpmWriting();

        // Loaders batch and cache per request.
        services.AddScoped<RegionByIdLoader>();
        services.AddScoped<IndicatorByIdLoader>();
        services.AddScoped<IndicatorCountBySectorLoader>();
        services.AddScoped<OpdByIdLoader>();
        services.AddScoped<SectorsByOpdIdLoader>();
        services.AddScoped<RowCountByReportIdLoader>();
        services.AddScoped<ReportingCalendar>();
        services.AddScoped<AuditHistoryLoader>();
        services.AddScoped<ScoringSchemeCatalog>();
        services.AddSingleton<ScoringSchemeCache>();
        services.AddSingleton(sp => new ReferenceRows<Region>(sp.GetRequiredService<IDbContextFactory<SpmDbContext>>(), r => r.Id, RegionRows.LinkParents));
        services.AddSingleton(sp => new ReferenceRows<Indicator>(sp.GetRequiredService<IDbContextFactory<SpmDbContext>>(), i => i.Id));
        services.AddSingleton(sp => new ReferenceRows<Opd>(sp.GetRequiredService<IDbContextFactory<SpmDbContext>>(), o => o.Id));
        services.AddSingleton<RegionChildRows>();
        services.AddSingleton<RegionOpdRows>();
        services.AddSingleton<OpdSectorRows>();
        services.AddScoped<RequestDataVersion>();
        services.AddScoped<Stats.StatsLoaders>();
        services.AddOptions<Stats.StatsOptions>().BindConfiguration(Stats.StatsOptions.SectionName);
        services.AddScoped<Achievements.PreviousServedLoader>();

        services.AddQueryConventions<SpmDbContext>();

        services.AddGraphQL(b => b
            .AddSchema<SpmSchema>()
            .AddSystemTextJson()
            // Errors carry extensions.code; exception details (type, stack) only in Development.
            .AddErrorInfoProvider((options, provider) =>
            {
                options.ExposeCodes = false;
                options.ExposeExceptionDetails = provider.GetRequiredService<IHostEnvironment>().IsDevelopment();
            })
            // Depth, cost, alias and length limits, the timeout, the introspection switch, masked server errors.
            .AddSpmLimits()
            .AddGraphTypes(typeof(SpmSchema).Assembly));
        return services;
    }
}
