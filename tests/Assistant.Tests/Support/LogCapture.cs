using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Support;

/// <summary>Captures every log line at every level, with exceptions, so tests can assert on what was written.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public string AllText => string.Join("\n", _lines.Select(l => l.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public bool Contains(string fragment, LogLevel? atLeast = null) =>
        _lines.Any(l => (atLeast is null || l.Level >= atLeast) && l.Message.Contains(fragment, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(logLevel, category, formatter(state, exception), exception?.ToString()));
    }
}

public sealed record LogLine(LogLevel Level, string Category, string Message, string? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}
