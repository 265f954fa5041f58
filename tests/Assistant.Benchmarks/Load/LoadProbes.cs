using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Assistant.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace Assistant.Benchmarks.Load;

/// <summary>Counts the host's warnings and errors and keeps the first ones.</summary>
public sealed class ProblemLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _first = new();
    private long _errors;
    private long _warnings;

    public long Errors => Interlocked.Read(ref _errors);

    public long Warnings => Interlocked.Read(ref _warnings);

    public IEnumerable<string> First(int count) => _first.Take(count);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        Interlocked.Increment(ref level >= LogLevel.Error ? ref _errors : ref _warnings);
        if (_first.Count < 50)
        {
            _first.Enqueue($"{level} {category}: {message} {exception}");
        }
    }

    private sealed class Logger(string category, ProblemLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}

/// <summary>The Bot API calls the bot made, as the fake answered them: how many, and which failed.</summary>
public sealed class CallTally
{
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    public long Errors { get; private set; }

    public long TooManyRequests { get; private set; }

    public void Add(IEnumerable<ApiCall> calls)
    {
        foreach (var call in calls)
        {
            Total++;
            if (call.StatusCode < 400)
            {
                continue;
            }

            Errors++;
            TooManyRequests += call.StatusCode == 429 ? 1 : 0;
            var key = $"{call.Method} {call.StatusCode.ToString(CultureInfo.InvariantCulture)}";
            _failures[key] = _failures.GetValueOrDefault(key) + 1;
        }
    }

    public IEnumerable<string> Breakdown() =>
        _failures.Select(f => string.Create(CultureInfo.InvariantCulture, $"Bot API answered {f.Key} {f.Value} times"));
}

/// <summary>Managed heap after a full blocking collection, working set and database size over the run.</summary>
public sealed class MemorySeries(string database)
{
    private readonly StringBuilder _table = new();

    public static double DatabaseMegabytes(string database) =>
        Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + "*.db").Sum(f => new FileInfo(f).Length) / 1048576.0;

    public void Sample(TimeSpan at, int outboxBacklog, long answered)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64 / 1048576.0;
        _table.Append(string.Create(CultureInfo.InvariantCulture,
            $"  {at.TotalSeconds,5:F0}s  heap {heap,6:F1} MB  working set {workingSet,6:F0} MB  database {DatabaseMegabytes(database),6:F1} MB  outbox backlog {outboxBacklog,5}  answered {answered,7}\n"));
    }

    public string Table() => _table.ToString();
}
