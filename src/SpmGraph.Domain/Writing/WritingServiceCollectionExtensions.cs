using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SpmGraph.Domain.Writing;

public static class WritingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the writers (achievements, plans, the report workflow, reporting periods, scoring schemes) and the
    /// clock they stamp writes with (<see cref="ClockServiceCollectionExtensions.AddSpmClock"/>).
    /// </summary>
    public static IServiceCollection AddSpmWriting(this IServiceCollection services)
    {
        services.AddSpmClock();
        services.TryAddSingleton<AchievementWriter>();
        services.TryAddSingleton<PlanWriter>();
        services.TryAddSingleton<ReportWorkflow>();
        services.TryAddSingleton<ReportingPeriodWriter>();
        services.TryAddSingleton<ScoringSchemeWriter>();
        return services;
    }
}
