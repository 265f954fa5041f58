using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Teams;

namespace Assistant.Core.Summaries;

/// <summary>
/// Gathers what a brief is written from, for a reader who may see the whole team's day (the leader or the liaison):
/// the day's findings, notes and tips, its itinerary and the next day's, the day's closures and extensions, and the
/// counts of the day's work (<see cref="CountRules"/>). Every note is one the leader and the liaison may read
/// (<see cref="NoteStore.CanSee"/> grants them all); a covert note (written on a covert visit) is marked so, for the
/// brief to list it only in its appendix with the sensitivity line, and the feedback leaves covert highlights out.
/// Deleted notes, notes turned into findings, cancelled items and
/// findings merged into another (<see cref="FindingCounts.IsCounted"/>) are left out; tips contribute only their channel, subject and handling. Every free text passes the
/// <see cref="IdentityScrubber"/> here, so nothing built from the facts (documents, chat text, a model's prompt) can
/// carry a tipster's identity, whatever field it was typed into.
/// </summary>
public sealed class FactsBuilder(
    FindingStore findings, NoteStore notes, ScheduleStore schedule, DayTallyStore tallies, IOptions<SummaryOptions> options, IEnumerable<ILeadStatusSource> leadStatuses)
{
    public static TeamFacts TeamOf(Team team) => new(team.Id, team.Name, team.Code, team.Region, team.VisitFrom, team.VisitTo);

    public DayFacts Day(Team team, DateOnly day)
    {
        var teamFacts = TeamOf(team);
        var dayFindings = FindingCounts.Counted(findings.OnDay(team.Id, day)).Select(ToFact).ToList();
        var dayNotes = notes.OnDay(team.Id, day);
        var today = Itinerary(team, day);
        var tomorrow = Itinerary(team, day.AddDays(1));
        var tips = dayNotes.Where(n => n.Kind == NoteKind.Tip)
            .Select(n => new TipFact(n.Id, n.TipChannel, IdentityScrubber.ScrubOrNull(n.TipSubject), IdentityScrubber.ScrubOrNull(n.TipHandling))).ToList();
        var summarised = dayNotes
            .Where(n => n.Kind is not NoteKind.Tip && n.FindingId is null && (n.VoiceFileId is null || n.Transcribed) && NoteText.HasContent(n.Text))
            .Select(ToFact)
            .ToList();
        var counts = CountRules.Day(dayFindings, [.. dayNotes.Select(n => n.Kind)], today, tallies.Get(team.Id, day));
        var (closed, extended) = FollowUpOn(team, day);
        return new DayFacts(teamFacts, day, today, tomorrow, counts, dayFindings, summarised, tips)
        {
            IssueNumber = CountRules.IssueNumber(teamFacts, day),
            Closed = closed,
            Extended = extended,
            Settings = options.Value.For(team.Code),
        };
    }

    public VisitFacts Visit(Team team, DateOnly today)
    {
        var teamFacts = TeamOf(team);
        var settings = options.Value.For(team.Code);
        var all = FindingCounts.Counted(findings.OfTeam(team.Id)).Select(ToFact).ToList();
        var visit = all.Where(f => !CountRules.IsAfterVisit(teamFacts, f.Day)).ToList();
        var after = settings.AfterVisit == AfterVisitFindings.Omit ? [] : all.Where(f => CountRules.IsAfterVisit(teamFacts, f.Day)).ToList();
        var teamNotes = notes.OfTeam(team.Id);
        var counts = ActivityCounts.Zero;
        var itinerary = new List<ItineraryFact>();
        foreach (var day in CountRules.VisitDaysUntil(teamFacts, today))
        {
            var dayItinerary = Itinerary(team, day);
            itinerary.AddRange(dayItinerary);
            counts += CountRules.Day([.. visit.Where(f => f.Day == day)], [.. teamNotes.Where(n => n.Day == day).Select(n => n.Kind)], dayItinerary, tallies.Get(team.Id, day));
        }

        var highlights = teamNotes.Where(n => n.Kind == NoteKind.Highlight && NoteText.HasContent(n.Text)).ToList();
        var shown = visit.Concat(after).ToList();
        var statuses = leadStatuses.Select(s => s.Of(team.Id, today)).FirstOrDefault() ?? LeadStatuses.None;
        var leads = shown.Where(f => !string.IsNullOrWhiteSpace(f.HandedOverTo))
            .Select(f => new LeadFact($"{f.Unit}：{BriefFormat.Trimmed(f.Description)}（{f.Code}）", f.HandedOverTo!) { Status = statuses.ByFinding.GetValueOrDefault(f.Id) })
            .Concat(teamNotes.Where(n => n.Kind == NoteKind.Tip && !string.IsNullOrWhiteSpace(n.TipSubject))
                .Select(n => new LeadFact(IdentityScrubber.Scrub(n.TipSubject!), IdentityScrubber.Scrub(n.TipHandling ?? "")) { Status = statuses.ByNote.GetValueOrDefault(n.Id) }))
            .ToList();
        var cities = CountRules.CitiesExtendedTo(team.Region, itinerary, visit.Where(f => CountRules.IsVisitDay(teamFacts, f.Day)));
        return new VisitFacts(teamFacts, team.VisitFrom, team.VisitTo, counts, cities, visit, [.. highlights.Where(n => !n.Covert).Select(ToFact)], leads, PlanDue(team, today))
        {
            CovertHighlights = highlights.Count(n => n.Covert),
            AfterVisit = after,
            Written = today,
            Settings = settings,
        };
    }

    /// <summary>
    /// The day with records (findings, items closed or extended, notes, itinerary items) nearest to <paramref name="day"/>, not after
    /// <paramref name="latest"/> and other than <paramref name="day"/> itself; the earlier on a tie. Null when the team
    /// has recorded nothing. Reads the team's records: it is asked only when a day turned out to be empty.
    /// </summary>
    public DateOnly? NearestDayWithRecords(Team team, DateOnly day, DateOnly latest)
    {
        DateOnly Local(DateTime utc) => DateOnly.FromDateTime(TimeZones.ToLocal(utc, team.Zone));
        var teamFindings = FindingCounts.Counted(findings.OfTeam(team.Id)).ToList();
        var days = teamFindings.Select(f => f.Day)
            .Concat(teamFindings.Where(f => f.VerifiedUtc is not null).Select(f => Local(f.VerifiedUtc!.Value)))
            .Concat(teamFindings.SelectMany(f => f.DeadlineChanges.Where(c => c.From is not null).Select(c => Local(c.TimeUtc))))
            .Concat(notes.OfTeam(team.Id).Select(n => n.Day))
            .Concat(schedule.OfTeam(team.Id).Select(i => Local(i.StartUtc)))
            .Where(d => d <= latest && d != day)
            .Distinct();
        return days.OrderBy(d => Math.Abs(d.DayNumber - day.DayNumber)).ThenBy(d => d).Cast<DateOnly?>().FirstOrDefault();
    }

    /// <summary>Whether the team has recorded anything at all (a finding, a note or an itinerary item).</summary>
    /// <summary>The date by which the province must submit its rectification plan, as the feedback written today names it.</summary>
    public DateOnly PlanDue(Team team, DateOnly today) => (team.VisitTo < today ? today : team.VisitTo).AddDays(options.Value.PlanDueDays);

    public bool AnyRecords(Team team) =>
        findings.OfTeam(team.Id).Count > 0 || notes.OfTeam(team.Id).Count > 0 || schedule.Any(team.Id);

    /// <summary>A finding as the brief may show it: every free text scrubbed of identities; its rectification status.</summary>
    public static FindingFact ToFact(Finding f) => new(
        f.Id, f.Code, f.Aspect, f.Sector, IdentityScrubber.ScrubOrNull(f.SectorOther), f.Severity, f.Method, f.Covert,
        IdentityScrubber.Scrub(f.Unit), IdentityScrubber.Scrub(f.City), IdentityScrubber.ScrubOrNull(f.Place),
        IdentityScrubber.Scrub(f.Description), IdentityScrubber.ScrubOrNull(f.Basis), IdentityScrubber.ScrubOrNull(f.ResponsibleUnit),
        f.Deadline, f.FixedOnSpot, IdentityScrubber.ScrubOrNull(f.HandedOverTo), f.Day)
    {
        Status = f.Status,
    };

    private static NoteFact ToFact(Note n) => new(n.Id, n.Kind, n.AuthorName, IdentityScrubber.Scrub(n.Text)) { Covert = n.Covert };

    /// <summary>The team's findings closed on the day, and the deadlines extended on it (from the first move's old deadline to the last move's new one).</summary>
    private (List<FindingFact> Closed, List<ExtensionFact> Extended) FollowUpOn(Team team, DateOnly day)
    {
        var zone = team.Zone;
        var closed = new List<FindingFact>();
        var extended = new List<ExtensionFact>();
        foreach (var f in FindingCounts.Counted(findings.OfTeam(team.Id)))
        {
            var fact = (FindingFact?)null;
            if (f.Status == RectificationStatus.Closed && f.VerifiedUtc is { } verified && DateOnly.FromDateTime(TimeZones.ToLocal(verified, zone)) == day)
            {
                fact = ToFact(f);
                closed.Add(fact);
            }

            // Moved more than once that day: from the day's first old deadline to its last new one.
            var moves = f.DeadlineChanges.Where(c => c.From is not null && DateOnly.FromDateTime(TimeZones.ToLocal(c.TimeUtc, zone)) == day).OrderBy(c => c.TimeUtc).ToList();
            if (moves.Count > 0 && moves[0].From != moves[^1].To)
            {
                extended.Add(new ExtensionFact(fact ?? ToFact(f), moves[0].From, moves[^1].To));
            }
        }

        return (closed, extended);
    }

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
                i.IsCovert ? null : IdentityScrubber.ScrubOrNull(i.Title), i.IsCovert ? null : IdentityScrubber.ScrubOrNull(i.Place), i.IsCovert);
        })];
    }
}
