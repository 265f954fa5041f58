using Assistant.Core.Teams;

namespace Assistant.Core.Reminders;

/// <summary>Writes the message of one kind of reminder at the moment it is sent (so it shows the latest state).</summary>
public interface IReminderKind
{
    string Kind { get; }

    /// <summary>
    /// Whether it may be sent during the recipient's quiet hours (a reminder for an item inside them). By default it may
    /// not: it waits until they end.
    /// </summary>
    bool MaySendInQuietHours(Reminder reminder, Member recipient, TimeZoneInfo zone) => false;

    /// <summary>The messages to send, or a reason to skip it. Runs inside the transaction that marks it sent.</summary>
    ReminderMessage Compose(Reminder reminder, Member recipient, DateTime utcNow);
}

public abstract record ReminderMessage
{
    public sealed record Send(IReadOnlyList<OutgoingMessage> Messages) : ReminderMessage;

    /// <summary>One message to the recipient's private chat.</summary>
    public static Send To(Member recipient, string html, string purpose, IReadOnlyList<IReadOnlyList<Button>>? keyboard = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return new([new OutgoingMessage { ChatId = recipient.ChatId, Html = html, Keyboard = keyboard, Purpose = purpose }]);
    }

    public sealed record Skip(string Reason) : ReminderMessage;

    /// <summary>The work was handed to a background job (written in the same transaction), which sends the messages.</summary>
    public sealed record Queued(string What) : ReminderMessage;
}

/// <summary>Plans reminders that recur (a digest every morning): asked on every pass of the service.</summary>
public interface IReminderPlanner
{
    void Plan(DateTime utcNow);
}
