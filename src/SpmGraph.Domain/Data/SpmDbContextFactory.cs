using Microsoft.EntityFrameworkCore;

namespace SpmGraph.Domain.Data;

/// <summary>Hands out the provider's context as the provider-neutral <see cref="SpmDbContext"/>.</summary>
public sealed class SpmDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<SpmDbContext>
    where TContext : SpmDbContext
{
    public SpmDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<SpmDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
