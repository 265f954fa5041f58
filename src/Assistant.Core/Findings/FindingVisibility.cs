using Assistant.Core.Teams;

namespace Assistant.Core.Findings;

/// <summary>
/// Who may see and edit a finding. Checked on every read and every button, whatever the source of
/// the request: a team sees only its own; a covert finding only its authors (its author and the
/// authors of duplicates merged into it), the liaison and the leader; only its authors, the liaison
/// and the leader may edit, and nobody edits a finding merged into another (its authors edit that one).
/// </summary>
public static class FindingVisibility
{
    public static bool CanSee(Member viewer, Finding finding)
    {
        if (viewer.TeamId != finding.TeamId)
        {
            return false;
        }

        if (viewer.Role == Role.Contact)
        {
            // Rectification contacts see only the findings assigned to them.
            return finding.ResponsibleContactId == viewer.Id;
        }

        return !finding.Covert || IsAuthor(viewer, finding) || viewer.Role.IsCoordinator();
    }

    public static bool CanEdit(Member editor, Finding finding) =>
        editor.TeamId == finding.TeamId
        && !finding.IsMerged
        && (IsAuthor(editor, finding) || editor.Role.IsCoordinator());

    /// <summary>Its author, or the author of a duplicate merged into it.</summary>
    public static bool IsAuthor(Member member, Finding finding) =>
        member.Id == finding.AuthorId || finding.Contributors.Exists(c => c.UserId == member.Id);
}
