using LiteDB;

namespace Assistant.Core.Reminders;

public sealed class ReminderStore(AssistantDatabase db, WakeSignal<ReminderService> signal)
{
    public const string CollectionName = "reminders";

    private ILiteCollection<Reminder> Reminders => db.Collection<Reminder>(CollectionName);

    /// <summary>Plans a reminder unless one with this key exists already (sent or not). Returns it, or null.</summary>
    public Reminder? Plan(string key, string kind, int teamId, long recipientId, string subject, DateTime dueUtc, DateTime utcNow, BsonDocument? data = null)
    {
        if (Reminders.FindOne(Where.Eq(nameof(Reminder.Key), key)) is not null)
        {
            return null;
        }

        var reminder = new Reminder
        {
            Key = key,
            Kind = kind,
            TeamId = teamId,
            RecipientId = recipientId,
            Subject = subject,
            DueUtc = dueUtc,
            PendingDueUtc = dueUtc,
            Status = ReminderStatus.Pending,
            Data = data ?? [],
            CreatedUtc = utcNow,
        };
        Reminders.Insert(reminder);
        AssistantDatabase.OnTransactionEnd(signal.Notify);
        return reminder;
    }

    /// <summary>Withdraws every pending reminder about a subject (before planning them again).</summary>
    public int Withdraw(string subject)
    {
        var pending = Reminders.Find(Where.Eq(nameof(Reminder.Subject), subject)).Where(r => r.Status == ReminderStatus.Pending).ToList();
        foreach (var reminder in pending)
        {
            reminder.Status = ReminderStatus.Cancelled;
            reminder.PendingDueUtc = null;
            Reminders.Update(reminder);
        }

        return pending.Count;
    }

    /// <summary>Pending reminders due at or before the time, oldest first. Reads only pending rows (index range).</summary>
    public IReadOnlyList<Reminder> Due(DateTime utcNow, int limit) =>
        Reminders.Find(Where.Between(nameof(Reminder.PendingDueUtc), DateTime.MinValue, utcNow), limit: limit).ToList();

    public DateTime? NextDue() =>
        Reminders.Find(Where.Between(nameof(Reminder.PendingDueUtc), DateTime.MinValue, DateTime.MaxValue), limit: 1).FirstOrDefault()?.PendingDueUtc;

    public void Update(Reminder reminder) => Reminders.Update(reminder);

    /// <summary>Makes a reminder that was not sent (skipped) pending again, due at <paramref name="dueUtc"/>: the same row, so still one message at most.</summary>
    public void Rearm(Reminder reminder, DateTime dueUtc)
    {
        reminder.Status = ReminderStatus.Pending;
        reminder.DueUtc = dueUtc;
        reminder.PendingDueUtc = dueUtc;
        reminder.SentUtc = null;
        reminder.Data["Rearmed"] = true;
        Reminders.Update(reminder);
        AssistantDatabase.OnTransactionEnd(signal.Notify);
    }

    public Reminder? ByKey(string key) => Reminders.FindOne(Where.Eq(nameof(Reminder.Key), key));

    public IReadOnlyList<Reminder> About(string subject) => Reminders.Find(Where.Eq(nameof(Reminder.Subject), subject)).ToList();

    public IReadOnlyList<Reminder> ForRecipient(long recipientId) => Reminders.Find(Where.Eq(nameof(Reminder.RecipientId), recipientId)).ToList();

    public int Count() => Reminders.Count();

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.EnsureIndexes(database, CollectionName,
            FieldIndex.UniqueOn(nameof(Reminder.Key)),
            FieldIndex.On(nameof(Reminder.PendingDueUtc)),
            FieldIndex.On(nameof(Reminder.Subject)),
            FieldIndex.On(nameof(Reminder.RecipientId)));
    }
}
