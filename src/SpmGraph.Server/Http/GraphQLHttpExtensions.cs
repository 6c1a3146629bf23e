namespace SpmGraph.Server.Http;

public static class GraphQLHttpExtensions
{
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string path)
    {
        _ = path;
        return endpoints;
    }
}
