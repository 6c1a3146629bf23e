using GraphQL;
using Microsoft.EntityFrameworkCore;
using SpmGraph.Domain.Data;
using SpmGraph.Domain.Model;
using SpmGraph.GraphQL.Common;

namespace SpmGraph.GraphQL.Scoring;

/// <summary>All scoring schemes (a handful of rows with their bands) as one request sees them: from <see cref="ScoringSchemeCache"/>.</summary>
public sealed class ScoringSchemeCatalog(ScoringSchemeCache cache, RequestDataVersion version)
{
    private readonly Lazy<Task<IReadOnlyList<ScoringScheme>>> _schemes = new(async () => await cache.GetAsync(await version.GetAsync(CancellationToken.None)));

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

/// <summary>
/// The scoring schemes, read from the database once per <see cref="Domain.Model.DataVersion"/>: a scheme changes only
/// through a write, and every write bumps the version. Shared by all requests, so the schemes are never modified.
/// </summary>
public sealed class ScoringSchemeCache(IDbContextFactory<SpmDbContext> factory)
{
    private volatile Entry? _entry;

    public Task<IReadOnlyList<ScoringScheme>> GetAsync(long version)
    {
        var entry = _entry;

        // A request that read an older version may use newer schemes: what it caches is then fresher than its version.
        if (entry is null || entry.Version < version || entry.Schemes.IsFaulted || entry.Schemes.IsCanceled)
        {
            entry = new Entry(version, LoadAsync());
            _entry = entry;
        }

        return entry.Schemes;
    }

    private async Task<IReadOnlyList<ScoringScheme>> LoadAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ScoringSchemes.AsNoTracking().Include(s => s.Bands).ToListAsync();
    }

    private sealed record Entry(long Version, Task<IReadOnlyList<ScoringScheme>> Schemes);
}
