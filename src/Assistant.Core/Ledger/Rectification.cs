using Assistant.Core.Findings;

namespace Assistant.Core.Ledger;

/// <summary>Where a finding stands in its rectification (整改).</summary>
public enum RectificationStatus
{
    /// <summary>待整改: recorded, nobody made responsible yet.</summary>
    Open,

    /// <summary>已指派: a responsible unit (and person) and a deadline are set.</summary>
    Assigned,

    /// <summary>整改中.</summary>
    InProgress,

    /// <summary>已整改: done, with evidence, waiting to be verified.</summary>
    Rectified,

    /// <summary>已销号: verified and closed.</summary>
    Closed,
}

/// <summary>What someone can do to a finding's rectification.</summary>
public enum RectificationAction
{
    Assign,
    Start,
    SubmitFix,
    Verify,
    Reject,
    ExtendDeadline,
    FixOnSpot,
}

/// <summary>A deadline moved, and why.</summary>
public sealed class DeadlineChange
{
    public DateOnly? From { get; set; }

    public DateOnly To { get; set; }

    public string Reason { get; set; } = "";

    public long ById { get; set; }

    public string ByName { get; set; } = "";

    public DateTime TimeUtc { get; set; }
}

public static class RectificationKeys
{
    public static string Key(this RectificationStatus status) => "status." + status.ToString().ToLowerInvariant();

    public static string Key(this RectificationAction action) => "action." + action.ToString().ToLowerInvariant();

    public static bool IsActive(this RectificationStatus status) => status != RectificationStatus.Closed;

    /// <summary>Days past the deadline (0 when not overdue or closed).</summary>
    public static int DaysOverdue(this Finding finding, DateOnly today) =>
        finding.Status.IsActive() && finding.Deadline is { } deadline && deadline < today ? today.DayNumber - deadline.DayNumber : 0;
}
