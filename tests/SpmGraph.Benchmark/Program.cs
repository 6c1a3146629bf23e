using SpmGraph.Benchmark;
using SpmGraph.Benchmark.Raw;

// `raw ...` serves the hand-written endpoint (a process of its own, so its memory is its own);
// anything else runs the benchmark.
return args.FirstOrDefault() == RawEndpoint.Command
    ? await RawEndpoint.RunAsync(args[1..])
    : await BenchmarkRun.RunAsync(args);
