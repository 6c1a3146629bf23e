using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SpmGraph.Domain.Data;

namespace SpmGraph.Server.Observability;

/// <summary>
/// Ready when the database answers and every migration this build has is applied: an instance whose database is down,
/// or not yet migrated by the pipeline or another instance, takes no traffic. Two short statements per probe.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<SpmDbContext> databases) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var data = new Dictionary<string, object> { ["pendingMigrations"] = pending };
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers and every migration is applied.", data)
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied yet: {string.Join(", ", pending)}.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's message goes to the health log, not to the probe's answer (it may name hosts or files).
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
