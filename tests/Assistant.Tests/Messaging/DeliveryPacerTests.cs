using System.Collections.Concurrent;
using Assistant.Core.Messaging;
using Assistant.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Messaging;

/// <summary>
/// The pacer books each send the earliest time that fits every limit and sleeps until then: Telegram's limits
/// hold (3 in any 3 s per chat, 20 a minute per group, 30 a second overall, a 429's retry_after), no send waits
/// longer than the limits make it, and a waiting send wakes once, however many others wait.
/// </summary>
public sealed class DeliveryPacerTests
{
    [Fact]
    public async Task ThousandMessagesToFiftyChats_NeverExceedsThirtyPerSecond()
    {
        var run = new PacedRun();
        run.Start(Enumerable.Range(0, 1000).Select(i => ((long)(i % 50), i % 5 == 0)));
        await run.RunClockAsync(TimeSpan.FromMilliseconds(50));

        var times = run.Times;
        Assert.Equal(1000, times.Count);
        for (var i = 30; i < times.Count; i++)
        {
            // Any 31 consecutive sends span at least one second.
            Assert.True(times[i] - times[i - 30] >= TimeSpan.FromSeconds(1), $"burst at {i}");
        }
    }

    [Fact]
    public async Task ManyChatsWaitingForTheOverallLimit_EachSendSleepsOnceAndNoSlotIsLeftUnused()
    {
        // 100 chats, 3 messages each: within every chat's allowance, ten times the overall one.
        var run = new PacedRun();
        run.Start(Enumerable.Range(0, 300).Select(i => ((long)(i % 100), false)));
        await run.RunClockAsync(TimeSpan.FromMilliseconds(50));

        var times = run.Times;
        for (var i = 30; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 30] >= TimeSpan.FromSeconds(1), $"burst at {i}");
        }

        // 30 go at once, 30 more each second after.
        Assert.Equal(TimeSpan.FromSeconds(9), times[^1] - times[0]);

        // 270 sends had to wait: one sleep each. Waking every waiter whenever a slot frees takes thousands.
        Assert.Equal(270, run.Time.Timers);
    }

    [Fact]
    public async Task AGroup_GetsThreeInAnyThreeSecondsAndTwentyAMinute()
    {
        var run = new PacedRun();
        run.Start(Enumerable.Range(0, 25).Select(_ => (-100_123L, true)));
        await run.RunClockAsync(TimeSpan.FromMilliseconds(250));

        var times = run.Times;
        Assert.Equal(25, times.Count);
        for (var i = 3; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 3] >= TimeSpan.FromSeconds(3), $"more than 3 in 3 s at {i}");
        }

        for (var i = 20; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 20] >= TimeSpan.FromMinutes(1), $"more than 20 in a minute at {i}");
        }

        // Not slower than the limits: three every 3 s, and the 21st a minute after the first.
        Assert.Equal(TimeSpan.FromSeconds(18), times[19] - times[0]);
        Assert.Equal(TimeSpan.FromMinutes(1), times[20] - times[0]);
    }

    [Fact]
    public async Task AChatWaitingForItsOwnWindow_DoesNotHoldUpOtherChats()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new DeliveryPacer(DeliveryLimits.Telegram, time);
        for (var i = 0; i < 3; i++)
        {
            await pacer.WaitTurnAsync(1, isGroup: false, CancellationToken.None);
        }

        var fourth = pacer.WaitTurnAsync(1, isGroup: false, CancellationToken.None);
        var other = pacer.WaitTurnAsync(2, isGroup: false, CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromSeconds(2.999));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task KeyboardOnlyEdits_DoNotUseTheChatsAllowance()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new DeliveryPacer(DeliveryLimits.Telegram, time);
        for (var i = 0; i < 10; i++)
        {
            await pacer.WaitTurnAsync(1, isGroup: false, CancellationToken.None, chatLimited: false);
        }

        var sends = Enumerable.Range(0, 3).Select(_ => pacer.WaitTurnAsync(1, false, CancellationToken.None)).ToList();

        Assert.All(sends, s => Assert.True(s.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task A429_BlocksThatChatForItsRetryAfter_AndNoOther()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new DeliveryPacer(DeliveryLimits.Telegram, time);
        pacer.Block(1, TimeSpan.FromSeconds(7));

        var blocked = pacer.WaitTurnAsync(1, isGroup: false, CancellationToken.None);
        var keyboardEdit = pacer.WaitTurnAsync(1, isGroup: false, CancellationToken.None, chatLimited: false);
        var other = pacer.WaitTurnAsync(2, isGroup: false, CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromSeconds(6.9));
        Assert.False(blocked.IsCompleted);
        Assert.False(keyboardEdit.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await Task.WhenAll(blocked, keyboardEdit).WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// Many sends through one pacer on a fake clock, each noting the time it was let go. The sends run on the
    /// thread pool (no test synchronization context), so the fake clock's timers resume them inline while the
    /// clock is moved; and the clock moves only once every send is either gone or asleep.
    /// </summary>
    private sealed class PacedRun
    {
        private readonly ConcurrentQueue<DateTimeOffset> _sent = new();
        private readonly List<Task> _sends = [];

        public PacedRun()
        {
            Time = new CountingTime(Clock);
            Pacer = new DeliveryPacer(DeliveryLimits.Telegram, Time);
        }

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UnixEpoch);

        public CountingTime Time { get; }

        public DeliveryPacer Pacer { get; }

        public List<DateTimeOffset> Times => [.. _sent.Order()];

        public void Start(IEnumerable<(long Chat, bool IsGroup)> sends)
        {
            foreach (var (chat, isGroup) in sends)
            {
                _sends.Add(Task.Run(async () =>
                {
                    await Pacer.WaitTurnAsync(chat, isGroup, CancellationToken.None);
                    _sent.Enqueue(Clock.GetUtcNow());
                }));
            }
        }

        public async Task RunClockAsync(TimeSpan step)
        {
            await Eventually.TrueAsync(() => _sent.Count + Time.Timers == _sends.Count, "every send to be let go or asleep");
            for (var i = 0; i < 100_000 && _sends.Any(t => !t.IsCompleted); i++)
            {
                var fired = Time.Fired;
                Clock.Advance(step);
                if (Time.Fired != fired)
                {
                    // The sends just woken take the time on their own threads: let them, before the clock moves on,
                    // so each is recorded at the time it was let go, not a few steps later.
                    await Settled();
                }
            }

            await Task.WhenAll(_sends).WaitAsync(TimeSpan.FromSeconds(5));
        }

        /// <summary>Every send is either recorded or asleep on a timer that has not fired.</summary>
        private async Task Settled()
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (_sent.Count + Time.Timers - Time.Fired != _sends.Count && DateTime.UtcNow < deadline)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>A fake clock that counts the timers created on it (one per sleep).</summary>
    private sealed class CountingTime(FakeTimeProvider inner) : TimeProvider
    {
        private int _timers;

        private int _fired;

        public int Timers => Volatile.Read(ref _timers);

        /// <summary>Timers whose callback has run (a sleeping send woken).</summary>
        public int Fired => Volatile.Read(ref _fired);

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return inner.CreateTimer(s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            }, state, dueTime, period);
        }
    }
}
