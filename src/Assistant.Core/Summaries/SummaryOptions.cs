namespace Assistant.Core.Summaries;

/// <summary>Settings of the <c>Summary</c> section: the evening brief, the feedback's plan date and how documents are written.</summary>
public sealed class SummaryOptions : IValidatableSettings
{
    public const string Section = "Summary";

    /// <summary>Team time at which the day's brief is sent to the leader and the liaison (HH:mm); empty: never.</summary>
    public string EveningTime { get; set; } = "21:00";

    /// <summary>Days after the visit by which the province's rectification plan is due (the feedback names the date).</summary>
    public int PlanDueDays { get; set; } = 30;

    /// <summary>The 报送 line of every brief (addressees separated by 、); empty: no line. A team's entry in <see cref="Teams"/> overrides it.</summary>
    public string SubmitTo { get; set; } = "国务院安委会办公室";

    /// <summary>The 抄送 line of every brief; empty: no line. A team's entry in <see cref="Teams"/> overrides it.</summary>
    public string CopyTo { get; set; } = "";

    /// <summary>
    /// Per team code (e.g. <c>G7</c>): its own 报送/抄送 lines. An entry's empty value means no line; a missing value
    /// takes the section's.
    /// </summary>
    public Dictionary<string, TeamDocumentOptions> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The longest excerpt of a note in a brief, in characters; notes are cut at a sentence boundary (the full text is in the .md file's appendix).</summary>
    public int NoteExcerptLength { get; set; } = 150;

    /// <summary>Whether the feedback's body names each problem's finding number (G7-012); the annex always does.</summary>
    public bool FindingNumbersInFeedback { get; set; }

    /// <summary>Findings recorded after the visit's last day: <c>Separate</c> (their own part of the feedback and their own annex) or <c>Omit</c>.</summary>
    public AfterVisitFindings AfterVisitFindings { get; set; } = AfterVisitFindings.Separate;

    public TimeOnly? EveningTimeOfDay =>
        string.IsNullOrWhiteSpace(EveningTime) ? null : TimeOnly.ParseExact(EveningTime, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The settings a team's documents are written with.</summary>
    public DocumentSettings For(string teamCode)
    {
        var team = Teams.GetValueOrDefault(teamCode);
        return new DocumentSettings(
            Line(team?.SubmitTo ?? SubmitTo), Line(team?.CopyTo ?? CopyTo), NoteExcerptLength, FindingNumbersInFeedback, AfterVisitFindings);
    }

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(EveningTime) && !TimeOnly.TryParseExact(EveningTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"Summary:EveningTime '{EveningTime}' is not a time: expected HH:mm (e.g. 21:00), or empty for no evening brief.";
        }

        if (PlanDueDays is < 1 or > 365)
        {
            yield return $"Summary:PlanDueDays {PlanDueDays} is out of range: expected 1 to 365.";
        }

        if (NoteExcerptLength is < 40 or > 2000)
        {
            yield return $"Summary:NoteExcerptLength {NoteExcerptLength} is out of range: expected 40 to 2000 characters.";
        }

        if (!Enum.IsDefined(AfterVisitFindings))
        {
            yield return $"Summary:AfterVisitFindings '{AfterVisitFindings}' is not known: expected Separate or Omit.";
        }
    }

    private static string? Line(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One team's document settings (an entry of <c>Summary:Teams</c>, keyed by the team's code).</summary>
public sealed class TeamDocumentOptions
{
    /// <summary>This team's 报送 line; empty: none; missing: the section's <c>SubmitTo</c>.</summary>
    public string? SubmitTo { get; set; }

    /// <summary>This team's 抄送 line; empty: none; missing: the section's <c>CopyTo</c>.</summary>
    public string? CopyTo { get; set; }
}
