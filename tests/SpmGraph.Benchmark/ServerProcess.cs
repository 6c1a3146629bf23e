using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SpmGraph.Benchmark;

/// <summary>
/// A server the benchmark started, on a loopback port, its output going straight to a log file
/// (no pipe the benchmark must drain while it measures). Every one is listed in the pid file the
/// launcher's trap reads, so none outlives a failed or interrupted run.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Process _process;
    private bool _disposed;

    private ServerProcess(string name, Process process, int port, string logFile)
    {
        Name = name;
        _process = process;
        Port = port;
        LogFile = logFile;
    }

    public string Name { get; }

    public int Port { get; }

    public string LogFile { get; }

    public int Id => _process.Id;

    public Uri GraphQL => new($"http://127.0.0.1:{Port}/graphql");

    /// <summary>The file where the launcher's trap finds the processes to stop (set by the run).</summary>
    public static string? PidFile { get; set; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <paramref name="fileName"/> through `exec` in bash, so the process id is the server's own.</summary>
    public static ServerProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, string logFile, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var command = new StringBuilder("exec ").Append(Quote(fileName));
        foreach (var argument in arguments)
        {
            command.Append(' ').Append(Quote(argument));
        }

        command.Append(" >>").Append(Quote(logFile)).Append(" 2>&1 </dev/null");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command.ToString());
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        if (PidFile is not null)
        {
            File.AppendAllText(PidFile, process.Id.ToString(CultureInfo.InvariantCulture) + "\n");
        }

        return new ServerProcess(name, process, port, logFile);
    }

    /// <summary>Waits until a POST of <paramref name="body"/> answers 200; fails with the log's end when the server died.</summary>
    public async Task WaitReadyAsync(string body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready:\n{LogTail()}");
            }

            try
            {
                using var response = await PostAsync(body, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not ready after {timeout}:\n{LogTail()}");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    public async Task<HttpResponseMessage> PostAsync(string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await Http.PostAsync(GraphQL, content, cancellationToken);
    }

    /// <summary>The answer to <paramref name="body"/> as text.</summary>
    public async Task<string> AnswerAsync(string body, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(body, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public static async Task<string> GetAsync(Uri uri, CancellationToken cancellationToken) => await Http.GetStringAsync(uri, cancellationToken);

    /// <summary>Resident memory now and its peak (VmRSS, VmHWM) in MiB.</summary>
    public (double RssMiB, double PeakMiB) Memory()
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) / 1024.0;
            }
        }

        return (rss, peak);
    }

    /// <summary>How often <paramref name="text"/> occurs in the log so far.</summary>
    public long CountInLog(string text)
    {
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        long count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    public string LogTail(int lines = 30) =>
        File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(lines)) : "(no log)";

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
