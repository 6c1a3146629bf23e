using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.GraphQL.Achievements;
using SpmGraph.GraphQL.Common;
using SpmGraph.GraphQL.Indicators;
using SpmGraph.GraphQL.Opds;
using SpmGraph.GraphQL.Plans;
using SpmGraph.GraphQL.Regions;
using SpmGraph.GraphQL.Reports;
using SpmGraph.GraphQL.Scoring;

namespace SpmGraph.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Registers the SpmGraph schema, its graph types and the per-request loaders.</summary>
    public static IServiceCollection AddSpmGraphQL(this IServiceCollection services)
    {
        // Root fields in schema order.
        services.AddSingleton<IQueryFields, RegionQueries>();
        services.AddSingleton<IQueryFields, OpdQueries>();
        services.AddSingleton<IQueryFields, IndicatorQueries>();
        services.AddSingleton<IQueryFields, PlanQueries>();
        services.AddSingleton<IQueryFields, AchievementQueries>();
        services.AddSingleton<IQueryFields, ReportQueries>();
        services.AddSingleton<IQueryFields, ScoringQueries>();

        // Loaders batch and cache per request.
        services.AddScoped<RegionByIdLoader>();
        services.AddScoped<IndicatorByIdLoader>();
        services.AddScoped<IndicatorCountBySectorLoader>();
        services.AddScoped<OpdByIdLoader>();
        services.AddScoped<SectorsByOpdIdLoader>();
        services.AddScoped<RowCountByReportIdLoader>();
        services.AddScoped<ReportingCalendar>();
        services.AddScoped<ActiveScoringScheme>();

        services.AddGraphQL(b => b
            .AddSchema<SpmSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(SpmSchema).Assembly));
        return services;
    }
}
