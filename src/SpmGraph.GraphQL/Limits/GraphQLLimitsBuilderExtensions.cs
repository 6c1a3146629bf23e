using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpmGraph.QueryConventions;

namespace SpmGraph.GraphQL.Limits;

public static class GraphQLLimitsBuilderExtensions
{
    /// <summary>
    /// Puts every request under <see cref="GraphQLLimits"/> (section `GraphQL:Limits`, which also binds the
    /// conventions' page and filter limits) and the `GraphQL:EnableIntrospection` switch.
    /// </summary>
    public static IGraphQLBuilder AddSpmLimits(this IGraphQLBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = (builder as global::GraphQL.MicrosoftDI.GraphQLBuilder)?.ServiceCollection
            ?? throw new NotSupportedException("AddSpmLimits needs the Microsoft DI GraphQL builder (services.AddGraphQL).");

        services.AddSingleton<ValidatedDocumentCache>();
        services.AddOptions<GraphQLLimits>().BindConfiguration(GraphQLLimits.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphQLLimits>, GraphQLLimitsValidation>());
        services.AddOptions<GraphQLIntrospectionOptions>().BindConfiguration(GraphQLIntrospectionOptions.SectionName);
        BindQueryConventionOptions(services);

        return builder
            .AddComplexityAnalyzer((options, provider) => QueryCost.Configure(
                options,
                provider.GetRequiredService<IOptions<GraphQLLimits>>().Value,
                provider.GetRequiredService<QueryConventionOptions>().DefaultPageSize))
            .ConfigureExecution(provider => new LimitsExecution(
                provider.GetRequiredService<IOptions<GraphQLLimits>>().Value,
                provider.GetRequiredService<IOptions<GraphQLIntrospectionOptions>>().Value.EnableIntrospection,
                provider.GetService<IHostEnvironment>()?.IsDevelopment() == true,
                provider.GetRequiredService<ILogger<LimitsExecution>>()))
            .ConfigureExecution(provider => provider.GetRequiredService<ValidatedDocumentCache>());
    }

    /// <summary>
    /// Binds the conventions' options (registered by AddQueryConventions as an instance) from the limits section,
    /// over whatever the code set, so page sizes are configured beside the other limits.
    /// </summary>
    private static void BindQueryConventionOptions(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(QueryConventionOptions))?.ImplementationInstance as QueryConventionOptions;
        var conventions = registered ?? new QueryConventionOptions();
        services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            provider.GetService<IConfiguration>()?.GetSection(GraphQLLimits.SectionName).Bind(conventions);
            if (conventions.DefaultPageSize < 1 || conventions.MaxPageSize < conventions.DefaultPageSize || conventions.MaxInListLength < 1 || conventions.MaxFilterDepth < 1)
            {
                throw new OptionsValidationException(
                    GraphQLLimits.SectionName,
                    typeof(QueryConventionOptions),
                    [$"{GraphQLLimits.SectionName}: DefaultPageSize must be at least 1 and at most MaxPageSize; MaxInListLength and MaxFilterDepth at least 1."]);
            }

            return conventions;
        }));
    }
}
