using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Support;

/// <summary>Captures every log line at every level, with exceptions, so tests can assert on what was written.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private int _errors;

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>How many lines at Error or above so far (cheap to poll after every step).</summary>
    public int ErrorCount => Volatile.Read(ref _errors);

    public string AllText => string.Join("\n", _lines.Select(l => l.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public bool Contains(string fragment, LogLevel? atLeast = null) =>
        _lines.Any(l => (atLeast is null || l.Level >= atLeast) && l.Message.Contains(fragment, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            capture._lines.Enqueue(new LogLine(logLevel, category, formatter(state, exception), exception?.ToString()));
            if (logLevel >= LogLevel.Error)
            {
                Interlocked.Increment(ref capture._errors);
            }
        }
    }
}

public sealed record LogLine(LogLevel Level, string Category, string Message, string? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}
