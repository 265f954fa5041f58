using Assistant.Core.Common;
using Assistant.Core.Findings;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Teams;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Summaries;

/// <summary>
/// Gathers what a brief is written from, for a reader who may see the whole team's day (the leader
/// or the liaison): the day's findings, notes and tips, its itinerary and the next day's, and the
/// counts of the day's work. Deleted notes, notes turned into findings and cancelled items are left
/// out; tips contribute only their channel, subject and handling.
/// </summary>
public sealed class FactsBuilder(FindingStore findings, NoteStore notes, ScheduleStore schedule, DayTallyStore tallies, IOptions<SummaryOptions> options)
{
    public static TeamFacts TeamOf(Team team) => new(team.Id, team.Name, team.Code, team.Region, team.VisitFrom, team.VisitTo);

    public DayFacts Day(Team team, DateOnly day)
    {
        var dayFindings = findings.OnDay(team.Id, day).Select(ToFact).ToList();
        var dayNotes = notes.OnDay(team.Id, day);
        var today = Itinerary(team, day);
        var tomorrow = Itinerary(team, day.AddDays(1));
        var tips = dayNotes.Where(n => n.Kind == NoteKind.Tip).Select(n => new TipFact(n.Id, n.TipChannel, n.TipSubject, n.TipHandling)).ToList();
        var quoted = dayNotes
            .Where(n => n.Kind is not NoteKind.Tip && n.FindingId is null && n.VoiceFileId is null && n.Text.Length > 0)
            .Select(n => new NoteFact(n.Id, n.Kind, n.AuthorName, n.Text))
            .ToList();
        var counts = Counts(dayFindings, dayNotes, today, tallies.Get(team.Id, day));
        return new DayFacts(TeamOf(team), day, today, tomorrow, counts, dayFindings, quoted, tips);
    }

    public VisitFacts Visit(Team team, DateOnly today)
    {
        var all = findings.OfTeam(team.Id).Select(ToFact).ToList();
        var teamNotes = notes.OfTeam(team.Id);
        var counts = ActivityCounts.Zero;
        var to = team.VisitTo < today ? team.VisitTo : today;
        for (var day = team.VisitFrom; day <= to; day = day.AddDays(1))
        {
            var dayNotes = teamNotes.Where(n => n.Day == day).ToList();
            counts += Counts([.. all.Where(f => f.Day == day)], dayNotes, Itinerary(team, day), tallies.Get(team.Id, day));
        }

        var highlights = teamNotes.Where(n => n.Kind == NoteKind.Highlight && n.Text.Length > 0)
            .Select(n => new NoteFact(n.Id, n.Kind, n.AuthorName, n.Text)).ToList();
        var leads = all.Where(f => !string.IsNullOrWhiteSpace(f.HandedOverTo))
            .Select(f => new LeadFact($"{f.Code} {f.Unit}：{f.Description}", f.HandedOverTo!))
            .Concat(teamNotes.Where(n => n.Kind == NoteKind.Tip && !string.IsNullOrWhiteSpace(n.TipSubject))
                .Select(n => new LeadFact(n.TipSubject!, n.TipHandling ?? "")))
            .ToList();
        var cities = all.Select(f => CityOf(f.City)).Where(c => c.Length > 0).Distinct().ToList();
        var end = team.VisitTo < today ? today : team.VisitTo;
        return new VisitFacts(TeamOf(team), team.VisitFrom, team.VisitTo, counts, cities, all, highlights, leads, end.AddDays(options.Value.PlanDueDays));
    }

    /// <summary>
    /// The day with records (findings, notes, itinerary items) nearest to <paramref name="day"/>, not after
    /// <paramref name="latest"/> and other than <paramref name="day"/> itself; the earlier on a tie. Null when the team
    /// has recorded nothing. Reads the team's records: it is asked only when a day turned out to be empty.
    /// </summary>
    public DateOnly? NearestDayWithRecords(Team team, DateOnly day, DateOnly latest)
    {
        var days = findings.OfTeam(team.Id).Select(f => f.Day)
            .Concat(notes.OfTeam(team.Id).Select(n => n.Day))
            .Concat(schedule.OfTeam(team.Id).Select(i => DateOnly.FromDateTime(TimeZones.ToLocal(i.StartUtc, team.Zone))))
            .Where(d => d <= latest && d != day)
            .Distinct();
        return days.OrderBy(d => Math.Abs(d.DayNumber - day.DayNumber)).ThenBy(d => d).Cast<DateOnly?>().FirstOrDefault();
    }

    /// <summary>Whether the team has recorded anything at all (a finding, a note or an itinerary item).</summary>
    public bool AnyRecords(Team team) =>
        findings.OfTeam(team.Id).Count > 0 || notes.OfTeam(team.Id).Count > 0 || schedule.Any(team.Id);

    /// <summary>The prefecture-level part of a place: "长沙市望城区" → "长沙市".</summary>
    public static string CityOf(string place)
    {
        var text = place.Trim();
        foreach (var marker in new[] { "自治州", "地区", "市", "州", "盟" })
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                return text[..(at + marker.Length)];
            }
        }

        return text;
    }

    public static FindingFact ToFact(Finding f) => new(
        f.Id, f.Code, f.Aspect, f.Sector, f.SectorOther, f.Severity, f.Method, f.Covert, f.Unit, f.City, f.Place,
        f.Description, f.Basis, f.ResponsibleUnit, f.Deadline, f.FixedOnSpot, f.HandedOverTo, f.Day);

    private List<ItineraryFact> Itinerary(Team team, DateOnly day)
    {
        var zone = team.Zone;
        var from = TimeZones.ToUtc(day, TimeOnly.MinValue, zone);
        var items = schedule.Between(team.Id, from, from.AddDays(1));
        return [.. items.Select(i =>
        {
            var start = TimeZones.ToLocal(i.StartUtc, zone);
            var end = TimeZones.ToLocal(i.EndUtc, zone);
            return new ItineraryFact(i.Id, day, TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(end), i.Kind,
                i.IsCovert ? null : i.Title, i.IsCovert ? null : i.Place, i.IsCovert);
        })];
    }

    private static ActivityCounts Counts(List<FindingFact> dayFindings, IReadOnlyList<Note> dayNotes, List<ItineraryFact> today, DayTally? tally)
    {
        int Units(Func<FindingFact, bool> which) => dayFindings.Where(which).Select(f => f.Unit).Distinct().Count();
        var derived = new Dictionary<TallyItem, int>
        {
            [TallyItem.Briefings] = today.Count(i => i.Kind is EventKind.KickOffMeeting or EventKind.Briefing),
            [TallyItem.Documents] = dayNotes.Count(n => n.Kind == NoteKind.DocumentReview) + dayFindings.Count(f => f.Method == Method.ReviewingDocuments),
            [TallyItem.Interviews] = dayNotes.Count(n => n.Kind == NoteKind.Interview) + dayFindings.Count(f => f.Method == Method.Interviews),
            [TallyItem.Visits] = Units(f => f.Method == Method.VisitsInquiries),
            [TallyItem.SitesOpen] = Math.Max(Units(f => f.Method == Method.OnSiteInspection && !f.Covert), today.Count(i => i.Kind == EventKind.SiteInspection)),
            [TallyItem.SitesCovert] = Math.Max(Units(f => f.Method == Method.OnSiteInspection && f.Covert), today.Count(i => i.Covert)),
            [TallyItem.Tips] = dayNotes.Count(n => n.Kind == NoteKind.Tip),
        };
        var tallied = new HashSet<TallyItem>();
        int Value(TallyItem item)
        {
            if (tally?.Get(item) is { } set)
            {
                tallied.Add(item);
                return set;
            }

            return derived[item];
        }

        return new ActivityCounts(
            Value(TallyItem.Briefings), Value(TallyItem.Documents), Value(TallyItem.Interviews), Value(TallyItem.Visits),
            Value(TallyItem.SitesOpen), Value(TallyItem.SitesCovert), Value(TallyItem.Tips))
        { Tallied = tallied };
    }
}
