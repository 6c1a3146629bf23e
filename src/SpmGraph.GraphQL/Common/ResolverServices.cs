using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;

namespace SpmGraph.GraphQL.Common;

/// <summary>
/// The one way a resolver reaches the database and the request's services. Services themselves (batch loaders,
/// catalogs, writers) take <see cref="IDbContextFactory{TContext}"/> in their constructor; the conventions library
/// opens its contexts through its IQueryContextSource, registered over the same factory.
/// </summary>
public static class ResolverServices
{
    /// <summary>
    /// A context of the resolver's own: resolvers run in parallel and a DbContext is not thread-safe, so each
    /// resolver or batch opens a short-lived one from the factory.
    /// </summary>
    public static Task<SpmDbContext> OpenDbAsync(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Service<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
    }

    /// <summary>A service of the request: a batch loader, a catalog, a writer.</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices!.GetRequiredService<T>();
    }
}
