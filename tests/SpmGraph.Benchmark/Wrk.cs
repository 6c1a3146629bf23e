using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SpmGraph.Benchmark;

/// <summary>One wrk measurement: requests, errors, throughput and latency percentiles.</summary>
internal sealed record WrkResult(long Requests, long Errors, long Non2xx, double Seconds, double RequestsPerSecond, double P50Ms, double P99Ms);

/// <summary>
/// Drives a server with wrk (Debian's package): a generated Lua script posts the JSON body, and
/// its done() hook prints the figures as one line, so nothing depends on wrk's human output.
/// </summary>
internal static partial class Wrk
{
    public static string WriteScript(string folder, string name, string body)
    {
        var script = Path.Combine(folder, name + ".lua");
        if (body.Contains("]==]", StringComparison.Ordinal))
        {
            throw new ArgumentException("The body cannot be a Lua long string.", nameof(body));
        }

        File.WriteAllText(script, $$"""
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Accept"] = "application/json"
            wrk.body = [==[{{body}}]==]
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("WRK_RESULT %d %d %d %d %d %d\n",
                summary.requests, e.connect + e.read + e.write + e.timeout, e.status, summary.duration,
                latency:percentile(50), latency:percentile(99)))
            end
            """);
        return script;
    }

    /// <summary>Runs wrk for <paramref name="seconds"/> at <paramref name="connections"/> connections (at most 2 threads: 2 cores).</summary>
    public static async Task<WrkResult> RunAsync(string script, Uri url, int connections, int seconds, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-t", Math.Min(connections, 2).ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", seconds.ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", "30s",
            "-s", script,
            url.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        var match = ResultLine().Match(await output);
        if (process.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"wrk failed (exit {process.ExitCode}):\n{await output}\n{await error}");
        }

        long Number(int group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var requests = Number(1);
        var elapsed = Number(4) / 1e6;
        return new WrkResult(requests, Number(2), Number(3), elapsed, requests / elapsed, Number(5) / 1000.0, Number(6) / 1000.0);
    }

    [GeneratedRegex(@"WRK_RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)")]
    private static partial Regex ResultLine();
}
