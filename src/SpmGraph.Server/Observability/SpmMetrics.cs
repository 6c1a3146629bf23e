using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SpmGraph.Server.Observability;

/// <summary>
/// Every instrument of the server's one meter (<see cref="SpmTelemetry.Meter"/>), declared here once; call from anywhere
/// in the server, e.g. <see cref="CacheHit"/> and <see cref="CacheMiss"/> from a cache. Exported on `/metrics`
/// (Prometheus turns `spmgraph.graphql.request.duration` in seconds into `spmgraph_graphql_request_duration_seconds`)
/// and over OTLP when configured.
/// </summary>
public static class SpmMetrics
{
    /// <summary>Seconds from the request's arrival at the endpoint to its answer, by operation.</summary>
    public const string RequestDurationName = "spmgraph.graphql.request.duration";

    /// <summary>Errors answered, one per error in the response, by `extensions.code`.</summary>
    public const string ErrorsName = "spmgraph.graphql.errors";

    /// <summary>SQL commands one GraphQL request ran, by operation.</summary>
    public const string SqlStatementsName = "spmgraph.graphql.request.sql_statements";

    /// <summary>Cache look-ups answered from the cache, by the tag <see cref="CacheTag"/>.</summary>
    public const string CacheHitsName = "spmgraph.cache.hits";

    /// <summary>Cache look-ups the cache could not answer, by the tag <see cref="CacheTag"/>.</summary>
    public const string CacheMissesName = "spmgraph.cache.misses";

    /// <summary>The tag naming which cache a hit or miss is for.</summary>
    public const string CacheTag = "cache";

    private static readonly Histogram<double> Duration = SpmTelemetry.Meter.CreateHistogram(
        RequestDurationName,
        unit: "s",
        description: "Duration of GraphQL requests, from their arrival at the endpoint to the answer.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    private static readonly Counter<long> Errors =
        SpmTelemetry.Meter.CreateCounter<long>(ErrorsName, unit: "{error}", description: "Errors in GraphQL answers, by code.");

    private static readonly Histogram<int> SqlStatements = SpmTelemetry.Meter.CreateHistogram(
        SqlStatementsName,
        unit: "{statement}",
        description: "SQL commands run for one GraphQL request.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89] });

    private static readonly Counter<long> CacheHits =
        SpmTelemetry.Meter.CreateCounter<long>(CacheHitsName, unit: "{hit}", description: "Look-ups answered from a cache.");

    private static readonly Counter<long> CacheMisses =
        SpmTelemetry.Meter.CreateCounter<long>(CacheMissesName, unit: "{miss}", description: "Look-ups a cache could not answer.");

    /// <summary>A look-up in <paramref name="cache"/> (a short fixed name, e.g. "response") found its entry.</summary>
    public static void CacheHit(string cache) => CacheHits.Add(1, new KeyValuePair<string, object?>(CacheTag, cache));

    /// <summary>A look-up in <paramref name="cache"/> did not find its entry.</summary>
    public static void CacheMiss(string cache) => CacheMisses.Add(1, new KeyValuePair<string, object?>(CacheTag, cache));

    /// <summary>One answered GraphQL request: its duration, SQL commands and errors.</summary>
    internal static void RecordRequest(string? operationName, string? operationType, int status, TimeSpan duration, int sqlStatements, IReadOnlyList<string> errorCodes)
    {
        // A tag whose value is unknown is left out rather than sent empty.
        var operation = new TagList();
        Add(ref operation, GraphQLTelemetry.OperationNameTag, operationName);
        Add(ref operation, GraphQLTelemetry.OperationTypeTag, operationType);

        var answer = operation;
        answer.Add("http.response.status_code", status);
        Duration.Record(duration.TotalSeconds, answer);
        SqlStatements.Record(sqlStatements, operation);
        foreach (var code in errorCodes)
        {
            var error = operation;
            error.Add(GraphQLTelemetry.ErrorCodeTag, code);
            Errors.Add(1, error);
        }
    }

    private static void Add(ref TagList tags, string name, string? value)
    {
        if (value is not null)
        {
            tags.Add(name, value);
        }
    }
}
