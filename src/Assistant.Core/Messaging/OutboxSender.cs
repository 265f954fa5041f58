namespace Assistant.Core.Messaging;

/// <summary>
/// Delivers the outbox. One lane per chat keeps that chat's messages in order; lanes of different
/// chats run side by side within the channel's limits (<see cref="DeliveryPacer"/>). A 429 is waited
/// out for its retry_after; network errors and 5xx are retried with backoff; the message stays in
/// the outbox until the channel has accepted it.
/// </summary>
public sealed class OutboxSender(
    Outbox outbox,
    OutboxSignal signal,
    DeliveryLog deliveries,
    IMessageTransport transport,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>On stop, how long a send already on the wire may take to be answered.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>How many finished ids are remembered to refuse a late duplicate announcement.</summary>
    private const int RecentCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, SortedDictionary<long, OutboxItem?>> _pending = [];
    private readonly HashSet<long> _lanes = [];
    private readonly HashSet<long> _sending = [];
    private readonly HashSet<long> _recent = [];
    private readonly Queue<long> _recentOrder = new();
    private readonly Dictionary<long, Task> _laneTasks = [];
    private readonly CancellationTokenSource _wire = new();
    private readonly DeliveryPacer _pacer = new(transport.Limits, time);
    private readonly SemaphoreSlim _sends = new(transport.Limits.MaxConcurrentSends);
    private CancellationToken _stopping;

    /// <summary>True when nothing is waiting or being sent for this chat.</summary>
    public bool IsIdle(long chatId)
    {
        lock (_gate)
        {
            if (_lanes.Contains(chatId))
            {
                return false;
            }
        }

        return !outbox.Pending().Any(e => e.ChatId == chatId && !deliveries.IsPending(e.Id));
    }

    /// <summary>True when nothing at all is waiting or being sent.</summary>
    public bool IsIdle()
    {
        lock (_gate)
        {
            if (_lanes.Count > 0)
            {
                return false;
            }
        }

        return outbox.Pending().All(e => deliveries.IsPending(e.Id));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;

        // A send already on the wire when stopping is given a moment to be answered: cut off, the
        // message would stay in the outbox and go out a second time after the restart.
        using var grace = stoppingToken.Register(() => _wire.CancelAfter(StopGrace));
        Sweep();
        using var sweep = new PeriodicTimer(SweepInterval, time);
        var sweeping = SweepLoopAsync(sweep, stoppingToken);
        try
        {
            await foreach (var entry in signal.Reader.ReadAllAsync(stoppingToken))
            {
                Add(entry);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: undelivered messages stay in the outbox for the next start.
        }

        await sweeping;
    }

    private async Task SweepLoopAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Picks up rows the signal did not announce (written before start, or by a lane that stopped).</summary>
    private void Sweep()
    {
        try
        {
            foreach (var entry in outbox.Pending())
            {
                Add(entry);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not read the outbox: {Error}", ex.Message);
        }
    }

    private void Add(OutboxEntry entry)
    {
        if (deliveries.IsPending(entry.Id))
        {
            return;
        }

        lock (_gate)
        {
            if (_sending.Contains(entry.Id) || _recent.Contains(entry.Id))
            {
                // The sweep read a row a lane is sending right now, or an announcement arrived
                // after the sweep had already found the row and it was sent.
                return;
            }

            if (!_pending.TryGetValue(entry.ChatId, out var ids))
            {
                ids = [];
                _pending[entry.ChatId] = ids;
            }

            if (!ids.TryGetValue(entry.Id, out var known) || known is null)
            {
                ids[entry.Id] = entry.Item;
            }

            if (!_lanes.Add(entry.ChatId))
            {
                return;
            }

            _laneTasks[entry.ChatId] = Task.Run(() => RunLaneAsync(entry.ChatId));
        }
    }

    /// <summary>Stops taking new messages, then waits (briefly) for the sends on the wire to be answered.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task[] lanes;
        lock (_gate)
        {
            lanes = [.. _laneTasks.Values];
        }

        try
        {
            await Task.WhenAll(lanes).WaitAsync(StopGrace + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Stopped with messages still being sent; they stay in the outbox for the next start.");
        }
    }

    /// <summary>The chat's oldest waiting row, or null (and the lane ends) when there is none.</summary>
    private (long Id, OutboxItem? Item)? Next(long chatId)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(chatId, out var ids) && ids.Count > 0)
            {
                var (id, item) = ids.First();
                ids.Remove(id);
                _sending.Add(id);
                return (id, item);
            }

            _pending.Remove(chatId);
            _lanes.Remove(chatId);
            _laneTasks.Remove(chatId);
            return null;
        }
    }

    private async Task RunLaneAsync(long chatId)
    {
        var failures = 0;
        try
        {
            while (!_stopping.IsCancellationRequested && Next(chatId) is { } next)
            {
                var item = next.Item ?? outbox.Get(next.Id);
                if (item is null || deliveries.IsPending(item.Id))
                {
                    Sent(next.Id);
                    continue;
                }

                while (item is not null && !_stopping.IsCancellationRequested)
                {
                    await _pacer.WaitTurnAsync(chatId, item.IsGroup, _stopping, chatLimited: !item.KeyboardOnly);
                    var result = await DeliverAsync(item);
                    switch (result)
                    {
                        case DeliveryResult.Delivered:
                            deliveries.Record(item.Id);
                            Sent(item.Id);
                            failures = 0;
                            item = null;
                            break;
                        case DeliveryResult.RetryLater { After: { } after } limited:
                            _pacer.Block(chatId, after);
                            logger.LogWarning("Chat {Chat}: the channel asked to wait {Seconds}s ({Reason}); waiting.", chatId, after.TotalSeconds, limited.Reason);
                            break;
                        case DeliveryResult.RetryLater transient:
                            failures++;
                            item.Attempts++;
                            item.LastError = transient.Reason;
                            outbox.Update(item);
                            var backoff = Backoff.Doubling(failures - 1, TimeSpan.FromSeconds(1), MaxBackoff);
                            var retryAt = time.GetUtcNow() + backoff;
                            logger.LogWarning("Chat {Chat}: delivery failed ({Reason}); retry {Attempt} in {Seconds}s.", chatId, transient.Reason, item.Attempts, backoff.TotalSeconds);
                            await WaitUntilAsync(retryAt);
                            break;
                        case DeliveryResult.Failed failed:
                            logger.LogWarning("Chat {Chat}: message {Id} cannot be delivered ({Reason}); moved to outbox_dead.", chatId, item.Id, failed.Reason);
                            outbox.GiveUp(item, failed.Reason);
                            Sent(item.Id);
                            item = null;
                            break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError("Chat {Chat}: delivery lane stopped: {Error}. The sweep restarts it.", chatId, ex.Message);
            lock (_gate)
            {
                _lanes.Remove(chatId);
                _laneTasks.Remove(chatId);
                _sending.Clear();
            }
        }
    }

    /// <summary>The row is done with (delivered, given up, or gone): remembered for a while so a late announcement cannot queue it again.</summary>
    private void Sent(long id)
    {
        lock (_gate)
        {
            _sending.Remove(id);
            if (_recent.Add(id))
            {
                _recentOrder.Enqueue(id);
                if (_recentOrder.Count > RecentCapacity)
                {
                    _recent.Remove(_recentOrder.Dequeue());
                }
            }
        }
    }

    private async Task<DeliveryResult> DeliverAsync(OutboxItem item)
    {
        await _sends.WaitAsync(_stopping);
        try
        {
            return await transport.DeliverAsync(item, _wire.Token);
        }
        finally
        {
            _sends.Release();
        }
    }

    /// <summary>Waits until an absolute time, so a clock that moves while the timer is being set up is still honoured.</summary>
    private async Task WaitUntilAsync(DateTimeOffset until)
    {
        for (var left = until - time.GetUtcNow(); left > TimeSpan.Zero; left = until - time.GetUtcNow())
        {
            await Task.Delay(left, time, _stopping);
        }
    }

    public override void Dispose()
    {
        // The base first: disposed without a stop, it cancels the stopping token, whose callback still uses _wire.
        base.Dispose();
        _sends.Dispose();
        _wire.Dispose();
    }
}
