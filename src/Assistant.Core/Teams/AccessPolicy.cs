using System.Collections.Frozen;

namespace Assistant.Core.Teams;

/// <summary>What an action needs. Checked on every command and every button, not only by hiding buttons.</summary>
public enum Permission
{
    /// <summary>help, lang, cancel: anyone admitted.</summary>
    Basics,
    ViewSchedule,
    EditSchedule,
    LogFindings,
    ViewTeamFindings,
    EditAnyFinding,
    ViewCovertFindings,
    InviteMembers,
    InviteCoordinators,
    LinkGroup,
    ViewLedger,
    UpdateRectification,
    VerifyRectification,
    ManageDeadlines,
    ViewSummary,
    WriteReport,
    Export,
    ManageTeams,
}

/// <summary>The role → permission table. One place, so a reviewer can read the whole policy at once.</summary>
public static class AccessPolicy
{
    private static readonly FrozenDictionary<Role, FrozenSet<Permission>> Table = new Dictionary<Role, FrozenSet<Permission>>
    {
        [Role.Leader] = Enum.GetValues<Permission>().Where(p => p != Permission.ManageTeams).ToFrozenSet(),
        [Role.Liaison] = Enum.GetValues<Permission>().Where(p => p != Permission.ManageTeams).ToFrozenSet(),
        [Role.Member] = new[]
        {
            Permission.Basics, Permission.ViewSchedule, Permission.LogFindings, Permission.ViewTeamFindings,
            Permission.ViewLedger, Permission.UpdateRectification, Permission.VerifyRectification, Permission.ViewSummary,
        }.ToFrozenSet(),
        [Role.Contact] = new[]
        {
            Permission.Basics, Permission.ViewLedger, Permission.UpdateRectification,
        }.ToFrozenSet(),
    }.ToFrozenDictionary();

    private static readonly FrozenSet<Permission> AdminPermissions = new[]
    {
        Permission.Basics, Permission.ManageTeams, Permission.InviteMembers, Permission.InviteCoordinators,
    }.ToFrozenSet();

    public static bool Allows(Role role, Permission permission) => Table[role].Contains(permission);

    /// <summary>Whether the person (a member, an administrator, or both) holds the permission.</summary>
    public static bool Allows(Member? member, bool isAdmin, Permission permission) =>
        (member is not null && Allows(member.Role, permission)) || (isAdmin && AdminPermissions.Contains(permission));

    /// <summary>The roles an inviter may hand out.</summary>
    public static bool MayInvite(Role? inviterRole, bool isAdmin, Role invited) =>
        isAdmin
        || (inviterRole == Role.Leader)
        || (inviterRole == Role.Liaison && invited is Role.Member or Role.Contact);

    /// <summary>The roles that hold a permission, for "this needs …" answers.</summary>
    public static IReadOnlyList<Role> RolesWith(Permission permission) =>
        Enum.GetValues<Role>().Where(r => Allows(r, permission)).ToList();
}
