using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Assistant.Benchmarks.Capture;

/// <summary>What the members did (actions, findings, the steps and how long each reply took) and what went wrong.</summary>
public sealed class CaptureTally
{
    private readonly ConcurrentDictionary<string, Samples> _steps = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<int> _actionsPerFinding = new();
    private readonly Samples _all = new();
    private long _actions;
    private long _unknown;
    private long _stuck;

    public long Actions => Interlocked.Read(ref _actions);

    public int Findings => _actionsPerFinding.Count;

    public long Stuck => Interlocked.Read(ref _stuck);

    /// <summary>Buttons pressed because the preference table did not know the question.</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    public Samples All => _all;

    public void Acted() => Interlocked.Increment(ref _actions);

    /// <summary>The reply to a step came <paramref name="from"/> → <paramref name="to"/> (Stopwatch ticks).</summary>
    public void Replied(string step, long from, long to)
    {
        var microseconds = (to - from) * 1_000_000.0 / Stopwatch.Frequency;
        _steps.GetOrAdd(step, _ => new Samples()).Add(microseconds);
        _all.Add(microseconds);
        if (step == FindingPersona.UnknownStep)
        {
            Interlocked.Increment(ref _unknown);
        }
    }

    public void Saved(int actions) => _actionsPerFinding.Enqueue(actions);

    public void Problem(string text, bool stuck = true)
    {
        if (stuck)
        {
            Interlocked.Increment(ref _stuck);
        }

        if (_problems.Count < 100)
        {
            _problems.Enqueue(text);
        }
    }

    public IEnumerable<string> FirstProblems(int count) => _problems.Take(count);

    public (int Min, double Mean, int Max) ActionsPerFinding()
    {
        var all = _actionsPerFinding.ToArray();
        return all.Length == 0 ? (0, 0, 0) : (all.Min(), all.Average(), all.Max());
    }

    /// <summary>Latency per step, most frequent first, then all steps.</summary>
    public string Table()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  {"step (what the member did)",-34} {"count",7} {"p50 ms",9} {"p99 ms",9} {"max ms",9}\n");
        foreach (var (step, samples) in _steps.OrderByDescending(s => s.Value.Count).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append(Row(step, samples));
        }

        text.Append(Row("all steps", _all));
        return text.ToString();
    }

    private static string Row(string name, Samples samples) => string.Create(CultureInfo.InvariantCulture,
        $"  {name,-34} {samples.Count,7} {samples.Percentile(50) / 1000,9:F1} {samples.Percentile(99) / 1000,9:F1} {samples.Percentile(100) / 1000,9:F1}\n");
}
