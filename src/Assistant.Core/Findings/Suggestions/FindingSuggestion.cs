namespace Assistant.Core.Findings.Suggestions;

/// <summary>Where a suggestion came from: the keyword rules or the model.</summary>
public enum SuggestionSource
{
    Rules,
    Model,
}

/// <summary>
/// What one text (a caption, a transcript, a note) suggests for a finding: every value is a suggestion
/// for the member to confirm. Sector, aspect and severity come only from the fixed lists; unit and place
/// are only ever spans copied from the text, never invented. Null: nothing to suggest.
/// </summary>
public sealed record FindingSuggestion
{
    /// <summary>The description: the text itself, trimmed.</summary>
    public string Description { get; init; } = "";

    public Sector? Sector { get; init; }

    public Aspect? Aspect { get; init; }

    public Severity? Severity { get; init; }

    /// <summary>The inspected unit, exactly as written in the text.</summary>
    public string? Unit { get; init; }

    /// <summary>The place (city, district…), exactly as written in the text.</summary>
    public string? Place { get; init; }

    public SuggestionSource Source { get; init; }

    /// <summary>Fills the draft's empty fields from the suggestion; what the member entered stays.</summary>
    public void FillEmpty(FindingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Sector ??= Sector;
        draft.Aspect ??= Aspect;
        draft.Severity ??= Severity;
        draft.Unit ??= Unit;
        draft.City ??= Place;
        if (draft.Description.Length == 0)
        {
            draft.Description = Description;
        }
    }
}

/// <summary>Suggests a finding's fields from one text.</summary>
public interface IFindingSuggester
{
    Task<FindingSuggestion> SuggestAsync(string text, CancellationToken cancellationToken);
}
