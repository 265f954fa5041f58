using Assistant.Core.Findings;
using Assistant.Core.Teams;

namespace Assistant.Core.Notes;

/// <summary>A finding made from a note (its draft's <see cref="FindingDraft.NoteId"/>) marks that note, the author's own only.</summary>
public sealed class NoteFindingLink(NoteStore notes) : IFindingCreatedHandler
{
    public void Created(FindingDraft draft, Member author, Finding finding)
    {
        if (draft.NoteId is { } noteId)
        {
            notes.LinkToFinding(noteId, author.Id, finding.Id);
        }
    }
}
