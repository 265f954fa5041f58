using System.Collections.Concurrent;
using Assistant.Core.Common;
using Assistant.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Common;

/// <summary>The loop of the job runner and the reminder service, on a fake clock.</summary>
public sealed class DueWorkServiceTests
{
    private static readonly DateTime Start = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ASignal_WakesItBeforeAnythingIsDue()
    {
        var time = new FakeTimeProvider(Start);
        using var service = new Recording(new WakeSignal<Recording>(), time);
        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => service.Passes.Count == 1, "the first pass");

        service.Signal.Notify();

        await Eventually.TrueAsync(() => service.Passes.Count >= 2, "a pass on the signal");
        Assert.Equal(Start, service.Passes.ElementAt(1));
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ItSleeps_UntilTheNextDueTime()
    {
        var time = new FakeTimeProvider(Start);
        using var service = new Recording(new WakeSignal<Recording>(), time) { Next = Start.AddSeconds(10) };
        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => service.Passes.Count == 1, "the first pass");

        await Eventually.TrueAsync(() => Advance(time) && service.Passes.Count >= 2, "a pass when the next item is due");

        var woke = service.Passes.ElementAt(1);
        Assert.InRange(woke, Start.AddSeconds(10), Start.AddSeconds(59)); // when due, not at the one-minute cap
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AFailedPass_IsLogged_AndTriedAgainAfterTheRetryWait()
    {
        var time = new FakeTimeProvider(Start);
        using var service = new Recording(new WakeSignal<Recording>(), time) { FailNext = true };
        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => service.Failures == 1, "the failure logged");

        await Eventually.TrueAsync(() => Advance(time) && service.Passes.Count >= 2, "the pass tried again");

        Assert.InRange(service.Passes.ElementAt(1), Start.AddSeconds(5), Start.AddSeconds(59));
        await service.StopAsync(CancellationToken.None);
    }

    /// <summary>One fake second per poll: the loop's wait is registered by then, however late the thread ran.</summary>
    private static bool Advance(FakeTimeProvider time)
    {
        time.Advance(TimeSpan.FromSeconds(1));
        return true;
    }

    private sealed class Recording(WakeSignal<Recording> signal, FakeTimeProvider time)
        : DueWorkService<Recording>(signal, time, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5))
    {
        private int _failures;

        public WakeSignal<Recording> Signal { get; } = signal;

        public ConcurrentQueue<DateTime> Passes { get; } = new();

        public int Failures => Volatile.Read(ref _failures);

        /// <summary>When the next item is due, as the first pass leaves it (after that nothing waits).</summary>
        public DateTime? Next { get; init; }

        public bool FailNext { get; set; }

        public override void Dispose()
        {
            Signal.Dispose();
            base.Dispose();
        }

        protected override Task RunPassAsync(CancellationToken cancellationToken)
        {
            Passes.Enqueue(Time.GetUtcNow().UtcDateTime);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("the store is down");
            }

            return Task.CompletedTask;
        }

        protected override DateTime? NextDueUtc() => Passes.Count == 1 ? Next : null;

        protected override void LogFailure(Exception exception) => Interlocked.Increment(ref _failures);
    }
}
