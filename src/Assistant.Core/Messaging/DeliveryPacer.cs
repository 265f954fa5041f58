namespace Assistant.Core.Messaging;

/// <summary>
/// Sliding windows that keep sends within a channel's limits: one window per chat, one more per
/// group, one for everything. A send waits until every window it counts against has room, so a
/// burst queues instead of tripping a 429. Windows (not token buckets) because Telegram's limits
/// are "at most N in any period": a bucket would allow its burst on top of its rate.
/// </summary>
public sealed class DeliveryPacer(DeliveryLimits limits, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Window> _chats = [];
    private readonly Dictionary<long, Window> _groups = [];
    private readonly Window _global = new(limits.Global);

    /// <summary>
    /// Waits until a send to the chat fits every limit. <paramref name="chatLimited"/> false (an edit
    /// that only changes buttons) counts against the overall limit only.
    /// </summary>
    public async Task WaitTurnAsync(long chatId, bool isGroup, CancellationToken cancellationToken, bool chatLimited = true)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                var chat = GetWindow(_chats, chatId, limits.PerChat, now);
                var group = isGroup && chatLimited ? GetWindow(_groups, chatId, limits.PerGroup, now) : null;
                var chatWait = chat.WaitFor(now);
                wait = Max(_global.WaitFor(now), chatLimited ? chatWait : chat.BlockedFor(now), group?.WaitFor(now) ?? TimeSpan.Zero);
                if (wait <= TimeSpan.Zero)
                {
                    _global.Record(now);
                    if (chatLimited)
                    {
                        chat.Record(now);
                        group?.Record(now);
                    }

                    return;
                }
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>A 429 for this chat: nothing more goes to it until the time has passed.</summary>
    public void Block(long chatId, TimeSpan duration)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            GetWindow(_chats, chatId, limits.PerChat, now).BlockUntil(now + duration);
        }
    }

    private static Window GetWindow(Dictionary<long, Window> windows, long key, RateLimit limit, DateTimeOffset now)
    {
        if (!windows.TryGetValue(key, out var window))
        {
            // Forget idle chats so the table does not grow without bound.
            if (windows.Count > 10_000)
            {
                foreach (var idle in windows.Where(w => w.Value.IsIdle(now)).Select(w => w.Key).ToList())
                {
                    windows.Remove(idle);
                }
            }

            window = new Window(limit);
            windows[key] = window;
        }

        return window;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b, TimeSpan c) => a > b ? (a > c ? a : c) : (b > c ? b : c);

    /// <summary>The times of the last <see cref="RateLimit.Count"/> sends.</summary>
    private sealed class Window(RateLimit limit)
    {
        private readonly Queue<DateTimeOffset> _sent = new();
        private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

        public TimeSpan WaitFor(DateTimeOffset now)
        {
            if (now < _blockedUntil)
            {
                return _blockedUntil - now;
            }

            if (limit.IsUnlimited)
            {
                return TimeSpan.Zero;
            }

            while (_sent.Count > 0 && _sent.Peek() <= now - limit.Period)
            {
                _sent.Dequeue();
            }

            return _sent.Count < limit.Count ? TimeSpan.Zero : _sent.Peek() + limit.Period - now;
        }

        public TimeSpan BlockedFor(DateTimeOffset now) => now < _blockedUntil ? _blockedUntil - now : TimeSpan.Zero;

        public void Record(DateTimeOffset now)
        {
            if (!limit.IsUnlimited)
            {
                _sent.Enqueue(now);
            }
        }

        public void BlockUntil(DateTimeOffset until) => _blockedUntil = until > _blockedUntil ? until : _blockedUntil;

        public bool IsIdle(DateTimeOffset now) => now >= _blockedUntil && (_sent.Count == 0 || _sent.Peek() + limit.Period <= now);
    }
}
