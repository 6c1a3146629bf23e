using SpmGraph.Server.Http;

namespace SpmGraph.Server.Export;

public static class ExportExtensions
{
    /// <summary>The export endpoint (it uses the GraphQL transport's reader, persisted documents and execution step).</summary>
    public static IServiceCollection AddSpmExport(this IServiceCollection services) => services.AddSingleton<ExportEndpoint>();

    /// <summary>Maps `GET` and `POST` <paramref name="path"/>: any query's first list as CSV or XLSX, watched by the telemetry.</summary>
    public static IEndpointRouteBuilder MapSpmExport(this IEndpointRouteBuilder endpoints, string path = "/export")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints.ServiceProvider.GetRequiredService<ExportEndpoint>();
        endpoints.Map(path, endpoints.Observed(endpoint.HandleAsync)).WithDisplayName("Export " + path);
        return endpoints;
    }
}
