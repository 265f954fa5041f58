using Assistant.Core.Reminders;
using Assistant.Core.Teams;

namespace Assistant.Core.Schedule;

/// <summary>The reminder before an item, to each participant. Skipped when the item changed, was cancelled, or is over.</summary>
public sealed class EventReminderKind(ScheduleStore store, TeamStore teams, ScheduleView view, TextCatalog catalog) : IReminderKind
{
    public string Kind => ScheduleService.EventReminder;

    public bool MaySendInQuietHours(Reminder reminder, Member recipient, TimeZoneInfo zone) =>
        store.Get(reminder.Data["item"].AsInt32) is { } item && QuietHours.IsQuiet(recipient, item.StartUtc, zone);

    public ReminderMessage Compose(Reminder reminder, Member recipient, DateTime utcNow)
    {
        var item = store.Get(reminder.Data["item"].AsInt32);
        if (item is null || item.Cancelled || item.Revision != reminder.Data["revision"].AsInt32)
        {
            return new ReminderMessage.Skip("the item changed or was cancelled");
        }

        if (utcNow >= item.EndUtc)
        {
            return new ReminderMessage.Skip("the item is over");
        }

        var team = teams.GetTeam(item.TeamId)!;
        var t = catalog.For(recipient.Language);
        var minutes = (int)Math.Round((item.StartUtc - utcNow).TotalMinutes);
        var sb = new StringBuilder();
        if (reminder.Late)
        {
            sb.Append(t.Format("reminder.late", TimeZones.ToLocal(reminder.DueUtc, team.Zone).ToString("HH:mm", CultureInfo.InvariantCulture))).Append('\n');
        }

        sb.Append(minutes > 0 ? t.Format("reminder.event_soon", minutes) : t["reminder.event_started"]);
        sb.Append('\n').Append(view.Card(t, team, item, recipient, inGroup: false));
        return ReminderMessage.To(recipient, sb.ToString(), "reminder:" + reminder.Id.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>The morning digest of the day's items, to each member. Written when sent, so it shows the latest itinerary.</summary>
public sealed class DigestReminderKind(ScheduleStore store, TeamStore teams, ScheduleView view, TextCatalog catalog) : IReminderKind
{
    public const string KindName = "digest";

    public string Kind => KindName;

    public ReminderMessage Compose(Reminder reminder, Member recipient, DateTime utcNow)
    {
        var team = teams.GetTeam(reminder.TeamId)!;
        var day = DateOnly.ParseExact(reminder.Data["day"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var items = store.Between(team.Id, TimeZones.ToUtc(day, TimeOnly.MinValue, team.Zone), TimeZones.ToUtc(day.AddDays(1), TimeOnly.MinValue, team.Zone));
        if (items.Count == 0)
        {
            return new ReminderMessage.Skip("nothing planned that day");
        }

        if (TimeZones.Today(new DateTimeOffset(utcNow), team.Zone) > day)
        {
            return new ReminderMessage.Skip("the day is over");
        }

        var t = catalog.For(recipient.Language);
        var text = (reminder.Late ? t.Format("reminder.late", TimeZones.ToLocal(reminder.DueUtc, team.Zone).ToString("HH:mm", CultureInfo.InvariantCulture)) + "\n" : "")
            + t.Format("reminder.digest", recipient.DisplayName) + "\n" + view.Days(t, team, items, recipient, inGroup: false, day, day);
        return ReminderMessage.To(recipient, text, "digest");
    }
}

/// <summary>Plans the morning digest of today (if its hour has not passed) and tomorrow, for days with items.</summary>
public sealed class DigestPlanner(ScheduleStore store, ReminderStore reminders, TeamStore teams, IOptions<ScheduleOptions> options) : IReminderPlanner
{
    private readonly HashSet<(int Team, DateOnly Day, int Members)> _planned = [];

    public void Plan(DateTime utcNow)
    {
        foreach (var team in teams.AllTeams())
        {
            var zone = team.Zone;
            var today = TimeZones.Today(new DateTimeOffset(utcNow), zone);
            foreach (var day in new[] { today, today.AddDays(1) })
            {
                var due = TimeZones.ToUtc(day, options.Value.DigestTimeOfDay, zone);
                if (due < utcNow)
                {
                    continue;
                }

                var members = teams.MembersOf(team.Id).Where(m => m.Role != Role.Contact).ToList();
                if (_planned.Contains((team.Id, day, members.Count))
                    || store.Between(team.Id, TimeZones.ToUtc(day, TimeOnly.MinValue, zone), TimeZones.ToUtc(day.AddDays(1), TimeOnly.MinValue, zone)).Count == 0)
                {
                    continue;
                }

                var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var member in members)
                {
                    reminders.Plan($"digest:{team.Id.ToString(CultureInfo.InvariantCulture)}:{dayText}:{member.Id.ToString(CultureInfo.InvariantCulture)}",
                        DigestReminderKind.KindName, team.Id, member.Id, "digest:" + dayText, due, utcNow, new LiteDB.BsonDocument { ["day"] = dayText });
                }

                _planned.Add((team.Id, day, members.Count));
            }
        }
    }
}
