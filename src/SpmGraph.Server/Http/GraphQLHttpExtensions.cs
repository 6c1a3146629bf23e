using SpmGraph.Server.PersistedDocuments;

namespace SpmGraph.Server.Http;

public static class GraphQLHttpExtensions
{
    /// <summary>
    /// Registers the GraphQL-over-HTTP transport's options, bound from the `GraphQLHttp` configuration section
    /// (see <see cref="GraphQLHttpOptions"/>) and then <paramref name="configure"/>, and its persisted documents.
    /// </summary>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, Action<GraphQLHttpOptions>? configure = null)
    {
        var options = services.AddOptions<GraphQLHttpOptions>().BindConfiguration(GraphQLHttpOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.MaxRequestBodySize > 0 && o.MaxRequestBodySize <= int.MaxValue, "GraphQLHttp:MaxRequestBodySize must be between 1 and 2^31-1.");

        // Persisted documents (section GraphQL:PersistedDocuments): `documentId` requests and the OnlyPersisted switch.
        services.AddOptions<PersistedDocumentOptions>().BindConfiguration(PersistedDocumentOptions.SectionName);
        services.AddSingleton<PersistedDocumentStore>();
        services.AddSingleton<PersistedDocumentResolver>();
        return services;
    }

    /// <summary>
    /// Maps GraphQL over HTTP at <paramref name="path"/> (GET and POST), the schema as SDL at `path?sdl`, and the
    /// Banana Cake Pop IDE for browsers with its files under `path/`.
    /// </summary>
    public static IEndpointRouteBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string path)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(path);

        var trimmed = "/" + path.Trim('/');
        var endpoint = ActivatorUtilities.CreateInstance<GraphQLHttpEndpoint>(endpoints.ServiceProvider, new PathString(trimmed));

        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLHttpExtensions).FullName!);
        var enabled = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphQLHttpOptions>>().Value.EnableBananaCakePop;
        if (enabled && endpoint.Ide.Directory is null)
        {
            logger.LogWarning(BananaCakePop.NotInstalledMessage + " Until then GET {Path} in a browser shows this message.", trimmed);
        }
        else if (enabled)
        {
            logger.LogInformation("Banana Cake Pop is served at {Path} from {Directory}", trimmed, endpoint.Ide.Directory);
        }

        // One catch-all route: the endpoint itself when `file` is empty, IDE files otherwise; watched by the telemetry.
        endpoints.Map(trimmed + "/{**" + GraphQLHttpEndpoint.FileRouteValue + "}", endpoints.Observed(endpoint.HandleAsync))
            .WithDisplayName("GraphQL over HTTP " + trimmed);
        return endpoints;
    }
}
