namespace Assistant.Core.Messaging;

/// <summary>
/// Sliding windows that keep sends within a channel's limits: one window per chat, one more per
/// group, one for everything. A send is given the earliest time at which every window it counts
/// against has room, that time is booked in those windows at once, and the send sleeps until then:
/// one wake-up per send however many chats wait, and a burst queues instead of tripping a 429.
/// Windows (not token buckets) because Telegram's limits are "at most N in any period": a bucket
/// would allow its burst on top of its rate.
/// </summary>
public sealed class DeliveryPacer(DeliveryLimits limits, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Window> _chats = [];
    private readonly Dictionary<long, Window> _groups = [];
    private readonly Window _global = new(limits.Global);

    /// <summary>
    /// Waits until a send to the chat fits every limit. <paramref name="chatLimited"/> false (an edit
    /// that only changes buttons) counts against the overall limit only. The slot is booked when the
    /// wait begins, so a send that is cancelled while waiting still counts (only on shutdown).
    /// </summary>
    public async Task WaitTurnAsync(long chatId, bool isGroup, CancellationToken cancellationToken, bool chatLimited = true)
    {
        DateTimeOffset slot;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _global.Forget(now);
            var chat = GetWindow(_chats, chatId, limits.PerChat, now);
            var group = isGroup && chatLimited ? GetWindow(_groups, chatId, limits.PerGroup, now) : null;

            // Move forward until no window objects: each only ever moves the time later.
            slot = now;
            while (true)
            {
                var fits = _global.EarliestFrom(chat.EarliestFrom(slot, countsAgainst: chatLimited), countsAgainst: true);
                fits = group?.EarliestFrom(fits, countsAgainst: true) ?? fits;
                if (fits == slot)
                {
                    break;
                }

                slot = fits;
            }

            _global.Book(slot);
            if (chatLimited)
            {
                chat.Book(slot);
                group?.Book(slot);
            }
        }

        // A timer may fire a moment early by this clock: sleep the rest, so the booked time holds.
        for (var left = slot - time.GetUtcNow(); left > TimeSpan.Zero; left = slot - time.GetUtcNow())
        {
            await Task.Delay(left, time, cancellationToken);
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
        if (windows.TryGetValue(key, out var window))
        {
            window.Forget(now);
            return window;
        }

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
        return window;
    }

    /// <summary>The times of the sends in the last period and of those booked ahead, in order.</summary>
    private sealed class Window(RateLimit limit)
    {
        private readonly List<DateTimeOffset> _sends = [];
        private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

        /// <summary>
        /// The earliest time from <paramref name="from"/> at which one more send keeps every period
        /// at most <see cref="RateLimit.Count"/> sends (and the chat is not blocked). With sends
        /// s₀ ≤ s₁ ≤ … booked, a send at t breaks the limit exactly when some N consecutive ones
        /// s_i … s_(i+N-1) lie within one period of t on both sides: t in (s_(i+N-1) − P, s_i + P).
        /// Both ends grow with i, so one pass that jumps past each such interval finds the time.
        /// </summary>
        public DateTimeOffset EarliestFrom(DateTimeOffset from, bool countsAgainst)
        {
            var t = from < _blockedUntil ? _blockedUntil : from;
            if (!countsAgainst || limit.IsUnlimited)
            {
                return t;
            }

            var n = limit.Count;
            for (var i = 0; i + n - 1 < _sends.Count; i++)
            {
                var end = _sends[i] + limit.Period;
                if (t > _sends[i + n - 1] - limit.Period && t < end)
                {
                    t = end;
                }
            }

            return t;
        }

        public void Book(DateTimeOffset at)
        {
            if (limit.IsUnlimited)
            {
                return;
            }

            var index = _sends.Count;
            while (index > 0 && _sends[index - 1] > at)
            {
                index--;
            }

            _sends.Insert(index, at);
        }

        /// <summary>Drops sends that no longer count against any send from <paramref name="now"/> on.</summary>
        public void Forget(DateTimeOffset now)
        {
            var old = 0;
            while (old < _sends.Count && _sends[old] <= now - limit.Period)
            {
                old++;
            }

            _sends.RemoveRange(0, old);
        }

        public void BlockUntil(DateTimeOffset until) => _blockedUntil = until > _blockedUntil ? until : _blockedUntil;

        public bool IsIdle(DateTimeOffset now) => now >= _blockedUntil && (_sends.Count == 0 || _sends[^1] + limit.Period <= now);
    }
}
