using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Jobs;

namespace Assistant.Core.Findings.Suggestions;

/// <summary>
/// A finding from one message: a photo with its caption, a note (typed, or a voice note's transcript) turned into a
/// finding. The draft opens already filled: the text is the description, the files are evidence, and sector, aspect,
/// severity, unit and place are suggested from the text by the keyword rules at once; what the text does not say comes
/// from the member's last finding of the day. Each is marked as a suggestion on the card. With a model configured, the
/// model's suggestions follow from a job (<see cref="SuggestionRefinement"/>) while the member has not answered yet.
/// </summary>
public sealed class FindingFromMessage(FindingStarter starter, RuleSuggester rules, IFindingSuggester suggester, ConversationEngine engine, JobStore jobs)
{
    /// <summary>
    /// Starts the flow filled from <paramref name="text"/>. <paramref name="covert"/>: the text is a note written on a covert
    /// visit, so the finding is suggested covert (暗访) too; the member may still change it on the card.
    /// </summary>
    public void Start(UpdateContext context, string text, IReadOnlyList<Evidence> evidence, int? noteId = null, bool covert = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        var draft = new FindingDraft { Evidence = [.. evidence], NoteId = noteId };
        if (covert)
        {
            draft.Covert = true;
            draft.Suggested.Add(FieldKeys.Openness);
        }

        var suggestion = rules.Suggest(text);
        Fill(draft, suggestion);
        var hadDraft = engine.OpenDraft(context.UserId) is not null;
        starter.Start(context, draft, suggestDefaults: true);
        if (!hadDraft && SuggestionRefinement.Follows(suggester, suggestion)
            && engine.OpenDraft(context.UserId) is { Flow: FindingFlow.FlowName } started)
        {
            SuggestionRefinement.Queue(jobs, started, suggestion.Description, context.UtcNow, started.Step);
        }
    }

    /// <summary>The text as the description; each value the text suggests, marked as a suggestion. True when anything changed.</summary>
    internal static bool Fill(FindingDraft draft, FindingSuggestion suggestion, bool replaceSuggested = false)
    {
        if (draft.Description.Length == 0)
        {
            draft.Description = suggestion.Description;
        }

        var changed = false;
        changed |= Suggest(draft, FieldKeys.Sector, suggestion.Sector, d => d.Sector, (d, v) => (d.Sector, d.SectorOther) = (v, null), replaceSuggested);
        changed |= Suggest(draft, FieldKeys.Aspect, suggestion.Aspect, d => d.Aspect, (d, v) => d.Aspect = v, replaceSuggested);
        changed |= Suggest(draft, FieldKeys.Severity, suggestion.Severity, d => d.Severity, (d, v) => d.Severity = v, replaceSuggested);
        changed |= Suggest(draft, FieldKeys.Unit, suggestion.Unit, d => string.IsNullOrWhiteSpace(d.Unit) ? null : d.Unit, (d, v) => d.Unit = v, replaceSuggested);
        changed |= Suggest(draft, FieldKeys.City, suggestion.Place, d => string.IsNullOrWhiteSpace(d.City) ? null : d.City, (d, v) => d.City = v, replaceSuggested);
        return changed;
    }

    private static bool Suggest<T>(FindingDraft draft, string field, T? value, Func<FindingDraft, T?> current, Action<FindingDraft, T> set, bool replaceSuggested)
    {
        var now = current(draft);
        if (value is null || Equals(now, value) || (now is not null && !(replaceSuggested && draft.Suggested.Contains(field))))
        {
            return false;
        }

        set(draft, value);
        if (!draft.Suggested.Contains(field))
        {
            draft.Suggested.Add(field);
        }

        return true;
    }
}
