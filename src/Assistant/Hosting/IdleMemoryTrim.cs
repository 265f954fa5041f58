namespace Assistant.Hosting;

/// <summary>
/// Hands the managed heap's free memory back to the system once the process goes quiet after a burst of work (the
/// start, a morning's findings). The garbage collector keeps the regions it used at the busiest moment for the next
/// burst; for a bot that waits most of the day that is 20-30 MB held for nothing. One compacting collection of the
/// small live heap, a few milliseconds, at most once per quiet spell (<see cref="IdleTrimPolicy"/>). Measured: README,
/// Performance.
/// </summary>
internal sealed class IdleMemoryTrim(ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    /// <summary>How often the allocation counter is read: a quiet spell is noticed 3-6 s after the work ends.</summary>
    public static readonly TimeSpan Check = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var policy = new IdleTrimPolicy();
        using var timer = new PeriodicTimer(Check); // the process's own clock: this is about the machine, not the team's day
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (policy.Observe(GC.GetTotalAllocatedBytes()))
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    logger.LogDebug("Quiet: heap compacted and its free memory returned ({Bytes} bytes in use).", GC.GetTotalMemory(false));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
