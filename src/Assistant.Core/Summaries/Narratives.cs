using Assistant.Core.Notes;

namespace Assistant.Core.Summaries;

/// <summary>
/// The parts of a document written from notes rather than composed from records: the only parts a model may write.
/// Everything else (counts, lists, problems, deadlines, the annex) is composed by <see cref="OfflineBriefWriter"/>.
/// </summary>
public enum NarrativeSlot
{
    /// <summary>Brief, 一、当日工作情况: what the day's meetings and briefings showed.</summary>
    DayMeetings,

    /// <summary>Brief: what the day's one-to-one interviews showed.</summary>
    DayInterviews,

    /// <summary>Brief: what the documents reviewed that day showed.</summary>
    DayDocuments,

    /// <summary>Brief: good practice noted that day (notes tagged as highlights).</summary>
    DayHighlights,

    /// <summary>Brief: the day's other notes.</summary>
    DayOther,

    /// <summary>Feedback, 二、总体评价: its opening sentence.</summary>
    FeedbackOpening,

    /// <summary>Feedback, 二、总体评价: the highlights, after the opening.</summary>
    FeedbackHighlights,
}

/// <summary>What one narrative part is written from: its slot, the region, and the notes (scrubbed of identities).</summary>
public sealed record NarrativeRequest(NarrativeSlot Slot, string Region, IReadOnlyList<NoteFact> Notes);

/// <summary>The documents that have narrative parts.</summary>
public enum NarrativeDocument
{
    /// <summary>The daily brief (工作日报).</summary>
    Daily,

    /// <summary>The feedback (反馈意见).</summary>
    Feedback,
}

/// <summary>
/// What a narrative writer is given for one document (<see cref="BriefKind{TFacts}.Job"/>): its parts
/// (<see cref="NarrativePlan"/>) with the notes each is written from; the facts a writer may state besides the notes,
/// computed from the records (the team, the day or the visit, the itinerary, the work in numbers), as labelled lines;
/// and the document's findings (whose units a writer may name, and whose covert units it must never name).
/// </summary>
public sealed record NarrativeJob(NarrativeDocument Document, IReadOnlyList<NarrativeRequest> Parts, string Facts, IReadOnlyList<FindingFact> Findings);

/// <summary>
/// What a narrative writer wrote: the paragraphs of each part it wrote, as they go into the document, and for each
/// part of the job it did not write, why (the offline text stands in for that part alone).
/// </summary>
public sealed record NarrativeSet(IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> Written, IReadOnlyDictionary<NarrativeSlot, string> NotWritten)
{
    public static NarrativeSet None { get; } = new(new Dictionary<NarrativeSlot, IReadOnlyList<string>>(), new Dictionary<NarrativeSlot, string>());
}

/// <summary>
/// Writes the narrative parts of one document. The offline writer (<see cref="OfflineNarratives"/>) summarises the
/// notes by excerpts; the model writer (<c>Model/ModelNarratives</c>) asks a model, and a part it cannot write well
/// comes back with the reason, for the offline text to stand in for that part alone.
/// </summary>
public interface INarrativeWriter
{
    /// <summary>Writes the job's parts; a document written in several calls reports each to <paramref name="progress"/>.</summary>
    Task<NarrativeSet> WriteAsync(NarrativeJob job, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>Which narrative parts a document has, and from which notes.</summary>
public static class NarrativePlan
{
    /// <summary>
    /// The brief's parts, in order: one per kind of note the day has. Covert notes are in none (only in the appendix):
    /// what was written on a covert visit never reaches a model, nor the brief's body.
    /// </summary>
    public static IReadOnlyList<NarrativeRequest> Day(DayFacts facts)
    {
        NarrativeRequest Part(NarrativeSlot slot, params NoteKind[] kinds) =>
            new(slot, facts.Team.Region, [.. facts.Notes.Where(n => !n.Covert && kinds.Contains(n.Kind))]);
        return
        [
            .. new[]
            {
                Part(NarrativeSlot.DayMeetings, NoteKind.Meeting),
                Part(NarrativeSlot.DayInterviews, NoteKind.Interview),
                Part(NarrativeSlot.DayDocuments, NoteKind.DocumentReview),
                Part(NarrativeSlot.DayHighlights, NoteKind.Highlight),
                Part(NarrativeSlot.DayOther, NoteKind.General),
            }.Where(p => p.Notes.Count > 0),
        ];
    }

    /// <summary>
    /// The feedback's parts: the opening of the overall assessment (always; it has no notes of its own and draws on the
    /// highlights), then the highlights (when there are any).
    /// </summary>
    public static IReadOnlyList<NarrativeRequest> Visit(VisitFacts facts) =>
    [
        new(NarrativeSlot.FeedbackOpening, facts.Team.Region, []),
        .. facts.Highlights.Any(n => !n.Covert) ? new[] { new NarrativeRequest(NarrativeSlot.FeedbackHighlights, facts.Team.Region, [.. facts.Highlights.Where(n => !n.Covert)]) } : [],
    ];
}

/// <summary>
/// The offline narrative: the notes of a part as excerpts (each cut at a sentence boundary to the configured length,
/// quotation marks normalised, no author), after a lead-in naming the part; the highlights as 一是…；二是…。 when
/// there are two or more. Deterministic.
/// </summary>
public sealed class OfflineNarratives(int excerptLength) : INarrativeWriter
{
    public Task<NarrativeSet> WriteAsync(NarrativeJob job, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken) =>
        Task.FromResult(new NarrativeSet(WriteAll(job.Parts, t), new Dictionary<NarrativeSlot, string>()));

    public IReadOnlyList<string> Write(NarrativeRequest request, Texts t)
    {
        var english = t.Language == Language.English;
        var excerpts = request.Notes.Select(n => NoteText.Excerpt(n.Text, excerptLength, english)).Where(e => e.Length > 0).ToList();
        switch (request.Slot)
        {
            case NarrativeSlot.FeedbackOpening:
                return [t.Plain("report.opening", request.Region)];
            case NarrativeSlot.FeedbackHighlights when excerpts.Count == 1:
                return [t.Plain("report.highlight_one", BriefFormat.Trimmed(excerpts[0]))];
            case NarrativeSlot.FeedbackHighlights when excerpts.Count > 1:
                return [t.Plain("report.highlights_many", string.Concat(excerpts.Select((e, i) =>
                    BriefFormat.ItemMarker(t, i + 1) + BriefFormat.Trimmed(e) + BriefFormat.ItemEnd(t, i == excerpts.Count - 1)).Select(s => english ? s + " " : s)).TrimEnd())];
            case NarrativeSlot.FeedbackHighlights:
                return [];
            default:
                return excerpts.Count == 0 ? [] : [t.Plain("brief.narrative." + request.Slot.ToString().ToLowerInvariant(), string.Join(english ? " " : "", excerpts))];
        }
    }

    /// <summary>Every part of a plan written offline.</summary>
    public IReadOnlyDictionary<NarrativeSlot, IReadOnlyList<string>> WriteAll(IEnumerable<NarrativeRequest> plan, Texts t) =>
        plan.ToDictionary(r => r.Slot, r => Write(r, t));
}
