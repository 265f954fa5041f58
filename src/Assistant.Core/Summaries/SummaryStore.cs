using LiteDB;

namespace Assistant.Core.Summaries;

public enum SummaryKind
{
    Daily,
    Feedback,
}

/// <summary>
/// A written brief as it was sent: the writer, the time, the ids of its inputs and a fingerprint of
/// them, and the chat text, Markdown and Word files. A request for the same day whose inputs have
/// not changed resends this instead of writing again.
/// </summary>
public sealed class Summary
{
    public long Id { get; set; }

    public int TeamId { get; set; }

    public SummaryKind Kind { get; set; }

    /// <summary>The day of a daily brief; the day the feedback was written.</summary>
    public DateOnly Day { get; set; }

    public string Language { get; set; } = "";

    /// <summary>"offline" or "model:NAME".</summary>
    public string Writer { get; set; } = "";

    /// <summary>Why the offline writer stood in for the model, if it did.</summary>
    public string? FallbackReason { get; set; }

    public List<int> FindingIds { get; set; } = [];

    public List<int> NoteIds { get; set; } = [];

    public List<int> ScheduleIds { get; set; } = [];

    /// <summary>SHA-256 of the facts it was written from (hex).</summary>
    public string InputHash { get; set; } = "";

    public string Html { get; set; } = "";

    public string Markdown { get; set; } = "";

    public byte[] Docx { get; set; } = [];

    public long RequestedBy { get; set; }

    /// <summary>"command" or "evening".</summary>
    public string Trigger { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>1 for the first summary of its team, kind, day and language, then 2, 3, …: the files' version.</summary>
    public int Version { get; set; }

    /// <summary>Where the Word file is kept beside the database (null if it could not be written).</summary>
    public string? DocxPath { get; set; }

    /// <summary>Where the Markdown file is kept beside the database.</summary>
    public string? MarkdownPath { get; set; }

    /// <summary>Index key: team, kind, day, language.</summary>
    public string Slot { get; set; } = "";

    public static string SlotOf(int teamId, SummaryKind kind, DateOnly day, string language) =>
        FormattableString.Invariant($"{teamId}:{kind}:{day:yyyy-MM-dd}:{language}");

    /// <summary>"G7-brief-2023-11-02-zh-CN-v2": kind, day, language and version, the same on disk and in the chat.</summary>
    public string FileStem(string teamCode) =>
        FormattableString.Invariant($"{teamCode}-{(Kind == SummaryKind.Daily ? "brief" : "feedback")}-{Day:yyyy-MM-dd}-{Language}-v{Version}");
}

public sealed class SummaryStore(AssistantDatabase db)
{
    public const string CollectionName = "summaries";

    private ILiteCollection<Summary> Summaries => db.Collection<Summary>(CollectionName);

    public void Insert(Summary summary)
    {
        summary.Slot = Summary.SlotOf(summary.TeamId, summary.Kind, summary.Day, summary.Language);
        Summaries.Insert(summary);
    }

    /// <summary>How many summaries of a team's day (or feedback) in a language were written before: the next one's version less one.</summary>
    public int VersionsOf(int teamId, SummaryKind kind, DateOnly day, string language) =>
        Summaries.Find(Where.Eq(nameof(Summary.Slot), Summary.SlotOf(teamId, kind, day, language))).Select(s => s.Version).DefaultIfEmpty(0).Max();

    /// <summary>The newest summary of a team's day (or feedback) in a language, if any.</summary>
    public Summary? Latest(int teamId, SummaryKind kind, DateOnly day, string language) =>
        Summaries.Find(Where.Eq(nameof(Summary.Slot), Summary.SlotOf(teamId, kind, day, language))).MaxBy(s => s.Id);

    public IReadOnlyList<Summary> OfTeam(int teamId) =>
        Summaries.Find(Where.Eq(nameof(Summary.TeamId), teamId)).OrderBy(s => s.Id).ToList();

    public static void EnsureSchema(ILiteDatabase database)
    {
        SchemaSetup.EnsureIndexes(database, CollectionName, FieldIndex.On(nameof(Summary.Slot)), FieldIndex.On(nameof(Summary.TeamId)));
    }
}
