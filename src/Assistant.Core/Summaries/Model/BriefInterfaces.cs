using Assistant.Core.Localization;
using Assistant.Core.Summaries.Documents;

namespace Assistant.Core.Summaries;

/// <summary>A written brief: the document, which writer wrote it, and why the offline writer stood in (null when it did not).</summary>
public sealed record WrittenBrief(BriefDocument Document, string Writer, string? FallbackReason);

/// <summary>Writes the daily brief and the feedback report from their facts.</summary>
public interface IBriefWriter
{
    /// <summary>"offline", or "model:NAME".</summary>
    string Name { get; }

    Task<WrittenBrief> DailyAsync(DayFacts facts, Texts t, CancellationToken cancellationToken);

    Task<WrittenBrief> FeedbackAsync(VisitFacts facts, Texts t, CancellationToken cancellationToken);
}

/// <summary>The offline writer behind the common interface.</summary>
public sealed class OfflineWriter : IBriefWriter
{
    public string Name => OfflineBriefWriter.Name;

    public Task<WrittenBrief> DailyAsync(DayFacts facts, Texts t, CancellationToken cancellationToken) =>
        Task.FromResult(new WrittenBrief(OfflineBriefWriter.Daily(facts, t), Name, null));

    public Task<WrittenBrief> FeedbackAsync(VisitFacts facts, Texts t, CancellationToken cancellationToken) =>
        Task.FromResult(new WrittenBrief(OfflineBriefWriter.Feedback(facts, t), Name, null));
}
