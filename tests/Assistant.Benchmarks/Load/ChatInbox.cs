using System.Diagnostics;
using Assistant.Tests.Fakes;

namespace Assistant.Benchmarks.Load;

/// <summary>A message the bot sent or edited in a chat, with the <see cref="Stopwatch"/> time the fake recorded it.</summary>
public sealed record Arrival(SentMessage Message, long Timestamp);

/// <summary>
/// What the bot sent to one person's private chat, fed by <see cref="FakeBotApi.MessageRecorded"/>. Positions
/// (<see cref="Mark"/>) let the person wait for what came after their own message.
/// </summary>
public sealed class ChatInbox
{
    private readonly Lock _gate = new();
    private readonly List<Arrival> _arrivals = [];
    private int _forgotten;
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called by the fake, under its lock: only appends and wakes the waiter.</summary>
    public void Add(SentMessage message)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _arrivals.Add(new Arrival(message, Stopwatch.GetTimestamp()));
            signal = _signal;
            _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    /// <summary>The position after everything received so far.</summary>
    public int Mark()
    {
        lock (_gate)
        {
            return _forgotten + _arrivals.Count;
        }
    }

    /// <summary>Drops what came before <paramref name="mark"/> (the person has read it).</summary>
    public void Forget(int mark)
    {
        lock (_gate)
        {
            var drop = Math.Clamp(mark - _forgotten, 0, _arrivals.Count);
            _arrivals.RemoveRange(0, drop);
            _forgotten += drop;
        }
    }

    /// <summary>The first message at or after <paramref name="mark"/> that matches, waiting for it; null after <paramref name="timeout"/>.</summary>
    public async Task<Arrival?> WaitAsync(int mark, Func<SentMessage, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                for (var i = Math.Max(0, mark - _forgotten); i < _arrivals.Count; i++)
                {
                    if (match(_arrivals[i].Message))
                    {
                        return _arrivals[i];
                    }
                }

                signal = _signal.Task;
            }

            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                await signal.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                // Looked at once more above, then given up.
            }
        }
    }

    /// <summary>The newest message at or after <paramref name="mark"/> that matches, without waiting.</summary>
    public SentMessage? Latest(int mark, Func<SentMessage, bool> match)
    {
        lock (_gate)
        {
            for (var i = _arrivals.Count - 1; i >= Math.Max(0, mark - _forgotten); i--)
            {
                if (match(_arrivals[i].Message))
                {
                    return _arrivals[i].Message;
                }
            }

            return null;
        }
    }
}
