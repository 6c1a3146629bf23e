namespace SpmGraph.Benchmark;

/// <summary>One server under one load: what wrk measured, statements per request, memory, ratios.</summary>
internal sealed record Measurement(
    int Scale,
    int Operation,
    string OperationName,
    string Server,
    int Connections,
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    long Requests,
    long Errors,
    long Non2xx,
    double? StatementsPerRequest,
    string StatementsMethod,
    double RssMiB,
    double PeakRssMiB)
{
    public double? RatioToRaw { get; set; }

    public double? RatioToPostGraphile { get; set; }
}

/// <summary>The answer check before an operation is measured: a server's answer against SpmGraph's.</summary>
internal sealed record AnswerCheck(int Scale, int Operation, string Server, bool Passed, string Detail);

/// <summary>The whole run, as written to the JSON file.</summary>
internal sealed record BenchmarkResult(
    DateTime StartedUtc,
    DateTime FinishedUtc,
    string Machine,
    BenchmarkOptions Options,
    IReadOnlyList<Measurement> Measurements,
    IReadOnlyList<AnswerCheck> Checks,
    IReadOnlyList<string> Notes);
