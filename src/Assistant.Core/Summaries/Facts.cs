using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;

namespace Assistant.Core.Summaries;

/// <summary>The team as a brief names it.</summary>
public sealed record TeamFacts(int Id, string Name, string Code, string Region, DateOnly VisitFrom, DateOnly VisitTo)
{
    /// <summary>The year of the special campaign the third aspect names ("重大事故隐患专项排查整治2023行动"): the visit's.</summary>
    public int CampaignYear => VisitFrom.Year;
}

/// <summary>What to do with findings recorded after the visit's last day in the feedback.</summary>
public enum AfterVisitFindings
{
    /// <summary>In a part of their own (the last group of the problems, and their own annex), never mixed with the visit's.</summary>
    Separate,

    /// <summary>Left out of the feedback (the ledger and /stats still have them).</summary>
    Omit,
}

/// <summary>The settings a document is written with (from <see cref="SummaryOptions"/> and the team's entry there).</summary>
/// <param name="SubmitTo">The 报送 line's addressees, or null for none.</param>
/// <param name="CopyTo">The 抄送 line's addressees, or null for none.</param>
/// <param name="ExcerptLength">The longest a note's excerpt in a brief may be, in characters (cut at a sentence boundary).</param>
/// <param name="FindingNumbersInFeedback">Whether the feedback's body names finding numbers (the annex always does).</param>
/// <param name="AfterVisit">Findings recorded after the visit: in a part of their own, or left out.</param>
public sealed record DocumentSettings(string? SubmitTo, string? CopyTo, int ExcerptLength, bool FindingNumbersInFeedback, AfterVisitFindings AfterVisit)
{
    public static DocumentSettings Default { get; } = new("国务院安委会办公室", null, 150, false, AfterVisitFindings.Separate);
}

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
    DateOnly Day)
{
    /// <summary>Where its rectification stands (the ledger's status).</summary>
    public RectificationStatus Status { get; init; } = RectificationStatus.Open;

    public bool Closed => Status == RectificationStatus.Closed;
}

/// <summary>A deadline moved on the day of a brief: from, to.</summary>
public sealed record ExtensionFact(FindingFact Finding, DateOnly? From, DateOnly To);

/// <summary>A note a brief summarises (tips never: see <see cref="TipFact"/>); its text already scrubbed of identities.</summary>
public sealed record NoteFact(int Id, NoteKind Kind, string Author, string Text)
{
    /// <summary>
    /// Written on a covert visit (<see cref="Note.Covert"/>): listed only in the brief's appendix, marked as such, with the
    /// sensitivity line; never in a narrative part, so never in a model's prompt.
    /// </summary>
    public bool Covert { get; init; }
}

/// <summary>A tip as a brief may show it: how it came, what it reports, how it was handled. Never who sent it.</summary>
public sealed record TipFact(int Id, TipChannel? Channel, string? Subject, string? Handling)
{
    /// <summary>
    /// Its questions were answered (what it reports and how it was handled): a tip left half-done (the questions
    /// cancelled) is counted as received but not listed, so a document never carries a placeholder for it.
    /// </summary>
    public bool Recorded => !string.IsNullOrWhiteSpace(Subject) && !string.IsNullOrWhiteSpace(Handling);
}

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

    /// <summary>The brief's number (第N期): see <see cref="CountRules.IssueNumber"/>.</summary>
    public int IssueNumber { get; init; } = 1;

    /// <summary>Findings of any day verified and closed (销号) on this day.</summary>
    public IReadOnlyList<FindingFact> Closed { get; init; } = [];

    /// <summary>Deadlines extended on this day.</summary>
    public IReadOnlyList<ExtensionFact> Extended { get; init; } = [];

    public DocumentSettings Settings { get; init; } = DocumentSettings.Default;

    /// <summary>Whether anything was recorded for the day (findings, notes, tips, itinerary, counts set, items closed or extended): else a brief would be empty.</summary>
    public bool HasRecords => Findings.Count > 0 || Notes.Count > 0 || Tips.Count > 0 || Today.Count > 0 || Counts.Tallied.Count > 0
        || Closed.Count > 0 || Extended.Count > 0;
}

/// <summary>A lead handed over to the local side: a finding or a tip, and to whom or how; its status when leads are followed.</summary>
public sealed record LeadFact(string What, string HandedTo)
{
    public LeadStatus? Status { get; init; }
}

/// <summary>
/// Everything the feedback report is written from. <see cref="Findings"/> are those recorded up to the visit's
/// last day; <see cref="AfterVisit"/> those recorded later (empty when the settings leave them out);
/// <see cref="Counts"/> add up the visit's days; <see cref="Cities"/> follow <see cref="CountRules.CitiesExtendedTo"/>.
/// </summary>
public sealed record VisitFacts(
    TeamFacts Team,
    DateOnly From,
    DateOnly To,
    ActivityCounts Counts,
    IReadOnlyList<string> Cities,
    IReadOnlyList<FindingFact> Findings,
    IReadOnlyList<NoteFact> Highlights,
    IReadOnlyList<LeadFact> Leads,
    DateOnly PlanDue)
{
    /// <summary>Findings recorded after the visit's last day (shown apart, or left out by the settings).</summary>
    public IReadOnlyList<FindingFact> AfterVisit { get; init; } = [];

    /// <summary>Highlights noted on covert visits: left out of the feedback (the liaison is told how many).</summary>
    public int CovertHighlights { get; init; }

    /// <summary>The day the feedback is dated (the day it was written, team time).</summary>
    public DateOnly Written { get; init; }

    public DocumentSettings Settings { get; init; } = DocumentSettings.Default;
}
