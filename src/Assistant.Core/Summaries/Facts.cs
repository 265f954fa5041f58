using Assistant.Core.Findings;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;

namespace Assistant.Core.Summaries;

/// <summary>The team as a brief names it.</summary>
public sealed record TeamFacts(int Id, string Name, string Code, string Region, DateOnly VisitFrom, DateOnly VisitTo);

/// <summary>
/// An itinerary item as a brief may show it. A covert visit never carries its title or place here:
/// its target stays with the people on it, whoever reads the brief.
/// </summary>
public sealed record ItineraryFact(int Id, DateOnly Day, TimeOnly Start, TimeOnly End, EventKind Kind, string? Title, string? Place, bool Covert);

/// <summary>A finding with what a brief says of it.</summary>
public sealed record FindingFact(
    int Id,
    string Code,
    Aspect Aspect,
    Sector Sector,
    string? SectorOther,
    Severity Severity,
    Method Method,
    bool Covert,
    string Unit,
    string City,
    string? Place,
    string Description,
    string? Basis,
    string? ResponsibleUnit,
    DateOnly? Deadline,
    bool FixedOnSpot,
    string? HandedOverTo,
    DateOnly Day);

/// <summary>A note quoted in a brief (tips are never quoted: see <see cref="TipFact"/>).</summary>
public sealed record NoteFact(int Id, NoteKind Kind, string Author, string Text);

/// <summary>A tip as a brief may show it: how it came, what it reports, how it was handled. Never who sent it.</summary>
public sealed record TipFact(int Id, TipChannel? Channel, string? Subject, string? Handling);

/// <summary>
/// The day's work in numbers (方式及数量). Each count is what the liaison set with /tally, or else
/// what the day's records show; <see cref="Tallied"/> says which were set.
/// </summary>
public sealed record ActivityCounts(int Briefings, int Documents, int Interviews, int Visits, int SitesOpen, int SitesCovert, int Tips)
{
    public IReadOnlySet<TallyItem> Tallied { get; init; } = new HashSet<TallyItem>();

    public int Sites => SitesOpen + SitesCovert;

    public int Of(TallyItem item) => item switch
    {
        TallyItem.Briefings => Briefings,
        TallyItem.Documents => Documents,
        TallyItem.Interviews => Interviews,
        TallyItem.Visits => Visits,
        TallyItem.SitesOpen => SitesOpen,
        TallyItem.SitesCovert => SitesCovert,
        _ => Tips,
    };

    public static ActivityCounts operator +(ActivityCounts a, ActivityCounts b) => new(
        a.Briefings + b.Briefings, a.Documents + b.Documents, a.Interviews + b.Interviews, a.Visits + b.Visits,
        a.SitesOpen + b.SitesOpen, a.SitesCovert + b.SitesCovert, a.Tips + b.Tips);

    public static ActivityCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>Everything a daily brief is written from.</summary>
public sealed record DayFacts(
    TeamFacts Team,
    DateOnly Day,
    IReadOnlyList<ItineraryFact> Today,
    IReadOnlyList<ItineraryFact> Tomorrow,
    ActivityCounts Counts,
    IReadOnlyList<FindingFact> Findings,
    IReadOnlyList<NoteFact> Notes,
    IReadOnlyList<TipFact> Tips)
{
    public DateOnly NextDay => Day.AddDays(1);

    /// <summary>Whether anything was recorded for the day (findings, notes, tips, itinerary, counts set): else a brief would be empty.</summary>
    public bool HasRecords => Findings.Count > 0 || Notes.Count > 0 || Tips.Count > 0 || Today.Count > 0 || Counts.Tallied.Count > 0;
}

/// <summary>A lead handed over to the local side: a finding or a tip, and to whom or how.</summary>
public sealed record LeadFact(string What, string HandedTo);

/// <summary>Everything the feedback report is written from.</summary>
public sealed record VisitFacts(
    TeamFacts Team,
    DateOnly From,
    DateOnly To,
    ActivityCounts Counts,
    IReadOnlyList<string> Cities,
    IReadOnlyList<FindingFact> Findings,
    IReadOnlyList<NoteFact> Highlights,
    IReadOnlyList<LeadFact> Leads,
    DateOnly PlanDue);
