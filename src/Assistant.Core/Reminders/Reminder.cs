using LiteDB;

namespace Assistant.Core.Reminders;

public enum ReminderStatus
{
    Pending,
    Sent,

    /// <summary>Not sent because it no longer made sense (event over, item cancelled, finding closed).</summary>
    Skipped,

    /// <summary>Withdrawn before it fell due (the item changed and the reminder was planned again).</summary>
    Cancelled,
}

/// <summary>
/// A message due at a time: a row, not a timer. <see cref="Key"/> is unique, so planning the same
/// reminder twice never makes two; <see cref="PendingDueUtc"/> is set only while pending, so the
/// due query reads what is due and nothing of the history.
/// </summary>
public sealed class Reminder
{
    public long Id { get; set; }

    /// <summary>What it is, unique: event:12:r3:701, digest:1:20231102:701, deadline:40:3d:701.</summary>
    public string Key { get; set; } = "";

    /// <summary>Which composer writes it (event, digest, deadline…).</summary>
    public string Kind { get; set; } = "";

    public int TeamId { get; set; }

    public long RecipientId { get; set; }

    /// <summary>What it is about (item:12, finding:40): used to withdraw it when that changes.</summary>
    public string Subject { get; set; } = "";

    public DateTime DueUtc { get; set; }

    /// <summary>Equal to <see cref="DueUtc"/> while pending, null after; the due query's index.</summary>
    public DateTime? PendingDueUtc { get; set; }

    public ReminderStatus Status { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>Sent noticeably after its time (the assistant was down, or quiet hours held it).</summary>
    public bool Late { get; set; }

    /// <summary>Anything the composer needs (offset, item revision…).</summary>
    public BsonDocument Data { get; set; } = [];

    public DateTime CreatedUtc { get; set; }
}
