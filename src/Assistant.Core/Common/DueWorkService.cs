namespace Assistant.Core.Common;

/// <summary>
/// A background service that works through what falls due (the job runner, the reminder service): a pass, then it
/// sleeps until the next due time, at most <c>maxSleep</c>, or until its <see cref="WakeSignal{TService}"/> says
/// something new was queued. A failed pass is logged and tried again after <c>retryAfter</c>.
/// </summary>
/// <typeparam name="TService">The service itself (its signal's type).</typeparam>
public abstract class DueWorkService<TService>(WakeSignal<TService> signal, TimeProvider time, TimeSpan maxSleep, TimeSpan retryAfter)
    : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>One pass over what is due now.</summary>
    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    /// <summary>When the next item falls due; null when nothing waits.</summary>
    protected abstract DateTime? NextDueUtc();

    /// <summary>Logs a pass that failed (it is tried again in a moment).</summary>
    protected abstract void LogFailure(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
                var now = Time.GetUtcNow().UtcDateTime;
                var sleep = NextDueUtc() is { } due && due - now < maxSleep ? due - now : maxSleep;
                if (sleep > TimeSpan.Zero)
                {
                    await SleepAsync(sleep, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailure(ex);
                try
                {
                    await Task.Delay(retryAfter, Time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sleeps for <paramref name="sleep"/> or until the signal, whichever comes first.</summary>
    private async Task SleepAsync(TimeSpan sleep, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var signalled = signal.WaitAsync(wake.Token);
        await Task.WhenAny(signalled, Task.Delay(sleep, Time, stoppingToken));
        await wake.CancelAsync();
        try
        {
            await signalled;
        }
        catch (OperationCanceledException)
        {
        }
    }
}
