using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Assistant.Benchmarks.Load;

/// <summary>What the people did and how long the assistant took to answer, by kind of message; and what went wrong.</summary>
public sealed class LoadTally
{
    /// <summary>Kinds of message, in report order. The last two are background results, measured from the command.</summary>
    public static readonly string[] Categories = ["note", "finding step", "schedule", "ledger", "stats", "summary", "mine/notes/help", "stats chart (job)", "summary documents (job)"];

    private readonly ConcurrentDictionary<string, Samples> _latency = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly Samples _all = new();
    private long _offered;
    private long _missed;
    private long _flowsCompleted;
    private long _flowsAbandoned;
    private long _savesPressed;

    public long Offered => Interlocked.Read(ref _offered);

    public long Missed => Interlocked.Read(ref _missed);

    public long FlowsCompleted => Interlocked.Read(ref _flowsCompleted);

    public long FlowsAbandoned => Interlocked.Read(ref _flowsAbandoned);

    public long SavesPressed => Interlocked.Read(ref _savesPressed);

    public int Problems => _problems.Count;

    public long Replied => _all.Count;

    /// <summary>An update was queued into the fake.</summary>
    public void Sent() => Interlocked.Increment(ref _offered);

    /// <summary>The first message for the chat came <paramref name="from"/> → <paramref name="to"/> (Stopwatch ticks).</summary>
    public void Answered(string category, long from, long to, bool background = false)
    {
        var microseconds = (to - from) * 1_000_000.0 / Stopwatch.Frequency;
        _latency.GetOrAdd(category, _ => new Samples()).Add(microseconds);
        if (!background)
        {
            _all.Add(microseconds);
        }
    }

    /// <summary>No answer in time: an error of the run.</summary>
    public void NoAnswer(string category, long userId, string what)
    {
        Interlocked.Increment(ref _missed);
        Problem($"no reply within the limit: user {userId.ToString(CultureInfo.InvariantCulture)}, {category}: {what}");
    }

    public void SavePressed() => Interlocked.Increment(ref _savesPressed);

    public void FlowCompleted() => Interlocked.Increment(ref _flowsCompleted);

    public void FlowAbandoned(long userId, string step)
    {
        Interlocked.Increment(ref _flowsAbandoned);
        Problem($"finding flow stuck: user {userId.ToString(CultureInfo.InvariantCulture)} found no button '{step}'");
    }

    public void Problem(string text)
    {
        if (_problems.Count < 1000)
        {
            _problems.Enqueue(text);
        }
    }

    public IEnumerable<string> FirstProblems(int count) => _problems.Take(count);

    public string Table()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  {"kind",-26} {"count",8} {"p50 ms",9} {"p99 ms",9} {"max ms",9}\n");
        foreach (var category in Categories)
        {
            if (_latency.TryGetValue(category, out var samples))
            {
                text.Append(Row(category, samples));
            }
        }

        text.Append(Row("all direct replies", _all));
        return text.ToString();
    }

    public Samples Overall => _all;

    private static string Row(string name, Samples samples) => string.Create(CultureInfo.InvariantCulture,
        $"  {name,-26} {samples.Count,8} {samples.Percentile(50) / 1000,9:F1} {samples.Percentile(99) / 1000,9:F1} {samples.Percentile(100) / 1000,9:F1}\n");
}
