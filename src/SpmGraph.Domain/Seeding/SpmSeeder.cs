using Microsoft.Extensions.Logging;
using SpmGraph.Domain.Data;

namespace SpmGraph.Domain.Seeding;

/// <summary>Fills an empty database with the deterministic reference and sample data.</summary>
public sealed class SpmSeeder(ILogger logger)
{
    public Task SeedIfEmptyAsync(SpmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        logger.LogInformation("Seeding is not written yet");
        return Task.CompletedTask;
    }
}
