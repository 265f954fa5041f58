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
    public static bool CanSee(Member viewer, Finding finding) => CanSee(viewer, FindingAudience.Of(finding));

    /// <summary>The same rule on the few fields it reads, for an index that keeps them without the finding.</summary>
    public static bool CanSee(Member viewer, FindingAudience finding)
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

        return !finding.Covert || finding.IsAuthor(viewer.Id) || viewer.Role.IsCoordinator();
    }

    public static bool CanEdit(Member editor, Finding finding) =>
        editor.TeamId == finding.TeamId
        && !finding.IsMerged
        && (IsAuthor(editor, finding) || editor.Role.IsCoordinator());

    /// <summary>Its author, or the author of a duplicate merged into it.</summary>
    public static bool IsAuthor(Member member, Finding finding) => FindingAudience.Of(finding).IsAuthor(member.Id);
}

/// <summary>What <see cref="FindingVisibility.CanSee(Member, FindingAudience)"/> reads of a finding: its team, whether it is covert, its authors, its rectification contact.</summary>
public readonly record struct FindingAudience(int TeamId, bool Covert, long AuthorId, long[] Contributors, long? ResponsibleContactId)
{
    public static FindingAudience Of(Finding finding) => new(
        finding.TeamId,
        finding.Covert,
        finding.AuthorId,
        finding.Contributors.Count == 0 ? [] : [.. finding.Contributors.Select(c => c.UserId)],
        finding.ResponsibleContactId);

    /// <summary>Its author, or the author of a duplicate merged into it.</summary>
    public bool IsAuthor(long userId) => userId == AuthorId || Array.IndexOf(Contributors, userId) >= 0;
}
