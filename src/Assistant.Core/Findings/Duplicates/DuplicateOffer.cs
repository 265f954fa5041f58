using Assistant.Core.Conversations;
using Assistant.Core.Teams;

namespace Assistant.Core.Findings.Duplicates;

/// <summary>
/// What the finding flow's review card needs to catch a duplicate at save, in one place so the flow adds one text
/// and one button: <see cref="For"/> gives the card's line ("与本组已记录的G7-004相似…") and a choice per finding the
/// draft may be added to; <see cref="Accept"/> takes that choice and saves the draft as further evidence of it
/// (<see cref="FindingMerger.SaveInto"/>: numbered, merged at once, nothing lost). Only a new finding is checked
/// (an edit is merged with <c>/merge</c>), only by someone who may record findings, and only findings they may see
/// are named.
/// </summary>
public sealed class DuplicateOffer(DuplicateDetector detector, FindingMerger merger)
{
    /// <summary>The choice value's prefix: dup:ID:REVISION.</summary>
    public const string ChoicePrefix = "dup:";

    /// <summary>The review card's line and choices, or null when nothing recorded looks like the draft.</summary>
    public (string Html, IReadOnlyList<Choice> Choices)? For(Texts t, Member author, FindingDraft draft, bool complete)
    {
        if (draft.EditingFindingId is not null || !AccessPolicy.Allows(author.Role, Permission.LogFindings))
        {
            return null;
        }

        var candidates = detector.Check(author, DuplicateProbe.Of(draft));
        if (candidates.Count == 0)
        {
            return null;
        }

        var html = new StringBuilder();
        var choices = new List<Choice>();
        foreach (var candidate in candidates)
        {
            var f = candidate.Finding;
            html.Append(html.Length == 0 ? "" : "\n").Append(t.Format("duplicates.offer",
                f.Code, f.AuthorName, FindingCard.Date(t, f.Day), candidate.Evidence.Describe(t)));
            if (FindingMerger.CheckSaveInto(author, draft, complete, f) is null)
            {
                choices.Add(new Choice(t.Format("duplicates.add_to", f.Code),
                    string.Create(CultureInfo.InvariantCulture, $"{ChoicePrefix}{f.Id}:{f.Revision}")));
            }
        }

        html.Append('\n').Append(t[choices.Count > 0 ? "duplicates.offer_hint" : "duplicates.offer_no_merge"]);
        return (html.ToString(), choices);
    }

    /// <summary>
    /// Saves the draft into the finding its choice names (every rule checked again); null when the value is no such
    /// choice. Call inside the update's transaction; the flow links a note to <see cref="MergeOutcome.Merged.Source"/>.
    /// </summary>
    public MergeOutcome? Accept(Team team, Member author, FindingDraft draft, bool complete, string? choice, DateOnly day, DateTime utcNow)
    {
        if (choice is null || !choice.StartsWith(ChoicePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = choice[ChoicePrefix.Length..].Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? merger.SaveInto(team, author, draft, complete, day, id, revision, utcNow)
            : null;
    }
}
