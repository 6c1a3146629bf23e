using GraphQL;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Scoring;

/// <summary>All scoring schemes (a handful of rows with their bands) as one request sees them: from <see cref="ScoringSchemeCache"/>.</summary>
public sealed class ScoringSchemeCatalog(ScoringSchemeCache cache, RequestDataVersion version)
{
    private readonly Lazy<Task<IReadOnlyList<ScoringScheme>>> _schemes = new(() => cache.GetAsync(version, CancellationToken.None));

    /// <summary>The active scheme (highest version if several are marked active).</summary>
    public async Task<ScoringScheme> ActiveAsync() =>
        (await _schemes.Value).Where(s => s.IsActive).MaxBy(s => s.Version)
        ?? throw new InvalidOperationException("No active scoring scheme: the database was not seeded.");

    /// <summary>
    /// The scheme a query names: CODE (its active version, else its highest) or CODE@VERSION; the
    /// active scheme for null.
    /// </summary>
    public async Task<ScoringScheme> ResolveAsync(string? code)
    {
        if (code is null)
        {
            return await ActiveAsync();
        }

        var schemes = await _schemes.Value;
        var at = code.LastIndexOf('@');
        var version = at > 0 && int.TryParse(code[(at + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        var name = version is null ? code : code[..at];
        return schemes.Where(s => s.Code == name && (version is null || s.Version == version))
                .OrderByDescending(s => version is null && s.IsActive).ThenByDescending(s => s.Version).FirstOrDefault()
            ?? throw new ExecutionError($"Unknown scoring scheme \"{code}\"; known: {string.Join(", ", schemes.Select(s => $"{s.Code}@{s.Version}"))}.") { Code = Common.ErrorCodes.UnknownScheme };
    }

    public async Task<ScoringScheme?> ByIdAsync(int id) => (await _schemes.Value).FirstOrDefault(s => s.Id == id);
}

/// <summary>The scoring schemes with their bands, read once per data version: a scheme changes only through a write.</summary>
public sealed class ScoringSchemeCache(IDbContextFactory<SpmDbContext> factory) : DataVersionCache<IReadOnlyList<ScoringScheme>>(factory)
{
    protected override async Task<IReadOnlyList<ScoringScheme>> LoadAsync(SpmDbContext db) =>
        await db.ScoringSchemes.AsNoTracking().Include(s => s.Bands).ToListAsync();
}
