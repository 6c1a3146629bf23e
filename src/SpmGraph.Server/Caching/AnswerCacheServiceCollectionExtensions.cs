namespace SpmGraph.Server.Caching;

public static class AnswerCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers the answer cache (<see cref="AnswerCacheOptions"/>, section `GraphQL:AnswerCache`) on HybridCache: in
    /// memory, plus any IDistributedCache registered (e.g. Redis) as a second level that several instances share.
    /// </summary>
    public static IServiceCollection AddSpmAnswerCache(this IServiceCollection services)
    {
        services.AddOptions<AnswerCacheOptions>().BindConfiguration(AnswerCacheOptions.SectionName)
            .Validate(o => o.Expiration > TimeSpan.Zero && o.MaxAnswerBytes > 0, "GraphQL:AnswerCache needs a positive Expiration and MaxAnswerBytes.");
        services.AddHybridCache();

        // Serialized for a second level, an answer's body grows by a third (base64).
        services.AddOptions<Microsoft.Extensions.Caching.Hybrid.HybridCacheOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<AnswerCacheOptions>>((hybrid, answers) => hybrid.MaximumPayloadBytes = answers.Value.MaxAnswerBytes * 2L);
        services.AddSingleton<GraphQLAnswerCache>();
        return services;
    }
}
