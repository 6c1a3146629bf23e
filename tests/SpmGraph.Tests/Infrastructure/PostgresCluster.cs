using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SpmGraph.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster made with the machine's PostgreSQL 15 binaries: initdb into a
/// temp folder, started on a free loopback port, stopped and deleted on dispose. initdb and
/// pg_ctl refuse to run as root, so under root they run as the `postgres` user.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    /// <summary>Where the binaries are looked for; SPMGRAPH_PG_BIN points elsewhere.</summary>
    public const string DefaultBinFolder = "/usr/lib/postgresql/15/bin";

    private const string FolderPrefix = "spmgraph-pg-";
    private const string OwnerFile = "owner.pid";
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _bin;
    private readonly string _data;
    private bool _running;

    private PostgresCluster(string bin, string folder, int port)
    {
        _bin = bin;
        Folder = folder;
        _data = Path.Combine(folder, "data");
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The server's log, for failure messages.</summary>
    public string LogFile => Path.Combine(Folder, "server.log");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>A connection string for <paramref name="database"/> (EF Core creates it when missing).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    /// <summary>Makes and starts a cluster; fails with install instructions when PostgreSQL is missing.</summary>
    public static PostgresCluster Start()
    {
        var bin = Environment.GetEnvironmentVariable("SPMGRAPH_PG_BIN") is { Length: > 0 } configured ? configured : DefaultBinFolder;
        if (!File.Exists(Path.Combine(bin, "initdb")) || !File.Exists(Path.Combine(bin, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 was not found: no initdb and pg_ctl in {bin}. The tests run the whole suite on PostgreSQL too; "
                + "install the server binaries with `apt-get install postgresql-15` (Debian/Ubuntu), "
                + "or set SPMGRAPH_PG_BIN to a folder that has initdb and pg_ctl.");
        }

        RemoveAbandonedClusters(bin);

        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (IsRoot)
        {
            Run("chown", ["-R", ServiceUser, folder], asServiceUser: false);
        }

        // An ICU en-US default collation, as production servers usually have a linguistic one:
        // the model's own "C" column collations must be what makes orderings match SQLite's.
        var cluster = new PostgresCluster(bin, folder, FreePort());
        try
        {
            cluster.Run("initdb", ["-D", cluster._data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US", "--no-sync"]);
            cluster.StartServer();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_running)
        {
            try
            {
                Run("pg_ctl", ["stop", "-D", _data, "-m", "immediate", "-w"]);
            }
            catch (InvalidOperationException)
            {
                // Still deleted below; a server left behind is stopped by the next run's clean-up.
            }

            _running = false;
        }

        DeleteFolder(Folder);
    }

    private void StartServer()
    {
        // A throwaway cluster needs no durability; fsync off keeps seeding quick on slow disks.
        var options = $"-k {Folder} -c listen_addresses=127.0.0.1 -p {Port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        try
        {
            Run("pg_ctl", ["start", "-D", _data, "-l", LogFile, "-w", "-t", "60", "-o", options]);
            _running = true;
        }
        catch (InvalidOperationException ex)
        {
            var log = File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no server log)";
            throw new InvalidOperationException($"{ex.Message}\nServer log:\n{log}", ex);
        }
    }

    private void Run(string tool, string[] arguments) => Run(Path.Combine(_bin, tool), arguments, asServiceUser: IsRoot);

    private static void Run(string fileName, string[] arguments, bool asServiceUser)
    {
        var start = new ProcessStartInfo(asServiceUser ? "runuser" : fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceUser)
        {
            foreach (var argument in new[] { "-u", ServiceUser, "--", fileName })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var command = $"{start.FileName} {string.Join(' ', start.ArgumentList)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"`{command}` did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"`{command}` did not finish within {CommandTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            var hint = asServiceUser ? $" (run as the `{ServiceUser}` user because initdb and pg_ctl refuse root)" : "";
            throw new InvalidOperationException($"`{command}` failed with exit code {process.ExitCode}{hint}:\n{output.Result}\n{error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops and deletes clusters whose test process died before it could.</summary>
    private static void RemoveAbandonedClusters(string bin)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner)
                || !int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || IsAlive(pid))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    Run(Path.Combine(bin, "pg_ctl"), ["stop", "-D", data, "-m", "immediate", "-w"], asServiceUser: IsRoot);
                }
                catch (InvalidOperationException)
                {
                    // Already stopped: only the folder is left.
                }
            }

            DeleteFolder(folder);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
