using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace SpmGraph.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Registers the SpmGraph schema, its graph types and the per-request loaders.</summary>
    public static IServiceCollection AddSpmGraphQL(this IServiceCollection services)
    {
        services.AddGraphQL(b => b
            .AddSchema<SpmSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(SpmSchema).Assembly));
        return services;
    }
}
