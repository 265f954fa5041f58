namespace Assistant.Core.Messaging;

/// <summary>
/// Token buckets that keep sends within a channel's limits: one bucket per chat, one more per group,
/// one for everything. A send waits until every bucket it draws on has a token, so bursts queue
/// instead of tripping a 429.
/// </summary>
public sealed class DeliveryPacer(DeliveryLimits limits, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Bucket> _chats = [];
    private readonly Dictionary<long, Bucket> _groups = [];
    private readonly Bucket _global = new(limits.GlobalPerSecond, limits.GlobalBurst, time.GetUtcNow());

    public async Task WaitTurnAsync(long chatId, bool isGroup, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                var chat = GetBucket(_chats, chatId, limits.PerChatPerSecond, limits.PerChatBurst, now);
                var group = isGroup ? GetBucket(_groups, chatId, limits.PerGroupPerMinute / 60.0, limits.PerGroupBurst, now) : null;
                wait = Max(_global.WaitFor(now), chat.WaitFor(now), group?.WaitFor(now) ?? TimeSpan.Zero);
                if (wait <= TimeSpan.Zero)
                {
                    _global.Take();
                    chat.Take();
                    group?.Take();
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
            GetBucket(_chats, chatId, limits.PerChatPerSecond, limits.PerChatBurst, now).BlockUntil(now + duration);
        }
    }

    private static Bucket GetBucket(Dictionary<long, Bucket> buckets, long key, double ratePerSecond, int burst, DateTimeOffset now)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            // Forget idle chats so the table does not grow without bound.
            if (buckets.Count > 10_000)
            {
                foreach (var idle in buckets.Where(b => b.Value.IsFull(now)).Select(b => b.Key).ToList())
                {
                    buckets.Remove(idle);
                }
            }

            bucket = new Bucket(ratePerSecond, burst, now);
            buckets[key] = bucket;
        }

        return bucket;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b, TimeSpan c) => a > b ? (a > c ? a : c) : (b > c ? b : c);

    private sealed class Bucket(double ratePerSecond, int capacity, DateTimeOffset now)
    {
        private double _tokens = capacity;
        private DateTimeOffset _last = now;
        private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

        public TimeSpan WaitFor(DateTimeOffset now)
        {
            if (now < _blockedUntil)
            {
                return _blockedUntil - now;
            }

            if (double.IsPositiveInfinity(ratePerSecond))
            {
                return TimeSpan.Zero;
            }

            _tokens = Math.Min(capacity, _tokens + ((now - _last).TotalSeconds * ratePerSecond));
            _last = now;
            return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / ratePerSecond);
        }

        public void Take()
        {
            if (!double.IsPositiveInfinity(ratePerSecond))
            {
                _tokens -= 1;
            }
        }

        public void BlockUntil(DateTimeOffset until) => _blockedUntil = until > _blockedUntil ? until : _blockedUntil;

        public bool IsFull(DateTimeOffset now) => now >= _blockedUntil && (double.IsPositiveInfinity(ratePerSecond) || _tokens + ((now - _last).TotalSeconds * ratePerSecond) >= capacity);
    }
}
