using Assistant.Core.Findings;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;

namespace Assistant.Core.Summaries;

/// <summary>
/// The one definition of every count the brief, the feedback, its annex and <c>/stats</c> state. Each document
/// section and the statistics call these; none counts on its own.
/// <list type="bullet">
/// <item>A <b>day of the visit</b> is a day from the team's first to its last visit day, both included.</item>
/// <item>A <b>finding of the visit</b> was recorded on or before the visit's last day; a later one is an
/// <b>after-visit finding</b> and is reported apart (or left out).</item>
/// <item>A <b>unit checked covertly</b> (暗访单位) on a day is a distinct unit named on a covert finding of that day; a
/// <b>unit checked openly on site</b> (明查单位) is a distinct unit named on an open on-site finding of that day and
/// not checked covertly that day; a <b>unit visited</b> (走访问询) is a distinct unit named on a finding made by
/// visits and inquiries. Units are the same when their names are, ignoring spaces.</item>
/// <item><b>Briefings</b> are the day's kick-off meetings and briefings on the itinerary; <b>documents reviewed</b> and
/// <b>interviews</b> are the day's notes of that kind plus findings made that way; <b>tips</b> are the day's tip notes.</item>
/// <item>The liaison's <c>/tally</c> for a day replaces the count it sets, for that day.</item>
/// <item>The visit's counts are the sum of its days' counts, up to today.</item>
/// <item>A <b>city extended to</b> is a prefecture-level city (see <see cref="Prefectures"/>) other than the provincial
/// capital that the team met or checked during the visit: named by the place or title of an itinerary item (travel
/// left out) or by the city of a finding of the visit.</item>
/// <item>The <b>issue number</b> of a brief (第N期) is the day's number in the visit: its first day is 第1期.</item>
/// <item>Counts by severity, aspect, sector and status: <see cref="FindingCounts"/>.</item>
/// <item>A finding merged into another as its duplicate counts nowhere, in no count above either (units, methods,
/// cities): the one it was merged into stands for both (<see cref="FindingCounts.IsCounted"/>).</item>
/// </list>
/// </summary>
public static class CountRules
{
    public static bool IsVisitDay(TeamFacts team, DateOnly day) => day >= team.VisitFrom && day <= team.VisitTo;

    /// <summary>Recorded after the visit's last day.</summary>
    public static bool IsAfterVisit(TeamFacts team, DateOnly findingDay) => findingDay > team.VisitTo;

    /// <summary>The visit's days up to <paramref name="today"/> (none before the visit starts).</summary>
    public static IEnumerable<DateOnly> VisitDaysUntil(TeamFacts team, DateOnly today)
    {
        var to = team.VisitTo < today ? team.VisitTo : today;
        for (var day = team.VisitFrom; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>第N期: the day's number in the visit (the first day is 1; a day before it is 1 too).</summary>
    public static int IssueNumber(TeamFacts team, DateOnly day) => Math.Max(1, day.DayNumber - team.VisitFrom.DayNumber + 1);

    /// <summary>A unit's name as counts compare it: without spaces.</summary>
    public static string UnitKey(string unit) => string.Concat(unit.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Distinct units named on covert findings.</summary>
    public static int CovertUnits(IEnumerable<FindingFact> dayFindings) => CovertUnitKeys(dayFindings).Count;

    /// <summary>Distinct units named on open on-site findings and not checked covertly among the same findings.</summary>
    public static int OpenSites(IEnumerable<FindingFact> dayFindings)
    {
        var list = dayFindings.ToList();
        var covert = CovertUnitKeys(list);
        return list.Where(f => !f.Covert && f.Method == Method.OnSiteInspection).Select(f => UnitKey(f.Unit))
            .Where(u => u.Length > 0 && !covert.Contains(u)).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>Distinct units named on open findings made by visits and inquiries.</summary>
    public static int VisitedUnits(IEnumerable<FindingFact> dayFindings) =>
        dayFindings.Where(f => !f.Covert && f.Method == Method.VisitsInquiries).Select(f => UnitKey(f.Unit))
            .Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// The day's work in numbers: each count what <paramref name="tally"/> sets, else what the records show (see the
    /// class summary). <paramref name="noteKinds"/> are the kinds of the day's notes (undone ones left out).
    /// </summary>
    public static ActivityCounts Day(IReadOnlyList<FindingFact> dayFindings, IReadOnlyList<NoteKind> noteKinds, IReadOnlyList<ItineraryFact> itinerary, DayTally? tally)
    {
        var derived = new Dictionary<TallyItem, int>
        {
            [TallyItem.Briefings] = itinerary.Count(i => i.Kind is EventKind.KickOffMeeting or EventKind.Briefing),
            [TallyItem.Documents] = noteKinds.Count(k => k == NoteKind.DocumentReview) + dayFindings.Count(f => f.Method == Method.ReviewingDocuments),
            [TallyItem.Interviews] = noteKinds.Count(k => k == NoteKind.Interview) + dayFindings.Count(f => f.Method == Method.Interviews),
            [TallyItem.Visits] = VisitedUnits(dayFindings),
            [TallyItem.SitesOpen] = OpenSites(dayFindings),
            [TallyItem.SitesCovert] = CovertUnits(dayFindings),
            [TallyItem.Tips] = noteKinds.Count(k => k == NoteKind.Tip),
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

    /// <summary>
    /// The cities extended to, in the order the team first went there: prefecture-level cities other than the
    /// capital named by the visit's itinerary (places and titles; travel left out) or by its findings' cities.
    /// </summary>
    public static IReadOnlyList<string> CitiesExtendedTo(string region, IEnumerable<ItineraryFact> visitItinerary, IEnumerable<FindingFact> visitFindings)
    {
        var capital = Prefectures.CapitalOf(region);
        var named = new List<(DateOnly Day, TimeOnly Time, string City)>();
        foreach (var item in visitItinerary.Where(i => i.Kind != EventKind.Travel))
        {
            if ((Prefectures.Of(item.Place, region) ?? Prefectures.Of(item.Title, region)) is { } city)
            {
                named.Add((item.Day, item.Start, city));
            }
        }

        foreach (var f in visitFindings)
        {
            if ((Prefectures.Of(f.City, region) ?? Prefectures.Of(f.Place, region)) is { } city)
            {
                named.Add((f.Day, TimeOnly.MaxValue, city));
            }
        }

        return [.. named.OrderBy(n => n.Day).ThenBy(n => n.Time).Select(n => n.City).Where(c => c != capital).Distinct(StringComparer.Ordinal)];
    }

    private static HashSet<string> CovertUnitKeys(IEnumerable<FindingFact> findings) =>
        findings.Where(f => f.Covert).Select(f => UnitKey(f.Unit)).Where(u => u.Length > 0).ToHashSet(StringComparer.Ordinal);
}
