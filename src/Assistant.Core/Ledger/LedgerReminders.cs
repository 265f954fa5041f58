using Assistant.Core.Findings;
using Assistant.Core.Reminders;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Ledger;

/// <summary>
/// Deadline reminders as a chain of steps per recipient: the offsets before the deadline (7, 3, 1
/// days, the morning of the day), then a daily overdue notice for OverdueDays, then escalation to
/// the leader. Only the next step is planned; sending a step plans the one after it, in the same
/// transaction, so each step goes out exactly once and a closed finding stops its chain. Changing
/// the deadline withdraws the chain and starts a new one (the deadline is part of every key).
/// </summary>
public sealed class LedgerReminders(ReminderStore reminders, TeamStore teams, IOptions<LedgerOptions> options)
{
    public const string DeadlineKind = "deadline";
    public const string EscalationKind = "escalation";

    public static string Subject(Finding f) => "finding:" + f.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Withdraws the finding's pending reminders and plans the next step for each recipient.</summary>
    public void Plan(Finding f, DateTime utcNow)
    {
        reminders.Withdraw(Subject(f));
        if (!f.Status.IsActive() || f.IsMerged || f.Deadline is null || teams.GetTeam(f.TeamId) is not { } team)
        {
            return;
        }

        foreach (var recipient in Recipients(f))
        {
            PlanStep(f, team, recipient, FirstStepAfter(f, team, utcNow), utcNow);
        }
    }

    /// <summary>The contact responsible (if registered) and the member who follows the finding (its author).</summary>
    public IReadOnlyList<long> Recipients(Finding f)
    {
        var ids = new List<long>();
        if (f.ResponsibleContactId is { } contact && teams.GetMember(contact) is { TeamId: var t } && t == f.TeamId)
        {
            ids.Add(contact);
        }

        if (teams.GetMember(f.AuthorId) is { } author && author.TeamId == f.TeamId && !ids.Contains(author.Id))
        {
            ids.Add(author.Id);
        }

        return ids;
    }

    /// <summary>Whether the reminder's finding is still open (and not merged into another) with the deadline the reminder was planned for.</summary>
    public static bool StillDue(FindingStore findings, TeamStore teams, Reminder reminder, out Finding finding, out Team team)
    {
        finding = findings.Get(reminder.Data["finding"].AsInt32)!;
        team = finding is null ? null! : teams.GetTeam(finding.TeamId)!;
        return finding is not null && team is not null && finding.Status.IsActive() && !finding.IsMerged
            && LedgerKeys.Date(finding.Deadline) == reminder.Data["deadline"].AsString;
    }

    /// <summary>Number of steps: the offsets, then one per overdue day.</summary>
    public int StepCount => options.Value.Offsets.Count + options.Value.OverdueDays;

    /// <summary>Days from the deadline of a step (negative before it).</summary>
    public int DayOf(int step) => step < options.Value.Offsets.Count ? -options.Value.Offsets[step] : step - options.Value.Offsets.Count + 1;

    public DateTime DueOf(Finding f, Team team, int step) =>
        TimeZones.ToUtc(f.Deadline!.Value.AddDays(DayOf(step)), options.Value.ReminderTimeOfDay, team.Zone);

    private int FirstStepAfter(Finding f, Team team, DateTime utcNow)
    {
        var step = 0;
        while (step < StepCount && DueOf(f, team, step) <= utcNow)
        {
            step++;
        }

        return step;
    }

    /// <summary>Plans step <paramref name="step"/> for the recipient; past the last step, the escalation (from the follower's chain).</summary>
    public void PlanStep(Finding f, Team team, long recipient, int step, DateTime utcNow)
    {
        var deadline = LedgerKeys.Date(f.Deadline);
        var id = f.Id.ToString(CultureInfo.InvariantCulture);
        if (step < StepCount)
        {
            reminders.Plan($"deadline:{id}:{deadline}:{step.ToString(CultureInfo.InvariantCulture)}:{recipient.ToString(CultureInfo.InvariantCulture)}",
                DeadlineKind, f.TeamId, recipient, Subject(f), DueOf(f, team, step), utcNow,
                new BsonDocument { ["finding"] = f.Id, ["deadline"] = deadline, ["step"] = step });
            return;
        }

        if (recipient != f.AuthorId)
        {
            return;
        }

        var due = TimeZones.ToUtc(f.Deadline!.Value.AddDays(options.Value.OverdueDays + 1), options.Value.ReminderTimeOfDay, team.Zone);
        foreach (var leader in teams.MembersOf(f.TeamId).Where(m => m.Role == Role.Leader))
        {
            reminders.Plan($"escalation:{id}:{deadline}:{leader.Id.ToString(CultureInfo.InvariantCulture)}", EscalationKind, f.TeamId, leader.Id, Subject(f),
                due < utcNow ? utcNow : due, utcNow, new BsonDocument { ["finding"] = f.Id, ["deadline"] = deadline });
        }
    }
}

/// <summary>Writes a deadline reminder or overdue notice, and plans the next step of the chain.</summary>
public sealed class DeadlineReminderKind(FindingStore findings, TeamStore teams, LedgerReminders plan, TextCatalog catalog) : IReminderKind
{
    public string Kind => LedgerReminders.DeadlineKind;

    public ReminderMessage Compose(Reminder reminder, Member recipient, DateTime utcNow)
    {
        if (!LedgerReminders.StillDue(findings, teams, reminder, out var f, out var team))
        {
            return new ReminderMessage.Skip("closed, or the deadline changed");
        }

        var step = reminder.Data["step"].AsInt32;
        plan.PlanStep(f, team, recipient.Id, step + 1, utcNow);
        var t = catalog.For(recipient.Language);
        var day = plan.DayOf(step);
        var text = day < 0 ? t.Format("ledger.reminder_before", f.Code, -day, new SafeHtml(FindingCard.Date(t, f.Deadline!.Value)))
            : day == 0 ? t.Format("ledger.reminder_today", f.Code)
            : t.Format("ledger.reminder_overdue", f.Code, day);
        var html = text + "\n" + LedgerCard.Summary(t, f, TimeZones.Today(new DateTimeOffset(utcNow), team.Zone));
        return ReminderMessage.To(recipient, html, "deadline", LedgerCard.OpenButton(t, f));
    }
}

/// <summary>Tells the leader that a finding is still open well past its deadline (督办).</summary>
public sealed class EscalationReminderKind(FindingStore findings, TeamStore teams, TextCatalog catalog) : IReminderKind
{
    public string Kind => LedgerReminders.EscalationKind;

    public ReminderMessage Compose(Reminder reminder, Member recipient, DateTime utcNow)
    {
        if (!LedgerReminders.StillDue(findings, teams, reminder, out var f, out var team))
        {
            return new ReminderMessage.Skip("closed, or the deadline changed");
        }

        var t = catalog.For(recipient.Language);
        var today = TimeZones.Today(new DateTimeOffset(utcNow), team.Zone);
        var html = t.Format("ledger.escalation", f.Code, f.DaysOverdue(today)) + "\n" + LedgerCard.Summary(t, f, today);
        return ReminderMessage.To(recipient, html, "escalation", LedgerCard.OpenButton(t, f));
    }
}
