using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SpmGraph.Server.Http;

namespace SpmGraph.Server.Observability;

/// <summary>
/// Telemetry (OpenTelemetry traces, metrics and logs), the Prometheus endpoint and the health endpoints (README,
/// "Telemetry, metrics and health").
/// </summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The standard OpenTelemetry setting (environment, appsettings or command line) that turns OTLP export on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Where Prometheus scrapes; empty turns the endpoint off.</summary>
    public const string PrometheusPathKey = "Telemetry:PrometheusPath";

    public const string DefaultPrometheusPath = "/metrics";

    /// <summary>EF Core's provider name for PostgreSQL, whose commands Npgsql's own spans describe.</summary>
    private const string NpgsqlEfCoreProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Registers the console log (<see cref="ConsoleLog"/>), the GraphQL request telemetry, the SQL command counter, the health checks and OpenTelemetry: metrics always
    /// (for `/metrics`); traces and logs exported over OTLP when <see cref="OtlpEndpointKey"/> is set. What is traced is
    /// declared whether or not an exporter is: code (the tests) that adds one with `WithTracing` gets the same spans.
    /// </summary>
    public static IServiceCollection AddSpmObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSpmConsoleLog();
        services.AddSingleton<IGraphQLRequestObserver, GraphQLTelemetry>();
        services.AddSingleton<IInterceptor, SqlStatementCounter>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5));

        var prometheusPath = PrometheusPath(configuration);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(SpmTelemetry.Name)
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path, prometheusPath))
            .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (provider, _) => provider != NpgsqlEfCoreProvider)
            .AddNpgsql());

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : SpmTelemetry.DefaultServiceName,
                serviceVersion: SpmTelemetry.Version))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(SpmTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddNpgsqlInstrumentation(_ => { })
                    .AddMeter("System.Runtime");
                if (prometheusPath is not null)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]))
        {
            // The exporter reads the OTEL_EXPORTER_OTLP_* settings (endpoint, protocol, headers) from configuration itself.
            telemetry.WithTracing().WithLogging().UseOtlpExporter();
        }

        return services;
    }

    /// <summary>Maps `/health/live`, `/health/ready` and the Prometheus endpoint; none is rate limited or needs a caller.</summary>
    public static IEndpointRouteBuilder MapSpmObservability(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        HealthEndpoints.Map(endpoints);
        if (PrometheusPath(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()) is { } path)
        {
            endpoints.MapPrometheusScrapingEndpoint(path)
                .DisableRateLimiting()
                .AllowAnonymous()
                .WithDisplayName("Prometheus metrics");
        }

        return endpoints;
    }

    private static string? PrometheusPath(IConfiguration configuration)
    {
        var path = configuration[PrometheusPathKey];
        return path is null ? DefaultPrometheusPath : path.Trim() is { Length: > 0 } trimmed ? "/" + trimmed.TrimStart('/') : null;
    }

    /// <summary>Health probes and scrapes make no spans: they would drown the requests.</summary>
    private static bool IsProbe(PathString path, string? prometheusPath) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || (prometheusPath is not null && path.StartsWithSegments(prometheusPath, StringComparison.OrdinalIgnoreCase));
}
