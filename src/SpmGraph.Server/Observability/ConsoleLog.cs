using Microsoft.Extensions.Logging.Console;
using ZLogger;

namespace SpmGraph.Server.Observability;

/// <summary>
/// The console log, one line per record ("2026-12-01 19:40:00.123 INF SpmGraph.Server.Observability.GraphQLTelemetry[1]
/// GraphQL query ProvinceRollup answered 200 in 1.9 ms, ..."), written by ZLogger in place of ASP.NET Core's console
/// logger. That one's queue wakes its writer thread under a lock the requests then wait for: with the line logged for
/// every GraphQL request, the benchmark's city list ran about an eighth slower than with no line at all. ZLogger queues
/// each record in a channel its writer drains asynchronously; with it, and the line, the city list ran as fast as it had
/// without one in hand runs. The `Logging:LogLevel` filters apply as before.
/// </summary>
internal static class ConsoleLog
{
    /// <summary>Records waiting for the writer at most; a request that would exceed it waits, as with ASP.NET Core's logger.</summary>
    public const int MaxQueuedRecords = 10_000;

    public static IServiceCollection AddSpmConsoleLog(this IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            services.Remove(descriptor);
        }

        services.AddLogging(logging => logging.AddZLoggerConsole(options =>
        {
            options.FullMode = BackgroundBufferFullMode.Block;
            options.BackgroundBufferCapacity = MaxQueuedRecords;
            options.UsePlainTextFormatter(formatter => formatter.SetPrefixFormatter(
                $"{0:utc-longdate} {1:short} {2}[{3}] ",
                (in MessageTemplate template, in LogInfo info) => template.Format(info.Timestamp, info.LogLevel, info.Category, info.EventId.Id)));
        }));
        return services;
    }
}
