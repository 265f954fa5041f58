using Assistant.Core.Summaries.Documents;

namespace Assistant.Core.Summaries;

/// <summary>A written brief: the document, which writer wrote it, and why the offline writer stood in (null when it did not).</summary>
public sealed record WrittenBrief(BriefDocument Document, string Writer, string? FallbackReason);

/// <summary>Where a brief written in parts is: part <see cref="Part"/> of <see cref="Parts"/> is being written.</summary>
public sealed record BriefProgress(int Part, int Parts);

/// <summary>Writes the daily brief and the feedback report from their facts.</summary>
public interface IBriefWriter
{
    /// <summary>"offline", or "model:NAME".</summary>
    string Name { get; }

    /// <summary>Whether writing takes long enough for the chat to show that it is under way (a model writes).</summary>
    bool TakesTime { get; }

    /// <summary>Writes the day's brief; a brief written in parts reports each part to <paramref name="progress"/>.</summary>
    Task<WrittenBrief> DailyAsync(DayFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Writes the visit's feedback; written in parts, it reports each part to <paramref name="progress"/>.</summary>
    Task<WrittenBrief> FeedbackAsync(VisitFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>The offline writer behind the common interface.</summary>
public sealed class OfflineWriter : IBriefWriter
{
    public string Name => OfflineBriefWriter.Name;

    public bool TakesTime => false;

    public Task<WrittenBrief> DailyAsync(DayFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken) =>
        Write(BriefKinds.Daily, facts, t);

    public Task<WrittenBrief> FeedbackAsync(VisitFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken) =>
        Write(BriefKinds.Feedback, facts, t);

    private Task<WrittenBrief> Write<TFacts>(BriefKind<TFacts> kind, TFacts facts, Texts t) =>
        Task.FromResult(new WrittenBrief(kind.Write(facts, t, NarrativeSet.None.Written), Name, null));
}
