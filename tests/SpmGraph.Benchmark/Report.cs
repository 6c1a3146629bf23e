using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpmGraph.Benchmark;

/// <summary>The tables a run prints, one per scale and operation, and the JSON it writes.</summary>
internal static class Report
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Print(BenchmarkResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ComputeRatios(result.Measurements);

        output.WriteLine();
        output.WriteLine($"SpmGraph benchmark, {result.StartedUtc:yyyy-MM-dd HH:mm} UTC, {result.Machine}; {result.Options.DurationSeconds} s a measurement with wrk");
        foreach (var group in result.Measurements.GroupBy(m => (m.Scale, m.Operation, m.OperationName)))
        {
            output.WriteLine();
            output.WriteLine($"== op {group.Key.Operation} {group.Key.OperationName}, scale {group.Key.Scale}");
            output.WriteLine("| server | conn | req/s | p50 ms | p99 ms | SQL stmts/req | RSS MiB (peak) | x raw | x PostGraphile |");
            output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var m in group.OrderBy(m => m.Connections))
            {
                var failures = m.Errors + m.Non2xx > 0 ? $" ({m.Errors + m.Non2xx} failed)" : "";
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {m.Server} | {m.Connections} | {m.RequestsPerSecond:F1}{failures} | {m.P50Ms:F2} | {m.P99Ms:F2} | {Format(m.StatementsPerRequest)}{Method(m.StatementsMethod)} | {m.RssMiB:F0} ({m.PeakRssMiB:F0}) | {Format(m.RatioToRaw)} | {Format(m.RatioToPostGraphile)} |"));
            }
        }

        output.WriteLine();
        output.WriteLine("SQL statements per request: [pg] pg_stat_statements calls during the run / requests; [own] the raw endpoint's own count; [log] EF Core's command log (Information) of a separate counting instance, one request at a time.");
        foreach (var line in WarmCacheTargets(result.Measurements))
        {
            output.WriteLine(line);
        }

        foreach (var check in result.Checks.Where(c => !c.Passed))
        {
            output.WriteLine($"!!!!!!!! MISMATCH scale {check.Scale}, op {check.Operation}, {check.Server}: {check.Detail}");
        }

        foreach (var note in result.Notes)
        {
            output.WriteLine("note: " + note);
        }
    }

    /// <summary>req/s over the raw endpoint's on the same engine, and over PostGraphile's, at the same scale, operation and connections.</summary>
    private static void ComputeRatios(IReadOnlyList<Measurement> measurements)
    {
        foreach (var m in measurements)
        {
            double? Of(string server) => measurements.FirstOrDefault(o => o.Scale == m.Scale && o.Operation == m.Operation && o.Connections == m.Connections && o.Server == server)?.RequestsPerSecond;
            m.RatioToRaw = Of(ServerNames.RawOf(m.Server)) is > 0 and var raw ? m.RequestsPerSecond / raw : null;
            m.RatioToPostGraphile = Of(ServerNames.PostGraphile) is > 0 and var peer ? m.RequestsPerSecond / peer : null;
        }
    }

    /// <summary>The warm-cache target: the roll-up (op 5) from the cache against the raw endpoint's city list (op 2), target 0.4.</summary>
    private static IEnumerable<string> WarmCacheTargets(IReadOnlyList<Measurement> measurements) =>
        from cached in measurements
        where cached.Operation == 5 && cached.Server is ServerNames.SpmGraphSqliteCached or ServerNames.SpmGraphPostgresCached
        let raw = measurements.FirstOrDefault(r => r.Scale == cached.Scale && r.Connections == cached.Connections && r.Operation == 2 && r.Server == ServerNames.RawOf(cached.Server))
        where raw is { RequestsPerSecond: > 0 }
        select string.Create(CultureInfo.InvariantCulture, $"warm cache, scale {cached.Scale}, {cached.Connections} conn: {cached.Server} op 5 {cached.RequestsPerSecond:F1} req/s = {cached.RequestsPerSecond / raw.RequestsPerSecond:F2} x {raw.Server} op 2 (target 0.40)");

    private static string Format(double? value) => value?.ToString("F2", CultureInfo.InvariantCulture) ?? "-";

    private static string Method(string method) =>
        method.StartsWith("pg_stat", StringComparison.Ordinal) ? " [pg]" : method.StartsWith("EF Core", StringComparison.Ordinal) ? " [log]" : method.StartsWith("the endpoint", StringComparison.Ordinal) ? " [own]" : "";
}
