using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;

namespace SpmGraph.GraphQL.Scoring;

/// <summary>The active scoring scheme, read at most once per request.</summary>
public sealed class ActiveScoringScheme(IDbContextFactory<SpmDbContext> factory)
{
    private readonly Lazy<Task<ScoringScheme>> _scheme = new(async () =>
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ScoringSchemes.AsNoTracking().Include(s => s.Bands)
            .Where(s => s.IsActive).OrderByDescending(s => s.Version).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("No active scoring scheme: the database was not seeded.");
    });

    public Task<ScoringScheme> GetAsync() => _scheme.Value;
}
