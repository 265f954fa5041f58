using Assistant.Core.Conversations;

namespace Assistant.Core.Findings;

/// <summary>
/// Fields filled for the member (<see cref="FindingDraft.Suggested"/>) on the finding's card: a line naming them, and the
/// save button saying that saving confirms them. Each stays editable with its ✎ button.
/// </summary>
internal static class SuggestionsOnCard
{
    /// <summary>The line under the card naming the suggested fields; empty when there are none.</summary>
    public static string Line(Texts t, FindingDraft d) =>
        d.Suggested.Count == 0 ? "" : "\n\n" + t.Format("finding.suggested", string.Join(t["list.separator"], d.Suggested.Distinct().Select(k => t[k])));

    /// <summary>The card's save button reads "confirm the suggestions and save" while there are some.</summary>
    public static Question Relabel(Texts t, FindingDraft d, Question card)
    {
        if (d.Suggested.Count == 0 || card.Rows is null)
        {
            return card;
        }

        var label = t["finding.confirm_and_save"];
        return card with { Rows = [.. card.Rows.Select(row => row.Select(c => c.Value == "save" ? c with { Label = label } : c).ToList())] };
    }
}
