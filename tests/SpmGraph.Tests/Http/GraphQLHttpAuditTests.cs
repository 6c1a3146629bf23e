using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Tests.Http;

/// <summary>
/// The graphql-http package's server audit (GraphQL over HTTP spec conformance) against the live server.
/// Needs Node.js and npm; the audit's packages are installed on first run from Http/audit/package-lock.json.
/// </summary>
[Collection(ServerFixtureGroup.Name)]
public sealed class GraphQLHttpAuditTests(SpmGraphFactory factory)
{
    /// <summary>
    /// Audit ids whose warnings (failed SHOULDs) are accepted; each is explained in AUDIT-WARNINGS.md.
    /// Any other warning fails the test so a transport regression shows up.
    /// </summary>
    private static readonly HashSet<string> AcceptedWarnings = [];

    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan AuditTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Server_passes_the_graphql_http_audit()
    {
        var folder = AuditFolder();

        // The suite runs once per provider, in parallel processes: one installs, the other waits.
        await using (await LockFileAsync(Path.Combine(Path.GetTempPath(), "spmgraph-audit-npm.lock"), NpmTimeout))
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "graphql-http")))
            {
                var install = await RunAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], folder, NpmTimeout);
                Assert.True(install.ExitCode == 0, $"`npm ci` failed in {folder} (exit {install.ExitCode}):\n{install.Output}\n{install.Error}");
            }
        }

        var url = new Uri(factory.ServerAddress, "graphql").ToString();
        var audit = await RunAsync("node", ["audit.mjs", url], folder, AuditTimeout);
        Assert.True(audit.ExitCode == 0, $"node audit.mjs failed (exit {audit.ExitCode}):\n{audit.Output}\n{audit.Error}");

        var report = JsonNode.Parse(audit.Output)!.AsObject();
        var results = report["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.True(results.Count > 50, "The audit ran suspiciously few checks:\n" + audit.Output);

        var errors = results.Where(r => (string?)r["status"] == "error").ToList();
        Assert.True(errors.Count == 0, $"graphql-http audit errors (failed MUSTs) at {url}:\n{Describe(errors)}");

        var newWarnings = results.Where(r => (string?)r["status"] == "warn" && !AcceptedWarnings.Contains((string)r["id"]!)).ToList();
        Assert.True(newWarnings.Count == 0, $"graphql-http audit warnings not listed in Http/AUDIT-WARNINGS.md:\n{Describe(newWarnings)}");
    }

    /// <summary>Holds <paramref name="path"/> open exclusively, which other processes see as a lock.</summary>
    private static async Task<FileStream> LockFileAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static string Describe(IEnumerable<JsonObject> entries) =>
        string.Join("\n", entries.Select(e => e.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));

    private static string AuditFolder() => RepositoryPaths.InRepository("tests", "SpmGraph.Tests", "Http", "audit");

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"`{fileName}` was not found ({ex.Message}). The GraphQL-over-HTTP audit needs Node.js (18+) and npm on PATH, e.g. `apt-get install -y nodejs npm`.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"`{fileName} {string.Join(' ', arguments)}` did not finish within {timeout}.");
            }

            return (process.ExitCode, await output, await error);
        }
    }
}
