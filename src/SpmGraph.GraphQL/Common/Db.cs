using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpmGraph.Domain.Data;

namespace SpmGraph.GraphQL.Common;

/// <summary>
/// Resolvers run in parallel and a DbContext is not thread-safe, so each resolver or batch opens
/// its own short-lived context from the factory.
/// </summary>
public static class Db
{
    public static Task<SpmDbContext> OpenAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>();
        return factory.CreateDbContextAsync(context.CancellationToken);
    }

    public static T Loader<T>(this IResolveFieldContext context)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices!.GetRequiredService<T>();
    }
}
