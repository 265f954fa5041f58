using Assistant.Core.Teams;

namespace Assistant.Core.Schedule;

/// <summary>
/// Renders itinerary items for one reader, in their language and in team time: grouped by day,
/// who goes, the reader's own items starred. A covert visit the reader may not see in full is a
/// busy slot: its time only, no target, place or people. A day outside the current year (team time)
/// is written with its year.
/// </summary>
public sealed class ScheduleView(TeamStore teams, TimeProvider time)
{
    public const int MaxNamesShown = 6;

    public string Days(Texts t, Team team, IReadOnlyList<ScheduleItem> items, Member? viewer, bool inGroup, DateOnly from, DateOnly to)
    {
        var names = Names(team);
        var zone = team.Zone;
        var today = TimeZones.Today(time.GetUtcNow(), zone);
        var sb = new StringBuilder();
        foreach (var group in items.GroupBy(i => DateOnly.FromDateTime(TimeZones.ToLocal(i.StartUtc, zone))).OrderBy(g => g.Key))
        {
            if (group.Key < from || group.Key > to)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            sb.Append(DayTitle(t, group.Key, today));
            foreach (var item in group)
            {
                sb.Append('\n').Append(Line(t, team, item, viewer, inGroup, names));
            }
        }

        return sb.ToString();
    }

    /// <summary>"11月5日 星期日" / "Sunday 5 November", with the year when it is not <paramref name="today"/>'s.</summary>
    public static string DayTitle(Texts t, DateOnly day, DateOnly today)
    {
        var format = YearlessDay.NeedsYear(day, today)
            ? t.Language == Language.English ? "dddd d MMMM yyyy" : "yyyy年M月d日 dddd"
            : t.Language == Language.English ? "dddd d MMMM" : "M月d日 dddd";
        return $"<b>{day.ToString(format, t.Culture)}</b>";
    }

    public string Line(Texts t, Team team, ScheduleItem item, Member? viewer, bool inGroup, IReadOnlyDictionary<long, string>? names = null)
    {
        var time = Span(item, team.Zone);
        if (!ScheduleVisibility.SeesDetails(viewer, item, inGroup))
        {
            return $"{time} {t["schedule.busy"]}";
        }

        var mine = viewer is not null && item.Involves(viewer.Id) ? "★ " : "";
        var place = string.IsNullOrWhiteSpace(item.Place) ? "" : " · " + Html.Escape(item.Place);
        return $"{mine}{time} {t[item.Kind.Key()]} · {Html.Escape(item.Title)}{place} · {People(t, item, names ?? Names(team))}";
    }

    /// <summary>All of one item, for its card.</summary>
    public string Card(Texts t, Team team, ScheduleItem item, Member? viewer, bool inGroup)
    {
        var zone = team.Zone;
        var day = DateOnly.FromDateTime(TimeZones.ToLocal(item.StartUtc, zone));
        var today = TimeZones.Today(time.GetUtcNow(), zone);
        if (!ScheduleVisibility.SeesDetails(viewer, item, inGroup))
        {
            return $"{DayTitle(t, day, today)}\n{Span(item, zone)} {t["schedule.busy"]}";
        }

        var sb = new StringBuilder();
        sb.Append(DayTitle(t, day, today)).Append('\n').Append(Span(item, zone)).Append(' ').Append(t[item.Kind.Key()]);
        sb.Append('\n').Append(t["schedule.field.title"]).Append(t["card.colon"]).Append(Html.Escape(item.Title));
        if (!string.IsNullOrWhiteSpace(item.Place))
        {
            sb.Append('\n').Append(t["schedule.field.place"]).Append(t["card.colon"]).Append(Html.Escape(item.Place));
        }

        sb.Append('\n').Append(t["schedule.field.people"]).Append(t["card.colon"]).Append(People(t, item, Names(team), all: true));
        if (!string.IsNullOrWhiteSpace(item.Notes))
        {
            sb.Append('\n').Append(t["schedule.field.notes"]).Append(t["card.colon"]).Append(Html.Escape(item.Notes));
        }

        if (item.Cancelled)
        {
            sb.Append('\n').Append(t["schedule.cancelled_mark"]);
        }

        return sb.ToString();
    }

    public static string Span(ScheduleItem item, TimeZoneInfo zone)
    {
        var start = TimeZones.ToLocal(item.StartUtc, zone);
        var end = TimeZones.ToLocal(item.EndUtc, zone);
        var endText = end.Date == start.Date ? end.ToString("HH:mm", CultureInfo.InvariantCulture)
            : end.TimeOfDay == TimeSpan.Zero && end.Date == start.Date.AddDays(1) ? "24:00"
            : end.ToString("M/d HH:mm", CultureInfo.InvariantCulture);
        return $"{start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{endText}";
    }

    public static string People(Texts t, ScheduleItem item, IReadOnlyDictionary<long, string> names, bool all = false)
    {
        if (item.WholeTeam)
        {
            return t["schedule.whole_team"];
        }

        var list = item.Participants.Select(id => Html.Escape(names.TryGetValue(id, out var n) ? n : "?"))
            .Concat(item.OtherParticipants.Select(n => External(t, n))).ToList();
        if (list.Count == 0)
        {
            return t["schedule.nobody"];
        }

        var shown = all ? list : list.Take(MaxNamesShown).ToList();
        var text = string.Join(t["list.separator"], shown);
        return shown.Count < list.Count ? text + t.Format("schedule.and_more", list.Count) : text;
    }

    /// <summary>"王五（外部）": a participant from outside the team (never notified), as HTML.</summary>
    public static string External(Texts t, string name) => t.Format("schedule.external", name);

    public Dictionary<long, string> Names(Team team) => teams.MembersOf(team.Id).ToDictionary(m => m.Id, m => m.DisplayName);
}
