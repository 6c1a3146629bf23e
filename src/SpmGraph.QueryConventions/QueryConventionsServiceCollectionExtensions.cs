using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.QueryConventions.Filtering;
using SpmGraph.QueryConventions.Paging;

namespace SpmGraph.QueryConventions;

public static class QueryConventionsServiceCollectionExtensions
{
    /// <summary>Registers the conventions over the DbContext that <typeparamref name="TContext"/>'s factory makes.</summary>
    public static IServiceCollection AddQueryConventions<TContext>(this IServiceCollection services, Action<QueryConventionOptions>? configure = null)
        where TContext : DbContext
    {
        var options = new QueryConventionOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton<IQueryContextSource, DbContextFactorySource<TContext>>();
        services.AddScoped<NestedConnectionLoaders>();

        // The schema resolves graph types from DI; generic ones must be registered open.
        foreach (var type in new[]
        {
            typeof(ConnectionGraphType<,>), typeof(EdgeGraphType<,>), typeof(EnumOperationFilterInputGraphType<>),
            typeof(ListFilterInputGraphType<,>), typeof(ScalarListFilterInputGraphType<,>),
        })
        {
            services.AddTransient(type);
        }

        foreach (var type in typeof(QueryConventionOptions).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IGraphType).IsAssignableFrom(t)))
        {
            services.AddTransient(type);
        }

        return services;
    }
}
