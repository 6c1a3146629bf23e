using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SpmGraph.Domain;

public static class ClockServiceCollectionExtensions
{
    /// <summary>
    /// The clock that stamps writes and checks tokens and keys: <see cref="TimeProvider.System"/> unless one is
    /// registered already (tests register a fake one first). Every module that needs the clock calls this.
    /// </summary>
    public static IServiceCollection AddSpmClock(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
