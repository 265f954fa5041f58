using Assistant.Core.Teams;

namespace Assistant.Core.Findings.Duplicates;

/// <summary>
/// On the card of a finding merged into another (<c>/finding G7-012</c>, which says "已并入G7-004"): a button that
/// opens the one it was merged into, for a reader who may see that one.
/// </summary>
public sealed class MergeCardSection(FindingStore store) : IFindingCardSection
{
    public string Html(Texts t, Finding finding, DateOnly today) => "";

    public IReadOnlyList<IReadOnlyList<Button>> Buttons(Texts t, Finding finding, Member reader)
    {
        if (finding.MergedIntoId is not { } id || store.Get(id) is not { } into || !FindingVisibility.CanSee(reader, into))
        {
            return [];
        }

        return [[new Button(t.Format("merge.open_target", into.Code), $"fd:v:{into.Id.ToString(CultureInfo.InvariantCulture)}")]];
    }
}
