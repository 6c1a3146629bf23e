using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace SpmGraph.Server.Observability;

/// <summary>
/// The names the server's telemetry is published under: one <see cref="ActivitySource"/> for its spans (one per GraphQL
/// request) and one meter (its instruments in <see cref="SpmMetrics"/>), both called <see cref="Name"/>.
/// </summary>
public static class SpmTelemetry
{
    /// <summary>The activity source's and the meter's name.</summary>
    public const string Name = "SpmGraph.Server";

    /// <summary>`service.name` when OTEL_SERVICE_NAME does not say otherwise.</summary>
    public const string DefaultServiceName = "spmgraph";

    /// <summary>The server's version (the assembly's informational version, without the commit), for the resource and the meter.</summary>
    public static string Version { get; } =
        typeof(SpmTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Starts the GraphQL request spans; static, as activity sources are (listeners pick them by name).</summary>
    public static ActivitySource Source { get; } = new(Name, Version);

    /// <summary>
    /// The server's meter, static like the source and never disposed. (Not one per host from IMeterFactory: OpenTelemetry
    /// stops a metric for every meter of the same name when one of them is disposed, opentelemetry-dotnet#6412, and the
    /// tests run several hosts in one process.)
    /// </summary>
    public static Meter Meter { get; } = new(Name, Version);
}
