using Assistant.Core.Reminders;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Leads;

/// <summary>
/// Plans the reminders of a lead's feedback date for the team's liaisons and leaders: <see cref="DaysBefore"/> days
/// before it (or at once, when the lead came later and the date has not passed) and the morning after it passed. On
/// every pass of the reminder service it reads, through the <see cref="Lead.OpenDueKey"/> index, only the open leads
/// due within the coming days whose reminders are not planned yet; planning them records it on the lead, which then
/// leaves the index. Each key holds the lead, the date, the step and the recipient, so each reminder exists once; one
/// whose date no longer holds (changed, answered, closed) is skipped when it falls due.
/// </summary>
public sealed class LeadReminders(LeadStore leads, ReminderStore reminders, TeamStore teams) : IReminderPlanner
{
    public const string Kind = "lead";
    public const int DaysBefore = 2;
    public const string Before = "before";
    public const string Passed = "passed";
    public static readonly TimeOnly TimeOfDay = new(9, 0);

    /// <summary>What <see cref="Lead.RemindersSent"/> holds once both reminders of a date are planned.</summary>
    public static string AllPlanned(DateOnly due) => Passed + ":" + Key(due);

    public static string Key(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Subject(Lead lead) => "lead:" + lead.Id.ToString(CultureInfo.InvariantCulture);

    public void Plan(DateTime utcNow)
    {
        // The latest "today" of any zone is UTC's date + 1; the window reaches DaysBefore days past it.
        var horizon = DateOnly.FromDateTime(utcNow).AddDays(DaysBefore + 2);
        var byTeam = new Dictionary<int, (Team? Team, List<Member> Recipients)>();
        foreach (var lead in leads.AllOpenDueBefore(horizon).ToList())
        {
            if (!byTeam.TryGetValue(lead.TeamId, out var of))
            {
                var team = teams.GetTeam(lead.TeamId);
                of = (team, team is null ? [] : [.. teams.MembersOf(team.Id).Where(m => m.Role is Role.Leader or Role.Liaison)]);
                byTeam[lead.TeamId] = of;
            }

            if (lead.DueDate is not { } due)
            {
                continue;
            }

            if (of.Team is not { } t)
            {
                MarkPlanned(lead, due); // a team that is gone has nobody to remind: the lead leaves the scan
                continue;
            }

            var today = TimeZones.Today(new DateTimeOffset(utcNow), t.Zone);
            if (due.AddDays(-DaysBefore) > today)
            {
                continue; // not yet in this team's window
            }

            var before = TimeZones.ToUtc(due.AddDays(-DaysBefore), TimeOfDay, t.Zone);
            var endOfDue = TimeZones.ToUtc(due.AddDays(1), TimeOnly.MinValue, t.Zone);
            var passed = TimeZones.ToUtc(due.AddDays(1), TimeOfDay, t.Zone);
            foreach (var recipient in of.Recipients)
            {
                if (utcNow < endOfDue)
                {
                    Step(lead, recipient, Before, due, before > utcNow ? before : utcNow, utcNow);
                }

                Step(lead, recipient, Passed, due, passed > utcNow ? passed : utcNow, utcNow);
            }

            MarkPlanned(lead, due);
        }
    }

    /// <summary>
    /// A reopened lead's reminders go on: each of its due date that was skipped while it was closed is armed again (the
    /// same row, so still at most one message per step and recipient), at its time or at once if that has passed,
    /// while the due date is today or later in the team's zone. Those sent stay sent; those pending stay pending (they
    /// check the lead when they fall due); those never planned are planned by the scan (the lead is in its index again).
    /// </summary>
    public void Resume(Lead lead, TimeZoneInfo zone, DateTime utcNow)
    {
        if (lead.DueDate is not { } due || due < TimeZones.Today(new DateTimeOffset(utcNow), zone))
        {
            return;
        }

        var endOfDue = TimeZones.ToUtc(due.AddDays(1), TimeOnly.MinValue, zone);
        foreach (var reminder in reminders.About(Subject(lead)).Where(r => r.Status == ReminderStatus.Skipped && r.Data["date"].AsString == Key(due)))
        {
            if (reminder.Data["step"].AsString == Before && utcNow >= endOfDue)
            {
                continue;
            }

            reminders.Rearm(reminder, reminder.DueUtc > utcNow ? reminder.DueUtc : utcNow);
        }
    }

    /// <summary>Takes a lead out of the scan without reminding anyone (the demo's record of a visit long over).</summary>
    public void Skip(Lead lead)
    {
        if (lead.DueDate is { } due)
        {
            MarkPlanned(lead, due);
        }
    }

    /// <summary>Whether the reminder still applies: the lead open and unanswered, with the date it was planned for.</summary>
    public static bool StillHolds(Lead? lead, Reminder reminder) =>
        lead is not null && lead.IsOpen && lead.DueDate is { } due && Key(due) == reminder.Data["date"].AsString
        && lead.Answer is null && lead.AnswerDocuments.Count == 0;

    private void MarkPlanned(Lead lead, DateOnly due)
    {
        lead.RemindersSent.Add(Before + ":" + Key(due));
        lead.RemindersSent.Add(AllPlanned(due));
        leads.Update(lead);
    }

    private void Step(Lead lead, Member recipient, string step, DateOnly due, DateTime at, DateTime utcNow) =>
        reminders.Plan($"lead:{lead.Id.ToString(CultureInfo.InvariantCulture)}:{step}:{Key(due)}:{recipient.Id.ToString(CultureInfo.InvariantCulture)}",
            Kind, lead.TeamId, recipient.Id, Subject(lead), at, utcNow,
            new BsonDocument { ["lead"] = lead.Id, ["date"] = Key(due), ["step"] = step });
}
