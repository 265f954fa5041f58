using System.Collections.Frozen;
using Assistant.Core.Teams;

namespace Assistant.Core.Reminders;

/// <summary>
/// Sends reminders when they fall due. One pass: let the planners add recurring reminders, read the
/// due ones (an index range over pending rows only), and for each, in one transaction, write its
/// message to the outbox and mark it sent. So each is sent exactly once, also across a restart; one
/// that fell due while the assistant was down goes out late, marked late, unless its composer says
/// it no longer applies. A reminder inside the recipient's quiet hours waits until they end, unless
/// its kind may ring then. Time comes from <see cref="TimeProvider"/> only.
/// </summary>
public sealed class ReminderService(
    ReminderStore store,
    WakeSignal<ReminderService> signal,
    IEnumerable<IReminderKind> kinds,
    IEnumerable<IReminderPlanner> planners,
    TeamStore teams,
    Outbox outbox,
    AssistantDatabase db,
    TimeProvider time,
    ILogger<ReminderService> logger) : DueWorkService<ReminderService>(signal, time, MaxSleep, TimeSpan.FromSeconds(5))
{
    /// <summary>Later than this after its due time, a reminder is marked late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);
    private readonly FrozenDictionary<string, IReminderKind> _kinds = kinds.ToFrozenDictionary(k => k.Kind);

    protected override Task RunPassAsync(CancellationToken cancellationToken)
    {
        RunOnce();
        return Task.CompletedTask;
    }

    protected override DateTime? NextDueUtc() => store.NextDue();

    protected override void LogFailure(Exception exception) => logger.LogError(exception, "The reminder pass failed; retrying in a moment.");

    /// <summary>One pass: plan, then send everything due now. Returns how many were sent.</summary>
    public int RunOnce()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        foreach (var planner in planners)
        {
            db.InTransaction(() => planner.Plan(now));
        }

        var sent = 0;
        while (true)
        {
            var due = store.Due(now, 100);
            if (due.Count == 0)
            {
                return sent;
            }

            foreach (var reminder in due)
            {
                try
                {
                    if (Deliver(reminder, now))
                    {
                        sent++;
                    }
                }
                catch (Exception ex) when (!Dispatching.Dispatcher.IsStorageFailure(ex))
                {
                    Postpone(reminder, now, ex);
                }
            }
        }
    }

    private bool Deliver(Reminder reminder, DateTime now)
    {
        var queued = db.InTransaction(() =>
        {
            var recipient = teams.GetMember(reminder.RecipientId);
            var team = recipient is null ? null : teams.GetTeam(recipient.TeamId);
            if (recipient is null || team is null || recipient.TeamId != reminder.TeamId || !_kinds.TryGetValue(reminder.Kind, out var kind))
            {
                Close(reminder, ReminderStatus.Skipped, now);
                return [];
            }

            if (!kind.MaySendInQuietHours(reminder, recipient, team.Zone) && QuietHours.EndOfQuiet(recipient, now, team.Zone) is { } quietEnds)
            {
                reminder.DueUtc = quietEnds;
                reminder.PendingDueUtc = quietEnds;
                reminder.Data["HeldForQuietHours"] = true;
                store.Update(reminder);
                return [];
            }

            reminder.Late = now - reminder.DueUtc > LateAfter && !reminder.Data.ContainsKey("HeldForQuietHours");
            switch (kind.Compose(reminder, recipient, now))
            {
                case ReminderMessage.Send send:
                    Close(reminder, ReminderStatus.Sent, now);
                    return outbox.Enqueue(send.Messages.Select(m => m with { Unprompted = true }), now);
                case ReminderMessage.Skip skip:
                    reminder.Data["SkipReason"] = skip.Reason;
                    Close(reminder, ReminderStatus.Skipped, now);
                    return [];
                case ReminderMessage.Queued:
                    Close(reminder, ReminderStatus.Sent, now);
                    return [];
                default:
                    return (IReadOnlyList<OutboxEntry>)[];
            }
        });
        outbox.NotifyAfterCommit(queued);
        return queued.Count > 0;
    }

    /// <summary>A reminder whose message cannot be written must not block the others: try it later, then give up.</summary>
    private void Postpone(Reminder reminder, DateTime now, Exception error)
    {
        var failures = reminder.Data.TryGetValue("Failures", out var f) ? f.AsInt32 + 1 : 1;
        logger.LogError(error, "Reminder {Key} could not be composed (attempt {Attempt}).", reminder.Key, failures);
        db.InTransaction(() =>
        {
            reminder.Data["Failures"] = failures;
            if (failures >= 5)
            {
                reminder.Data["SkipReason"] = "failed: " + error.Message;
                Close(reminder, ReminderStatus.Skipped, now);
            }
            else
            {
                reminder.DueUtc = now.AddMinutes(5);
                reminder.PendingDueUtc = reminder.DueUtc;
                store.Update(reminder);
            }
        });
    }

    private void Close(Reminder reminder, ReminderStatus status, DateTime now)
    {
        reminder.Status = status;
        reminder.PendingDueUtc = null;
        reminder.SentUtc = now;
        store.Update(reminder);
    }
}
