using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace SpmGraph.Tests.Infrastructure;

/// <summary>What a program run by a test printed and how it ended.</summary>
public sealed record ProgramRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// Programs outside .NET that tests run against the live test host (node scripts, npm, python3, bash): started
/// without a shell, bounded in time, and a missing program fails the test saying how to install it.
/// </summary>
public static class ExternalPrograms
{
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);

    public static string Npm => OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    /// <summary>
    /// `npm ci` in <paramref name="folder"/> (a folder of the repository with package.json and its lock) unless
    /// <paramref name="package"/> is installed there already. The suite runs once per provider, in parallel
    /// processes: one installs, the other waits.
    /// </summary>
    public static async Task InstallNpmPackagesAsync(string folder, string package)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..16];
        await using (await LockFileAsync(Path.Combine(Path.GetTempPath(), $"spmgraph-npm-{name}.lock"), NpmTimeout))
        {
            if (Directory.Exists(Path.Combine(folder, "node_modules", package)))
            {
                return;
            }

            var install = await RunAsync(Npm, ["ci", "--no-audit", "--no-fund"], folder, NpmTimeout);
            Assert.True(install.ExitCode == 0, $"`npm ci` failed in {folder}:\n{install}");
        }
    }

    /// <summary>Runs <paramref name="fileName"/> and waits for it; past <paramref name="timeout"/> it is killed and the test fails.</summary>
    public static async Task<ProgramRun> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
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

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"`{fileName}` was not found ({ex.Message}). {InstallHint(fileName)}");
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
                Assert.Fail($"`{fileName} {string.Join(' ', start.ArgumentList)}` did not finish within {timeout}.");
            }

            return new ProgramRun(process.ExitCode, await output, await error);
        }
    }

    private static string InstallHint(string fileName) => Path.GetFileNameWithoutExtension(fileName) switch
    {
        "node" or "npm" => "Tests that run node scripts need Node.js (20+) and npm on PATH, e.g. `apt-get install -y nodejs npm`.",
        "python3" => "The Python client example's test needs python3 on PATH, e.g. `apt-get install -y python3` (.ci/run installs it when missing).",
        "bash" or "curl" => "The curl client example's test needs bash and curl, e.g. `apt-get install -y curl` (.ci/run installs it when missing).",
        _ => "Install it and put it on PATH.",
    };

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
}
