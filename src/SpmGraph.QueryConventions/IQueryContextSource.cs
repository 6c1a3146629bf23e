using Microsoft.EntityFrameworkCore;

namespace SpmGraph.QueryConventions;

/// <summary>
/// Opens a fresh DbContext for one query. GraphQL.NET resolves fields in parallel and a DbContext
/// is not thread-safe, so every root field and every batch gets its own, disposed right after.
/// </summary>
public interface IQueryContextSource
{
    Task<DbContext> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>The source over a registered <see cref="IDbContextFactory{TContext}"/>.</summary>
public sealed class DbContextFactorySource<TContext>(IDbContextFactory<TContext> factory) : IQueryContextSource
    where TContext : DbContext
{
    public async Task<DbContext> OpenAsync(CancellationToken cancellationToken) => await factory.CreateDbContextAsync(cancellationToken);
}
