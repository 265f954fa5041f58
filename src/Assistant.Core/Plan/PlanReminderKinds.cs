using Assistant.Core.Reminders;
using Assistant.Core.Teams;

namespace Assistant.Core.Plan;

/// <summary>Writes a plan reminder to the liaison (before a due date, or the date missed), if the date still holds.</summary>
public sealed class PlanReminderKind(PlanStore plans, TeamStore teams, TextCatalog catalog) : IReminderKind
{
    public string Kind => PlanReminders.Kind;

    public ReminderMessage Compose(Reminder reminder, Member recipient, DateTime utcNow)
    {
        var plan = plans.ForTeam(reminder.TeamId);
        var what = reminder.Data["what"].AsString;
        if (!PlanReminders.StillHolds(plan, what, reminder.Data["date"].AsString) || recipient.TeamId != reminder.TeamId || recipient.Role != Role.Liaison
            || teams.GetTeam(reminder.TeamId) is not { } team)
        {
            return new ReminderMessage.Skip("received, changed, or no longer the liaison");
        }

        var t = catalog.For(recipient.Language);
        var date = DateOnly.ParseExact(reminder.Data["date"].AsString, "yyyyMMdd", CultureInfo.InvariantCulture);
        var today = TimeZones.Today(new DateTimeOffset(utcNow), team.Zone);
        var key = reminder.Data["step"].AsString == "missed" ? "plan.reminder_missed." + what : "plan.reminder_before." + what;
        var html = t.Format(key, new SafeHtml(DateText.Full(t, date)), Math.Abs(date.DayNumber - today.DayNumber));
        return ReminderMessage.To(recipient, html, "plan", PlanCard.OpenButton(t));
    }
}

/// <summary>The leader's weekly digest while the plan or a progress report is overdue: skipped if it arrived meanwhile.</summary>
public sealed class PlanDigestKind(PlanStore plans, TeamStore teams, TextCatalog catalog) : IReminderKind
{
    public string Kind => PlanReminders.DigestKind;

    public ReminderMessage Compose(Reminder reminder, Member recipient, DateTime utcNow)
    {
        if (plans.ForTeam(reminder.TeamId) is not { } plan || teams.GetTeam(reminder.TeamId) is not { } team
            || recipient.TeamId != plan.TeamId || recipient.Role != Role.Leader
            || plan.DaysOverdue(TimeZones.Today(new DateTimeOffset(utcNow), team.Zone)) is var days && days == 0)
        {
            return new ReminderMessage.Skip("nothing overdue");
        }

        var t = catalog.For(recipient.Language);
        var what = t[plan.NextKind == PlanDueKind.Plan ? "plan.what.plan" : "plan.what.report"];
        var html = t.Format("plan.digest", what, new SafeHtml(DateText.Full(t, plan.NextDue)), days);
        return ReminderMessage.To(recipient, html, "plan-digest", PlanCard.OpenButton(t));
    }
}

/// <summary>
/// Plans the leader's weekly digest: on every pass, the overdue plans (one index range, so the scan reads only what is
/// overdue) each get one digest per ISO week per leader, due on Monday morning or at once in the week it became overdue.
/// </summary>
public sealed class PlanDigestPlanner(PlanStore plans, ReminderStore reminders, TeamStore teams) : IReminderPlanner
{
    public void Plan(DateTime utcNow)
    {
        // A day of slack for time zones east of UTC: Compose checks the team's own today.
        foreach (var plan in plans.Overdue(DateOnly.FromDateTime(utcNow).AddDays(1)))
        {
            if (teams.GetTeam(plan.TeamId) is not { } team)
            {
                continue;
            }

            var today = TimeZones.Today(new DateTimeOffset(utcNow), team.Zone);
            if (plan.DaysOverdue(today) == 0)
            {
                continue;
            }

            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var due = TimeZones.ToUtc(monday, PlanReminders.TimeOfDay, team.Zone);
            foreach (var leader in teams.MembersOf(plan.TeamId).Where(m => m.Role == Role.Leader))
            {
                reminders.Plan($"plan-digest:{plan.TeamId.ToString(CultureInfo.InvariantCulture)}:{RectificationPlan.Key(monday)}:{leader.Id.ToString(CultureInfo.InvariantCulture)}",
                    PlanReminders.DigestKind, plan.TeamId, leader.Id, PlanReminders.Subject(plan), due < utcNow ? utcNow : due, utcNow);
            }
        }
    }
}
