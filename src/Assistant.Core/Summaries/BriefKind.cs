using Assistant.Core.Summaries.Documents;

namespace Assistant.Core.Summaries;

/// <summary>
/// A kind of document, described once: everything that differs between the daily brief and the feedback. Its
/// narrative document (which prompt a model is asked with), its narrative parts and the notes each is written from
/// (<see cref="NarrativePlan"/>), the facts a narrative writer may state besides the notes, the findings whose units
/// it may name (and whose covert units it must never name), the document's settings, and how the document is composed
/// from the facts around the narrative parts; and which notes it may quote at all (<see cref="NoteText.Quotable"/>: the
/// same for the plan, the narratives and the appendix, so a note of emoji alone is in none of them). Both writers run the same pipeline over it: facts → <see cref="Job"/> →
/// narratives (offline, or a model's with the offline text for each part it did not write) → <see cref="Write"/>.
/// </summary>
public sealed record BriefKind<TFacts>(
    NarrativeDocument Document,
    Func<TFacts, IReadOnlyList<NarrativeRequest>> Plan,
    Func<TFacts, Texts, IReadOnlyList<string>> FactLines,
    Func<TFacts, IReadOnlyList<FindingFact>> Findings,
    Func<TFacts, DocumentSettings> Settings,
    Func<TFacts, Texts, IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>>, BriefDocument> Compose,
    Func<TFacts, TFacts> Quotable)
{
    /// <summary>What a narrative writer is given for this document: its parts, its facts as labelled lines, its findings.</summary>
    public NarrativeJob Job(TFacts facts, Texts t)
    {
        facts = Quotable(facts);
        return new(Document, Plan(facts), string.Join('\n', FactLines(facts, t)), Findings(facts));
    }

    /// <summary>
    /// The document with the narrative parts given; a part of the plan not given is written offline (an empty one is
    /// left out), then the typography tidied (<see cref="ChineseTypography"/>).
    /// </summary>
    public BriefDocument Write(TFacts facts, Texts t, IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> given)
    {
        facts = Quotable(facts);
        var plan = Plan(facts);
        var all = new OfflineNarratives(Settings(facts).ExcerptLength).WriteAll(plan.Where(r => !given.ContainsKey(r.Slot)), t).ToDictionary();
        foreach (var (slot, paragraphs) in given)
        {
            all[slot] = paragraphs;
        }

        return ChineseTypography.Tidy(Compose(facts, t, all));
    }
}

/// <summary>The daily brief (工作日报) and the feedback (反馈意见).</summary>
public static class BriefKinds
{
    /// <summary>The day's brief: its parts one per kind of note; its facts the team, the date, the work in numbers and the itinerary.</summary>
    public static BriefKind<DayFacts> Daily { get; } = new(
        NarrativeDocument.Daily, NarrativePlan.Day, DayLines, f => f.Findings, f => f.Settings, OfflineBriefWriter.ComposeDaily,
        f => f with { Notes = NoteText.Quotable(f.Notes) });

    /// <summary>The visit's feedback: its parts the assessment's opening and highlights; its facts the team, the dates, the work in numbers and the cities.</summary>
    public static BriefKind<VisitFacts> Feedback { get; } = new(
        NarrativeDocument.Feedback, NarrativePlan.Visit, VisitLines, f => [.. f.Findings, .. f.AfterVisit], f => f.Settings, OfflineBriefWriter.ComposeFeedback,
        f => f with { Highlights = NoteText.Quotable(f.Highlights) });

    private static List<string> DayLines(DayFacts f, Texts t)
    {
        var lines = new List<string>
        {
            t.Plain("facts.team", BriefPhrases.TeamLabel(t, f.Team), f.Team.Region),
            t.Plain("facts.date", BriefFormat.DayWithWeekday(t, f.Day)),
            BriefPhrases.CountsSentence(f.Counts, t) is { } counts ? t.Plain("facts.work", counts) : t["facts.work_none"],
        };
        if (f.Today.Count > 0)
        {
            lines.Add(t["facts.itinerary"]);
            lines.AddRange(f.Today.Select(i => "- " + BriefPhrases.ItineraryLine(t, i, tomorrow: false)));
        }

        return lines;
    }

    private static List<string> VisitLines(VisitFacts f, Texts t) =>
    [
        t.Plain("facts.team", BriefPhrases.TeamLabel(t, f.Team), f.Team.Region),
        t.Plain("facts.visit", BriefFormat.FullDate(t, f.From), BriefFormat.FullDate(t, f.To)),
        BriefPhrases.CountsSentence(f.Counts, t) is { } counts ? t.Plain("facts.visit_work", counts) : t["facts.work_none"],
        t.Plain("facts.cities", f.Cities.Count == 0 ? t["facts.none"] : string.Join(t["brief.list_separator"], f.Cities)),
    ];
}
