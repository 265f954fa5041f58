using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Assistant.Core.Summaries.Documents;
using Assistant.Core.Teams;

namespace Assistant.Core.Summaries;

/// <summary>
/// Writes a team's daily brief or feedback (the model writer when one is configured, else the
/// offline one), stores it with its inputs, and turns it into what a chat receives: the text, a
/// Word document and a Markdown file. When the inputs of a stored summary have not changed, that
/// summary is sent again instead of being written anew (a model's earlier fallback is retried).
/// </summary>
public sealed class SummaryService(
    FactsBuilder facts, SummaryStore store, IBriefWriter writer, TextCatalog catalog, AssistantDatabase db, DocumentFolder folder, TimeProvider time, ILogger<SummaryService> logger)
{
    public async Task<Summary> DailyAsync(Team team, DateOnly day, Language language, long requestedBy, string trigger, IProgress<BriefProgress>? progress, CancellationToken cancellationToken)
    {
        var dayFacts = facts.Day(team, day);
        var hash = Hash(dayFacts, FactsJson.Default.DayFacts);
        if (Reusable(team.Id, SummaryKind.Daily, day, language, hash) is { } stored)
        {
            return stored;
        }

        var written = await writer.DailyAsync(dayFacts, catalog.For(language), progress, cancellationToken);
        return Save(team, SummaryKind.Daily, day, language, written, hash, requestedBy, trigger,
            dayFacts.Findings.Select(f => f.Id), dayFacts.Notes.Select(n => n.Id).Concat(dayFacts.Tips.Select(t => t.Id)),
            dayFacts.Today.Concat(dayFacts.Tomorrow).Select(i => i.Id));
    }

    public async Task<Summary> FeedbackAsync(Team team, Language language, long requestedBy, IProgress<BriefProgress>? progress, CancellationToken cancellationToken)
    {
        var today = Common.TimeZones.Today(time.GetUtcNow(), team.Zone);
        var visit = facts.Visit(team, today);
        var hash = Hash(visit, FactsJson.Default.VisitFacts);
        if (Reusable(team.Id, SummaryKind.Feedback, today, language, hash) is { } stored)
        {
            return stored;
        }

        var written = await writer.FeedbackAsync(visit, catalog.For(language), progress, cancellationToken);
        return Save(team, SummaryKind.Feedback, today, language, written, hash, requestedBy, "command",
            visit.Findings.Select(f => f.Id), visit.Highlights.Select(n => n.Id), []);
    }

    /// <summary>The chat text, then the Word document and the Markdown file, named as they are kept beside the database.</summary>
    public static IReadOnlyList<OutgoingMessage> Messages(Summary summary, long chatId, string teamCode)
    {
        var name = summary.FileStem(teamCode);
        return
        [
            new OutgoingMessage { ChatId = chatId, Html = summary.Html, Purpose = "summary" },
            new OutgoingMessage { ChatId = chatId, Html = "", File = new OutgoingFile(name + ".docx", summary.Docx, SavedPath: summary.DocxPath), Purpose = "summary" },
            new OutgoingMessage { ChatId = chatId, Html = "", File = new OutgoingFile(name + ".md", Encoding.UTF8.GetBytes(summary.Markdown), SavedPath: summary.MarkdownPath), Purpose = "summary" },
        ];
    }

    private Summary? Reusable(int teamId, SummaryKind kind, DateOnly day, Language language, string hash) =>
        store.Latest(teamId, kind, day, language.Code()) is { } stored && stored.InputHash == hash && stored.FallbackReason is null ? stored : null;

    private Summary Save(Team team, SummaryKind kind, DateOnly day, Language language, WrittenBrief written, string hash, long requestedBy, string trigger,
        IEnumerable<int> findingIds, IEnumerable<int> noteIds, IEnumerable<int> scheduleIds)
    {
        var doc = written.Document;
        var summary = new Summary
        {
            TeamId = team.Id,
            Kind = kind,
            Day = day,
            Language = language.Code(),
            Writer = written.Writer,
            FallbackReason = written.FallbackReason,
            FindingIds = [.. findingIds],
            NoteIds = [.. noteIds],
            ScheduleIds = [.. scheduleIds],
            InputHash = hash,
            Html = BriefHtml.Render(doc),
            Markdown = BriefMarkdown.Render(doc),
            Docx = BriefDocx.Render(doc),
            RequestedBy = requestedBy,
            Trigger = trigger,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        summary.Version = store.VersionsOf(team.Id, kind, day, summary.Language) + 1;
        while (folder.Exists(team.Code, summary.FileStem(team.Code) + ".docx") || folder.Exists(team.Code, summary.FileStem(team.Code) + ".md"))
        {
            summary.Version++; // a file left from an earlier database: keep it, take the next version
        }

        try
        {
            summary.DocxPath = folder.Save(team.Code, summary.FileStem(team.Code) + ".docx", summary.Docx);
            summary.MarkdownPath = folder.Save(team.Code, summary.FileStem(team.Code) + ".md", Encoding.UTF8.GetBytes(summary.Markdown));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The documents still reach the chat from the database; only the copy on disk is missing.
            logger.LogError(ex, "Could not keep {Summary} in {Folder}.", summary.FileStem(team.Code), folder.Of(team.Code));
        }

        db.InTransaction(() => store.Insert(summary));
        return summary;
    }

    private static string Hash<T>(T value, JsonTypeInfo<T> json) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, json)));
}
