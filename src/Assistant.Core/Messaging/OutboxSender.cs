using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

    private readonly Lock _gate = new();
    private readonly Dictionary<long, SortedDictionary<long, OutboxItem?>> _pending = [];
    private readonly HashSet<long> _lanes = [];
    private readonly HashSet<long> _sending = [];
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
            if (_sending.Contains(entry.Id))
            {
                // The sweep read a row a lane is sending right now.
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
        }

        _ = Task.Run(() => RunLaneAsync(entry.ChatId));
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
                            logger.LogWarning("Chat {Chat}: the channel asked to wait {Seconds}s ({Reason}); waiting.", chatId, after.TotalSeconds, limited.Reason);
                            _pacer.Block(chatId, after);
                            break;
                        case DeliveryResult.RetryLater transient:
                            failures++;
                            item.Attempts++;
                            item.LastError = transient.Reason;
                            outbox.Update(item);
                            var backoff = Backoff(failures);
                            logger.LogWarning("Chat {Chat}: delivery failed ({Reason}); retry {Attempt} in {Seconds}s.", chatId, transient.Reason, item.Attempts, backoff.TotalSeconds);
                            await Task.Delay(backoff, time, _stopping);
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
                _sending.Clear();
            }
        }
    }

    private void Sent(long id)
    {
        lock (_gate)
        {
            _sending.Remove(id);
        }
    }

    private async Task<DeliveryResult> DeliverAsync(OutboxItem item)
    {
        await _sends.WaitAsync(_stopping);
        try
        {
            return await transport.DeliverAsync(item, _stopping);
        }
        finally
        {
            _sends.Release();
        }
    }

    private static TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10)));
        return TimeSpan.FromSeconds(seconds);
    }

    public override void Dispose()
    {
        _sends.Dispose();
        base.Dispose();
    }
}
