using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Npgsql;
using SpmGraph.Tests.Infrastructure;

namespace SpmGraph.Benchmark;

/// <summary>
/// The benchmark of issue 12: seeds scale 1 and 10 on SQLite and PostgreSQL, starts SpmGraph on
/// both, the raw-SQL endpoint on both and PostGraphile on PostgreSQL, checks their answers, drives
/// each operation with wrk and prints a table per operation (README, "Performance").
/// </summary>
internal sealed class BenchmarkRun : IAsyncDisposable
{
    private const string CommandLogLine = "Executed DbCommand";
    private const int CountedRequests = 3;
    private const int UnlimitedPermits = 1_000_000_000;

    /// <summary>Seconds of load added to the warm-up of a server's first cell.</summary>
    private const int FirstWarmUpSeconds = 6;
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly BenchmarkOptions _options;
    private readonly string _work;
    private readonly bool _ownsWork;

    /// <summary>The servers (by scale and name) that have had their first, longer warm-up.</summary>
    private readonly HashSet<(int Scale, string Name)> _warmed = [];

    private readonly string _serverDll;
    private readonly string _benchmarkDll;
    private readonly List<ServerProcess> _servers = [];
    private readonly List<Measurement> _measurements = [];
    private readonly List<AnswerCheck> _checks = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, string> _contract = [];
    private PostgresCluster? _cluster;

    private BenchmarkRun(BenchmarkOptions options)
    {
        _options = options;
        _ownsWork = options.WorkFolder is null;
        _work = options.WorkFolder ?? Directory.CreateTempSubdirectory("spmgraph-bench-").FullName;
        Directory.CreateDirectory(_work);
        _serverDll = Path.Combine(RepositoryPaths.Root, "src", "SpmGraph.Server", "bin", "Release", "net10.0", "SpmGraph.Server.dll");
        _benchmarkDll = typeof(BenchmarkRun).Assembly.Location;
    }

    private static string BenchmarkFolder => Path.Combine(RepositoryPaths.Root, "tests", "SpmGraph.Benchmark");

    private bool Wants(string server) => _options.Servers.Contains(server);

    public static async Task<int> RunAsync(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args, Path.Combine(BenchmarkFolder, "results", "latest.json"));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        // The launcher's trap sends SIGTERM; the run then stops what it started on its way out.
        using var cancel = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            cancel.Cancel();
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        await using var run = new BenchmarkRun(options);
        try
        {
            await run.ExecuteAsync(cancel.Token);
            return run._checks.All(c => c.Passed) ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Progress("interrupted: stopping every server");
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or NpgsqlException or HttpRequestException)
        {
            // Servers and the cluster are stopped on the way out (await using).
            Progress("!!!!!!!! FAILED: " + ex);
            return 1;
        }
    }

    private async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        ServerProcess.PidFile = Environment.GetEnvironmentVariable("SPMGRAPH_BENCH_PIDS") is { Length: > 0 } pids ? pids : Path.Combine(_work, "pids");
        if (!File.Exists(_serverDll))
        {
            throw new FileNotFoundException($"Build the server in Release first (bash .ci/bench does): {_serverDll}");
        }

        var operations = _options.Operations.Select(n => BenchOperation.All.Single(o => o.Number == n)).ToList();
        foreach (var operation in operations)
        {
            _contract[operation.Name] = ContractOperations.Operation(operation.Name);
        }

        Progress($"work folder {_work}; {_options.DurationSeconds} s a measurement, scales {string.Join(',', _options.Scales)}, connections {string.Join(',', _options.Connections)}, servers {string.Join(',', _options.Servers)}");
        if (_options.Servers.Any(ServerNames.OnPostgres))
        {
            await StartClusterAsync(cancellationToken);
        }

        foreach (var scale in _options.Scales)
        {
            var set = await StartScaleAsync(scale, cancellationToken);
            foreach (var operation in operations)
            {
                await MeasureAsync(scale, operation, set, cancellationToken);
            }

            foreach (var server in set.All)
            {
                await server.DisposeAsync();
                _servers.Remove(server);
            }
        }

        var result = new BenchmarkResult(started, DateTime.UtcNow, Machine(), _options, _measurements, _checks, _notes);
        Report.Print(result, Console.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(_options.Output)!);
        await File.WriteAllTextAsync(_options.Output, JsonSerializer.Serialize(result, Report.JsonOptions), cancellationToken);
        Progress($"results written to {_options.Output}");
    }

    /// <summary>A throwaway cluster with pg_stat_statements loaded, so statements per request can be counted on the server.</summary>
    private async Task StartClusterAsync(CancellationToken cancellationToken)
    {
        Progress("starting a throwaway PostgreSQL 15 cluster");
        _cluster = PostgresCluster.Start();
        await File.AppendAllTextAsync(ServerProcess.PidFile + ".pgdata", Path.Combine(_cluster.Folder, "data") + "\n", cancellationToken);
        await using (var connection = await OpenAdminAsync(cancellationToken))
        {
            foreach (var setting in new[]
            {
                "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'",
                // SpmGraph, the raw endpoint and PostGraphile each keep a pool.
                "ALTER SYSTEM SET max_connections = 300",
            })
            {
                await using var command = new NpgsqlCommand(setting, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // pg_ctl restart keeps the port and options of the first start (postmaster.opts).
        var pgCtl = Path.Combine(Environment.GetEnvironmentVariable("SPMGRAPH_PG_BIN") is { Length: > 0 } bin ? bin : PostgresCluster.DefaultBinFolder, "pg_ctl");
        await RunToolAsync(Environment.UserName == "root" ? "runuser" : pgCtl, Environment.UserName == "root"
            ? ["-u", "postgres", "--", pgCtl, "restart", "-D", Path.Combine(_cluster.Folder, "data"), "-m", "fast", "-w", "-l", _cluster.LogFile]
            : ["restart", "-D", Path.Combine(_cluster.Folder, "data"), "-m", "fast", "-w", "-l", _cluster.LogFile], cancellationToken);
        await using (var connection = await OpenAdminAsync(cancellationToken))
        {
            // BEGIN, COMMIT, SET and DISCARD are not the statements a request is charged for; the
            // setting exists once the library is loaded.
            foreach (var setting in new[]
            {
                "CREATE EXTENSION IF NOT EXISTS pg_stat_statements",
                "ALTER SYSTEM SET pg_stat_statements.track_utility = off",
                "SELECT pg_reload_conf()",
            })
            {
                await using var command = new NpgsqlCommand(setting, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAdminAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_cluster!.ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Every statement the cluster has run in <paramref name="database"/> (pg_stat_statements).</summary>
    private async Task<long> PostgresStatementsAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAdminAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT COALESCE(SUM(s.calls), 0)::bigint FROM pg_stat_statements AS s JOIN pg_database AS d ON d.oid = s.dbid WHERE d.datname = @db",
            connection);
        command.Parameters.AddWithValue("db", database);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The servers of one scale, the data seeded first (by SpmGraph itself, in a start of its own so seeding's memory is not counted).</summary>
    private async Task<ServerSet> StartScaleAsync(int scale, CancellationToken cancellationToken)
    {
        var sqliteFile = Path.Combine(_work, $"spm-scale{scale}.db");
        var sqlite = $"Data Source={sqliteFile}";
        var database = $"spm_scale{scale}";
        var postgres = _cluster?.ConnectionString(database);
        var set = new ServerSet(database);

        if (_options.Servers.Any(s => !ServerNames.OnPostgres(s)))
        {
            Progress($"scale {scale}: seeding SQLite {sqliteFile} (skipped when it has data)");
            await using (await StartSpmGraphAsync($"seed-sqlite-{scale}", null, sqlite, scale, countCommands: false, SeedTimeout, cancellationToken))
            {
            }

            set.SpmGraphSqlite = Wants(ServerNames.SpmGraphSqlite) ? await StartSpmGraphAsync(ServerNames.SpmGraphSqlite, null, sqlite, scale, countCommands: false, StartTimeout, cancellationToken) : null;
            set.SpmGraphSqliteCached = Wants(ServerNames.SpmGraphSqliteCached) ? await StartSpmGraphAsync(ServerNames.SpmGraphSqliteCached, null, sqlite, scale, countCommands: false, StartTimeout, cancellationToken, answerCache: true) : null;
            set.CounterSqlite = Wants(ServerNames.SpmGraphSqlite) ? await StartSpmGraphAsync("spmgraph-sqlite-counter", null, sqlite, scale, countCommands: true, StartTimeout, cancellationToken) : null;
            set.RawSqlite = Wants(ServerNames.RawSqlite) ? await StartRawAsync(ServerNames.RawSqlite, "sqlite", sqlite + ";Mode=ReadOnly", cancellationToken) : null;
        }

        if (postgres is not null)
        {
            Progress($"scale {scale}: seeding PostgreSQL database {database}");
            await using (await StartSpmGraphAsync($"seed-postgres-{scale}", "Postgres", postgres, scale, countCommands: false, SeedTimeout, cancellationToken))
            {
            }

            set.SpmGraphPostgres = Wants(ServerNames.SpmGraphPostgres) ? await StartSpmGraphAsync(ServerNames.SpmGraphPostgres, "Postgres", postgres, scale, countCommands: false, StartTimeout, cancellationToken) : null;
            set.SpmGraphPostgresCached = Wants(ServerNames.SpmGraphPostgresCached) ? await StartSpmGraphAsync(ServerNames.SpmGraphPostgresCached, "Postgres", postgres, scale, countCommands: false, StartTimeout, cancellationToken, answerCache: true) : null;
            set.CounterPostgres = Wants(ServerNames.SpmGraphPostgres) ? await StartSpmGraphAsync("spmgraph-postgres-counter", "Postgres", postgres, scale, countCommands: true, StartTimeout, cancellationToken) : null;
            set.RawPostgres = Wants(ServerNames.RawPostgres) ? await StartRawAsync(ServerNames.RawPostgres, "postgres", postgres, cancellationToken) : null;
            set.PostGraphile = Wants(ServerNames.PostGraphile) ? await StartPostGraphileAsync(database, cancellationToken) : null;
        }

        return set;
    }

    private async Task<ServerProcess> StartSpmGraphAsync(string name, string? provider, string connectionString, int scale, bool countCommands, TimeSpan timeout, CancellationToken cancellationToken, bool answerCache = false)
    {
        var port = ServerProcess.FreePort();
        List<string> arguments =
        [
            _serverDll,
            $"--Urls=http://127.0.0.1:{port}",
            $"--ConnectionStrings:Spm={connectionString}",
            $"--Seed:Scale={scale}",
            // The run must measure the server, not its rate limiter.
            $"--RateLimiting:AnonymousPermitLimit={UnlimitedPermits}",
            $"--RateLimiting:UserPermitLimit={UnlimitedPermits}",
            $"--RateLimiting:ApiKeyPermitLimit={UnlimitedPermits}",
            $"--GraphQL:AnswerCache:Enabled={(answerCache ? "true" : "false")}",
        ];
        if (provider is not null)
        {
            arguments.Add($"--Database:Provider={provider}");
        }

        if (countCommands)
        {
            // Only the counting instance logs every command, whatever the server's defaults are.
            arguments.Add("--Logging:LogLevel:Default=Warning");
            arguments.Add("--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information");
        }

        var server = Track(ServerProcess.Start(name, "dotnet", arguments, Path.Combine(RepositoryPaths.Root, "src", "SpmGraph.Server"), Log(name, scale), port, Production));
        await server.WaitReadyAsync("""{"query":"{ __typename }"}""", timeout, cancellationToken);
        Progress($"scale {scale}: {name} ready on port {port} (pid {server.Id})");
        return server;
    }

    private async Task<ServerProcess> StartRawAsync(string name, string provider, string connectionString, CancellationToken cancellationToken)
    {
        var port = ServerProcess.FreePort();
        var server = Track(ServerProcess.Start(
            name,
            "dotnet",
            [_benchmarkDll, "raw", "--provider", provider, "--connection", connectionString, "--urls", $"http://127.0.0.1:{port}"],
            BenchmarkFolder,
            Log(name, 0),
            port,
            Production));
        var probe = BenchOperation.All[0].SpmGraphBody(ContractOperations.Operation(BenchOperation.All[0].Name));
        await server.WaitReadyAsync(probe, StartTimeout, cancellationToken);
        Progress($"{name} ready on port {port} (pid {server.Id})");
        return server;
    }

    private async Task<ServerProcess> StartPostGraphileAsync(string database, CancellationToken cancellationToken)
    {
        var peer = Path.Combine(BenchmarkFolder, "peer");
        if (!Directory.Exists(Path.Combine(peer, "node_modules", "postgraphile")))
        {
            throw new InvalidOperationException($"PostGraphile is not installed: run `npm ci` in {peer} (bash .ci/bench does).");
        }

        var port = ServerProcess.FreePort();
        var connection = $"postgres://postgres@127.0.0.1:{_cluster!.Port}/{database}";
        var server = Track(ServerProcess.Start(ServerNames.PostGraphile, "node", ["server.js", connection, port.ToString(CultureInfo.InvariantCulture)], peer, Log(ServerNames.PostGraphile, 0), port, new Dictionary<string, string> { ["NODE_ENV"] = "production" }));
        await server.WaitReadyAsync("""{"query":"{ __typename }"}""", StartTimeout, cancellationToken);
        Progress($"postgraphile ready on port {port} (pid {server.Id})");
        return server;
    }

    private static readonly Dictionary<string, string> Production = new() { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" };

    private ServerProcess Track(ServerProcess server)
    {
        _servers.Add(server);
        return server;
    }

    private string Log(string name, int scale) => Path.Combine(_work, scale > 0 ? $"{name}-scale{scale}.log" : $"{name}.log");

    /// <summary>Checks every answer against SpmGraph's, counts statements, then drives each server at each connection count.</summary>
    private async Task MeasureAsync(int scale, BenchOperation operation, ServerSet set, CancellationToken cancellationToken)
    {
        var label = $"scale {scale}, op {operation.Number} {operation.Name}";
        var body = operation.SpmGraphBody(_contract[operation.Name]);
        var peerFile = operation.PeerQueryFile(BenchmarkFolder);
        var peerBody = File.Exists(peerFile) ? operation.PeerBody(await File.ReadAllTextAsync(peerFile, cancellationToken)) : null;

        var targets = new List<(string Name, ServerProcess Server, string Body)>();
        var reference = new Dictionary<string, string>();
        foreach (var (name, server) in set.Measured)
        {
            var serverBody = name == ServerNames.PostGraphile ? peerBody : body;
            if (serverBody is null)
            {
                Note($"{label}: PostGraphile {operation.PeerNote}");
                continue;
            }

            var answer = await server.AnswerAsync(serverBody, cancellationToken);
            if (AnswerComparison.Errors(answer) is { } errors)
            {
                Check(scale, operation, name, false, $"answers with errors, not measured: {errors}");
                continue;
            }

            if (name is ServerNames.SpmGraphSqlite or ServerNames.SpmGraphPostgres)
            {
                reference[name] = answer;
            }

            targets.Add((name, server, serverBody));
        }

        // The raw endpoint and the cache must answer exactly what SpmGraph answers on its engine; SpmGraph's engines must agree.
        foreach (var (name, server, serverBody) in targets.ToList())
        {
            var expectedFrom = ServerNames.ReferenceOf(name);
            if (expectedFrom is null || !reference.TryGetValue(expectedFrom, out var expected))
            {
                if (name == ServerNames.PostGraphile)
                {
                    Check(scale, operation, name, true, "answers in its own shape: " + operation.PeerNote);
                }

                continue;
            }

            var (equal, detail) = AnswerComparison.Compare(expected, await server.AnswerAsync(serverBody, cancellationToken));
            Check(scale, operation, name, equal, equal ? $"{detail} to {expectedFrom}" : $"differs from {expectedFrom} at {detail}");
        }

        var counted = await CountLoggedStatementsAsync(set, body, cancellationToken);
        foreach (var connections in _options.Connections)
        {
            foreach (var (name, server, serverBody) in targets)
            {
                var script = Wrk.WriteScript(_work, $"{operation.Name}-{name}", serverBody);
                // The JIT's second tier compiles what the load runs: a server's first cell warms up longer.
                var warmUp = Math.Clamp(_options.DurationSeconds / 3, 2, 4) + (_warmed.Add((scale, name)) ? FirstWarmUpSeconds : 0);
                await Wrk.RunAsync(script, server.GraphQL, connections, warmUp, cancellationToken);

                var before = await StatementsAsync(name, server, set, cancellationToken);
                var result = await Wrk.RunAsync(script, server.GraphQL, connections, _options.DurationSeconds, cancellationToken);
                var after = await StatementsAsync(name, server, set, cancellationToken);
                var (rss, peak) = server.Memory();
                var (perRequest, method) = before is not null && after is not null && result.Requests > 0
                    ? ((after.Value.Count - before.Value.Count) / (double)result.Requests, before.Value.Method)
                    : counted.TryGetValue(name, out var logged) ? (logged, $"EF Core command log (Information) over {CountedRequests} requests, one at a time") : ((double?)null, "not counted");

                _measurements.Add(new Measurement(scale, operation.Number, operation.Name, name, connections, result.RequestsPerSecond, result.P50Ms, result.P99Ms, result.Requests, result.Errors, result.Non2xx, perRequest, method, rss, peak));
                var failures = result.Errors + result.Non2xx > 0 ? $"  !! {result.Errors} socket errors, {result.Non2xx} non-2xx answers" : "";
                Progress($"{label}, {connections} conn: {name,-17} {result.RequestsPerSecond,9:F1} req/s  p50 {result.P50Ms,8:F2} ms  p99 {result.P99Ms,8:F2} ms  {perRequest?.ToString("F2", CultureInfo.InvariantCulture) ?? "-"} stmts/req  RSS {rss:F0} MiB{failures}");
            }
        }

        if (counted.TryGetValue(ServerNames.SpmGraphPostgres, out var postgresLogged))
        {
            Note($"{label}: spmgraph-postgres logs {postgresLogged:F2} EF Core commands per request one at a time");
        }
    }

    /// <summary>
    /// Statements so far on the server's counter, once it stops moving (wrk leaves requests in
    /// flight when it stops): the raw endpoint counts its own, PostgreSQL counts the rest; SQLite has no counter (null).
    /// </summary>
    private async Task<(long Count, string Method)?> StatementsAsync(string name, ServerProcess server, ServerSet set, CancellationToken cancellationToken)
    {
        var count = await StatementsNowAsync(name, server, set, cancellationToken);
        while (count is not null)
        {
            await Task.Delay(300, cancellationToken);
            var now = await StatementsNowAsync(name, server, set, cancellationToken);
            if (now!.Value.Count == count.Value.Count)
            {
                break;
            }

            count = now;
        }

        return count;
    }

    private async Task<(long Count, string Method)?> StatementsNowAsync(string name, ServerProcess server, ServerSet set, CancellationToken cancellationToken)
    {
        if (name is ServerNames.RawSqlite or ServerNames.RawPostgres)
        {
            var text = await ServerProcess.GetAsync(new Uri($"http://127.0.0.1:{server.Port}/statements"), cancellationToken);
            return (long.Parse(text, CultureInfo.InvariantCulture), "the endpoint's own count of statements during the run / requests");
        }

        return ServerNames.OnPostgres(name)
            ? (await PostgresStatementsAsync(set.Database, cancellationToken), "pg_stat_statements calls during the run / requests")
            : null;
    }

    /// <summary>Statements per request from the counting instances' command log: one request to warm up, then <see cref="CountedRequests"/>.</summary>
    private static async Task<Dictionary<string, double>> CountLoggedStatementsAsync(ServerSet set, string body, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, double>();
        foreach (var (name, counter) in new[] { (ServerNames.SpmGraphSqlite, set.CounterSqlite), (ServerNames.SpmGraphPostgres, set.CounterPostgres) })
        {
            if (counter is null)
            {
                continue;
            }

            await counter.AnswerAsync(body, cancellationToken);
            var before = await SettledCountAsync(counter, cancellationToken);
            for (var i = 0; i < CountedRequests; i++)
            {
                await counter.AnswerAsync(body, cancellationToken);
            }

            counts[name] = (await SettledCountAsync(counter, cancellationToken) - before) / (double)CountedRequests;
        }

        return counts;
    }

    // The console logger writes from a queue of its own: wait until the count stops moving.
    private static async Task<long> SettledCountAsync(ServerProcess server, CancellationToken cancellationToken)
    {
        var count = server.CountInLog(CommandLogLine);
        while (true)
        {
            await Task.Delay(300, cancellationToken);
            var now = server.CountInLog(CommandLogLine);
            if (now == count)
            {
                return count;
            }

            count = now;
        }
    }

    private void Check(int scale, BenchOperation operation, string server, bool passed, string detail)
    {
        _checks.Add(new AnswerCheck(scale, operation.Number, server, passed, detail));
        var line = $"scale {scale}, op {operation.Number} {operation.Name}: {server}: {detail}";
        if (passed)
        {
            Progress("check " + line);
        }
        else
        {
            Progress("!!!!!!!! MISMATCH " + line);
        }
    }

    private void Note(string note)
    {
        _notes.Add(note);
        Progress("note: " + note);
    }

    public static void Progress(string line) =>
        Console.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {line}");

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static async Task RunToolAsync(string fileName, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new System.Diagnostics.ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed:\n{await output}\n{await error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _servers.Clear();
        _cluster?.Dispose();
        if (_ownsWork)
        {
            try
            {
                Directory.Delete(_work, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleaning.
            }
        }
    }

    /// <summary>The servers of one scale; the counters are SpmGraph instances that log every command.</summary>
    private sealed class ServerSet(string database)
    {
        public string Database { get; } = database;

        public ServerProcess? SpmGraphSqlite { get; set; }

        public ServerProcess? SpmGraphPostgres { get; set; }

        public ServerProcess? SpmGraphSqliteCached { get; set; }

        public ServerProcess? SpmGraphPostgresCached { get; set; }

        public ServerProcess? CounterSqlite { get; set; }

        public ServerProcess? CounterPostgres { get; set; }

        public ServerProcess? RawSqlite { get; set; }

        public ServerProcess? RawPostgres { get; set; }

        public ServerProcess? PostGraphile { get; set; }

        /// <summary>The measured servers in table order.</summary>
        public IEnumerable<(string Name, ServerProcess Server)> Measured =>
            new (string, ServerProcess?)[]
            {
                (ServerNames.RawSqlite, RawSqlite),
                (ServerNames.SpmGraphSqlite, SpmGraphSqlite),
                (ServerNames.SpmGraphSqliteCached, SpmGraphSqliteCached),
                (ServerNames.RawPostgres, RawPostgres),
                (ServerNames.SpmGraphPostgres, SpmGraphPostgres),
                (ServerNames.SpmGraphPostgresCached, SpmGraphPostgresCached),
                (ServerNames.PostGraphile, PostGraphile),
            }.Where(s => s.Item2 is not null).Select(s => (s.Item1, s.Item2!));

        public IEnumerable<ServerProcess> All =>
            new[] { SpmGraphSqlite, SpmGraphSqliteCached, SpmGraphPostgres, SpmGraphPostgresCached, CounterSqlite, CounterPostgres, RawSqlite, RawPostgres, PostGraphile }.OfType<ServerProcess>();
    }
}
