using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SpmGraph.Server.Observability;

/// <summary>
/// `/health/live` (the process answers; no dependency is checked, so a slow database never restarts instances) and
/// `/health/ready` (every check tagged <see cref="ReadyTag"/>: the database answers and is migrated). 200 when healthy,
/// 503 otherwise, with a JSON body: `{"status":"Healthy","checks":{"database":{"status":"Healthy","description":...}}}`.
/// Neither is rate limited or needs a caller.
/// </summary>
internal static class HealthEndpoints
{
    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    /// <summary>Checks with this tag decide readiness.</summary>
    public const string ReadyTag = "ready";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .DisableRateLimiting()
            .AllowAnonymous()
            .WithDisplayName("Health: live");
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .DisableRateLimiting()
            .AllowAnonymous()
            .WithDisplayName("Health: ready");
    }

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, WriterOptions);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } description)
            {
                json.WriteString("description", description);
            }

            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            if (entry.Data.TryGetValue("pendingMigrations", out var pending) && pending is IEnumerable<string> migrations)
            {
                json.WriteStartArray("pendingMigrations");
                foreach (var migration in migrations)
                {
                    json.WriteStringValue(migration);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
