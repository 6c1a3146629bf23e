using System.Globalization;

namespace SpmGraph.Benchmark;

/// <summary>The command line of a run: `--duration 10 --scales 1,10 --connections 1,8 --ops 5,2 --servers ... --output FILE`.</summary>
internal sealed record BenchmarkOptions
{
    public static readonly string[] AllServers = [ServerNames.SpmGraphSqlite, ServerNames.SpmGraphSqliteCached, ServerNames.SpmGraphPostgres, ServerNames.SpmGraphPostgresCached, ServerNames.RawSqlite, ServerNames.RawPostgres, ServerNames.PostGraphile];

    public int DurationSeconds { get; init; } = 10;

    public IReadOnlyList<int> Scales { get; init; } = [1, 10];

    public IReadOnlyList<int> Connections { get; init; } = [1, 8];

    /// <summary>Contract operation numbers, in the order given.</summary>
    public IReadOnlyList<int> Operations { get; init; } = [.. BenchOperation.All.Select(o => o.Number)];

    public IReadOnlyList<string> Servers { get; init; } = AllServers;

    public required string Output { get; init; }

    /// <summary>Where databases, logs and wrk scripts go; deleted after the run unless given.</summary>
    public string? WorkFolder { get; init; }

    public static BenchmarkOptions Parse(string[] args, string defaultOutput)
    {
        var options = new BenchmarkOptions { Output = defaultOutput };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--duration" => options with { DurationSeconds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--scales" => options with { Scales = Numbers(Value()) },
                "--connections" => options with { Connections = Numbers(Value()) },
                "--ops" => options with { Operations = Numbers(Value()) },
                "--servers" => options with { Servers = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "--output" => options with { Output = Path.GetFullPath(Value()) },
                "--work" => options with { WorkFolder = Path.GetFullPath(Value()) },
                var other => throw new ArgumentException($"Unknown option {other}. Options: --duration S --scales 1,10 --connections 1,8 --ops 1,2,4,5,6,7,8,10 --servers {string.Join(',', AllServers)} --output FILE --work DIR"),
            };
        }

        if (options.Servers.FirstOrDefault(s => !AllServers.Contains(s)) is { } unknown)
        {
            throw new ArgumentException($"Unknown server {unknown}; the servers are {string.Join(", ", AllServers)}.");
        }

        if (options.Operations.FirstOrDefault(n => BenchOperation.All.All(o => o.Number != n)) is var op and not 0)
        {
            throw new ArgumentException($"Operation {op} is not benchmarked; the operations are {string.Join(", ", BenchOperation.All.Select(o => o.Number))}.");
        }

        return options;
    }

    private static int[] Numbers(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
}

/// <summary>The names of the servers a run compares.</summary>
internal static class ServerNames
{
    /// <summary>SpmGraph with its answer cache off: every request runs (the targets' "uncached").</summary>
    public const string SpmGraphSqlite = "spmgraph-sqlite";

    /// <summary>SpmGraph as it ships, its answer cache on: the same request again is answered from the cache.</summary>
    public const string SpmGraphSqliteCached = "spmgraph-sqlite-cached";
    public const string SpmGraphPostgres = "spmgraph-postgres";
    public const string SpmGraphPostgresCached = "spmgraph-postgres-cached";
    public const string RawSqlite = "raw-sqlite";
    public const string RawPostgres = "raw-postgres";
    public const string PostGraphile = "postgraphile";

    public static bool OnPostgres(string server) => server is SpmGraphPostgres or SpmGraphPostgresCached or RawPostgres or PostGraphile;

    /// <summary>The server whose answer this one must equal: the raw endpoints and the cached servers SpmGraph's uncached, PostgreSQL SQLite's.</summary>
    public static string? ReferenceOf(string server) => server switch
    {
        RawSqlite or SpmGraphSqliteCached => SpmGraphSqlite,
        RawPostgres or SpmGraphPostgresCached => SpmGraphPostgres,
        SpmGraphPostgres => SpmGraphSqlite,
        _ => null,
    };

    /// <summary>The raw endpoint on the same engine: the limit a server is compared with.</summary>
    public static string RawOf(string server) => OnPostgres(server) ? RawPostgres : RawSqlite;
}
