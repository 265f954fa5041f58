using System.Collections.Concurrent;

namespace Assistant.Core.Messaging;

/// <summary>
/// Messages the channel has accepted, waiting to be removed from the outbox. The dispatcher's
/// committer removes them in its next transaction (one writer, no lock contention, well within a
/// millisecond). Until then the sender must not pick them up again: <see cref="IsPending"/>.
/// Without a committer attached (operator verbs, some tests) rows are removed at once.
/// </summary>
public sealed class DeliveryLog(Outbox outbox)
{
    private readonly ConcurrentQueue<long> _delivered = new();
    private readonly ConcurrentDictionary<long, byte> _pending = new();
    private Action? _wake;

    public void Record(long outboxId)
    {
        var wake = _wake;
        if (wake is null)
        {
            outbox.Delete(outboxId);
            return;
        }

        _pending[outboxId] = 0;
        _delivered.Enqueue(outboxId);
        wake();
    }

    /// <summary>Delivered but not yet removed from the outbox.</summary>
    public bool IsPending(long outboxId) => _pending.ContainsKey(outboxId);

    public bool HasWork => !_delivered.IsEmpty;

    internal void Attach(Action wake) => _wake = wake;

    /// <summary>The committer has stopped: from now on rows are removed at once.</summary>
    internal void Detach() => _wake = null;

    internal List<long> Drain()
    {
        var ids = new List<long>();
        while (_delivered.TryDequeue(out var id))
        {
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The rows are gone from the outbox (or the removal failed and they stay for the sweep).</summary>
    internal void Settled(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Removal failed: try again in the next transaction.</summary>
    internal void Requeue(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            _delivered.Enqueue(id);
        }
    }
}
