namespace Assistant.Core.Common;

/// <summary>How long to wait before trying again: the one back-off rule of the outbox, the jobs and the channels.</summary>
public static class Backoff
{
    /// <summary>
    /// <paramref name="first"/> doubled <paramref name="doublings"/> times, at most <paramref name="max"/>: with 1 s and
    /// 60 s, 1, 2, 4, … 32, 60, 60 s.
    /// </summary>
    public static TimeSpan Doubling(int doublings, TimeSpan first, TimeSpan max) =>
        TimeSpan.FromSeconds(Math.Min(max.TotalSeconds, first.TotalSeconds * Math.Pow(2, doublings)));
}
