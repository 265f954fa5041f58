using Assistant.Core.Teams;

namespace Assistant.Core.Findings;

/// <summary>
/// Who may see and edit a finding. Checked on every read and every button, whatever the source of
/// the request: a team sees only its own; a covert finding only its author, the liaison and the
/// leader; only the author, the liaison and the leader may edit.
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

        return !finding.Covert || viewer.Id == finding.AuthorId || viewer.Role.IsCoordinator();
    }

    public static bool CanEdit(Member editor, Finding finding) =>
        editor.TeamId == finding.TeamId
        && (editor.Id == finding.AuthorId || editor.Role.IsCoordinator());
}
