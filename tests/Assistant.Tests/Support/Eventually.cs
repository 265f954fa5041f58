namespace Assistant.Tests.Support;

/// <summary>Waits (in real time, briefly) for something that happens on another thread.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? detail = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for " + what + (detail is null ? "" : "\n" + detail()));
            }

            await Task.Delay(10);
        }
    }
}
