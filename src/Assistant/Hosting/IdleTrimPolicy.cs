namespace Assistant.Hosting;

/// <summary>
/// Decides when the process has gone quiet after some work: it is shown the bytes the process has allocated so far,
/// once per check, and says "trim" once the last check allocated next to nothing and enough was allocated since the
/// last trim for a collection to be worth its pause. A process that stays busy is never trimmed; one that stays idle is
/// trimmed once, not at every check.
/// </summary>
public sealed class IdleTrimPolicy
{
    /// <summary>A check that allocated less than this counts as quiet (a long poll's answer, a timer).</summary>
    public const long QuietBytes = 256 * 1024;

    /// <summary>What must have been allocated since the last trim before another is worth it.</summary>
    public const long WorthBytes = 8 * 1024 * 1024;

    private long _previous = -1;
    private long _trimmedAt;

    /// <summary>Takes the process's allocated bytes at this check; true when now is the time to trim.</summary>
    public bool Observe(long allocated)
    {
        var quiet = _previous >= 0 && allocated - _previous < QuietBytes;
        _previous = allocated;
        if (!quiet || allocated - _trimmedAt < WorthBytes)
        {
            return false;
        }

        _trimmedAt = allocated;
        return true;
    }
}
