using Assistant.Core.Teams;

namespace Assistant.Core.Findings;

/// <summary>
/// What a capability above Findings does when the finding flow turns a draft into a finding (saved on its own, or
/// saved and merged into the finding it repeats): Notes marks the note the draft came from. Findings knows no note.
/// </summary>
public interface IFindingCreatedHandler
{
    void Created(FindingDraft draft, Member author, Finding finding);
}
