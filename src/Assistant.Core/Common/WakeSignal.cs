namespace Assistant.Core.Common;

/// <summary>
/// Wakes a sleeping <see cref="DueWorkService{TService}"/> early: something was queued that may fall due before its
/// next wake-up. Notices given while it is awake fold into one, as it reads everything due when it wakes.
/// </summary>
/// <typeparam name="TService">The service it wakes (so each service has its own signal).</typeparam>
public sealed class WakeSignal<TService> : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public Task<bool> WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(Timeout.InfiniteTimeSpan, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
