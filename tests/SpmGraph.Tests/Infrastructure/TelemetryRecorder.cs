using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SpmGraph.Tests.Infrastructure;

/// <summary>
/// The spans (through OpenTelemetry's in-memory exporter) and log lines of the test host, kept only while a test
/// records (<see cref="Record"/>): the rest of the suite's requests are not held. Tests in the collection run one at a
/// time; spans of other hosts in the process (activity sources are process-wide) may show up too, so tests pick theirs
/// by operation name and parent.
/// </summary>
public sealed class TelemetryRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<LogLine> _logs = new();
    private volatile bool _recording;

    public TelemetryRecorder()
    {
        SpanSink = new Sink(this);
    }

    /// <summary>Given to the in-memory exporter: it adds every finished span.</summary>
    public ICollection<Activity> SpanSink { get; }

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public IReadOnlyList<LogLine> Logs => [.. _logs];

    /// <summary>Forgets what was recorded and records until disposed.</summary>
    public IDisposable Record()
    {
        _spans.Clear();
        _logs.Clear();
        _recording = true;
        return new Recording(this);
    }

    /// <summary>Waits (10 s at most) until <paramref name="find"/> finds something: spans and log lines are written as a request ends.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<T?> find, Func<string> what)
        where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"Gave up waiting for {what()}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The spans of one trace (a request sent with that trace id in its `traceparent`).</summary>
    public IReadOnlyList<Activity> SpansOf(ActivityTraceId trace) => [.. _spans.Where(s => s.TraceId == trace)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>One log line as written: its category, level, event, formatted message and structured values.</summary>
    public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values);

    private sealed class Sink(TelemetryRecorder recorder) : Collection<Activity>
    {
        protected override void InsertItem(int index, Activity item)
        {
            if (recorder._recording)
            {
                recorder._spans.Enqueue(item);
            }
        }
    }

    private sealed class Recording(TelemetryRecorder recorder) : IDisposable
    {
        public void Dispose() => recorder._recording = false;
    }

    private sealed class Logger(TelemetryRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => recorder._recording;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!recorder._recording)
            {
                return;
            }

            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : [];
            recorder._logs.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), values));
        }
    }
}
