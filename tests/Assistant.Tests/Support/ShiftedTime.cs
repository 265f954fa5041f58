namespace Assistant.Tests.Support;

/// <summary>
/// The system clock moved by an offset the test sets. For the real host, whose pollers and senders wait on real
/// timers (a FakeTimeProvider would stall them): "now" jumps, every wait still ends.
/// </summary>
public sealed class ShiftedTime : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
