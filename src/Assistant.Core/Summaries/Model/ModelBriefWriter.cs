namespace Assistant.Core.Summaries.Model;

/// <summary>
/// The brief and the feedback with a model: the model writes the narrative parts from the notes
/// (<see cref="ModelNarratives"/>); everything else (counts, lists, problems, deadlines, the annexes) is
/// composed from the records as the offline writer composes it, so the model cannot change a fact it
/// was not asked to write. A part the model did not write is the offline text, and the document's note
/// says which and why. One pipeline for both kinds: facts → job → narratives → document
/// (<see cref="BriefKind{TFacts}"/>).
/// </summary>
public sealed class ModelBriefWriter(IOptions<AiOptions> options, ModelNarratives narratives) : IBriefWriter
{
    public string Name => "model:" + options.Value.Model;

    public bool TakesTime => true;

    public Task<WrittenBrief> DailyAsync(DayFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken) =>
        WriteAsync(BriefKinds.Daily, facts, t, progress, cancellationToken);

    public Task<WrittenBrief> FeedbackAsync(VisitFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken) =>
        WriteAsync(BriefKinds.Feedback, facts, t, progress, cancellationToken);

    /// <summary>
    /// Why parts are the offline text: one reason for all ("调用模型出错（HTTP 500），以下为离线生成的文本。") when the
    /// model wrote none for the same reason; else one line naming each part and its reason. Null when nothing fell back.
    /// </summary>
    public static string? FallbackNote(NarrativeJob job, NarrativeSet set, Texts t)
    {
        if (set.NotWritten.Count == 0)
        {
            return null;
        }

        var reasons = set.NotWritten.Values.Distinct(StringComparer.Ordinal).ToList();
        var note = set.Written.Count == 0 && reasons.Count == 1
            ? t.Plain("summary.fallback.all", reasons[0])
            : string.Join(t["summary.check.separator"], job.Parts.Where(p => set.NotWritten.ContainsKey(p.Slot))
                .Select(p => t.Plain("summary.fallback.part", NarrativeCall.Label(p.Slot, t), set.NotWritten[p.Slot]))) + BriefFormat.ItemEnd(t, last: true);
        return t.Language == Language.English ? char.ToUpperInvariant(note[0]) + note[1..] : note;
    }

    private async Task<WrittenBrief> WriteAsync<TFacts>(BriefKind<TFacts> kind, TFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken)
    {
        var job = kind.Job(facts, t);
        var written = await narratives.WriteAsync(job, t, progress, cancellationToken);
        var note = FallbackNote(job, written, t);
        var document = kind.Write(facts, t, written.Written) with { Note = note };
        return new WrittenBrief(document, written.Written.Count > 0 ? Name : OfflineBriefWriter.Name, note);
    }
}
