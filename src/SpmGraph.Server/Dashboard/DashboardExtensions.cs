namespace SpmGraph.Server.Dashboard;

public static class DashboardExtensions
{
    /// <summary>
    /// Maps the dashboard page at <paramref name="path"/>: its own files (Dashboard/page), the chart library from npm
    /// and config.json naming the GraphQL endpoint at <paramref name="graphQLPath"/> and the persisted documents the
    /// page runs there.
    /// </summary>
    public static IEndpointRouteBuilder MapSpmDashboard(this IEndpointRouteBuilder endpoints, string path, string graphQLPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(graphQLPath);

        var trimmed = "/" + path.Trim('/');
        var dashboard = ActivatorUtilities.CreateInstance<DashboardPage>(endpoints.ServiceProvider, new PathString("/" + graphQLPath.Trim('/')));

        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardExtensions).FullName!);
        if (dashboard.ChartLibrary is null)
        {
            logger.LogWarning(DashboardPage.ChartLibraryMissingMessage + " Until then {Path} shows its tables without charts.", trimmed);
        }

        // The page's own files cost no database work; the GraphQL requests it makes are rate limited as any others.
        endpoints.MapMethods(trimmed + "/{**" + DashboardPage.FileRouteValue + "}", [HttpMethods.Get, HttpMethods.Head], dashboard.ServeAsync)
            .WithDisplayName("Dashboard " + trimmed)
            .DisableRateLimiting();
        return endpoints;
    }
}
