using Assistant.Core.Dispatching;

namespace Assistant.Core.Teams;

/// <summary>/members: who is in the team and in which role (leader and liaison).</summary>
public sealed class MembersCommand(TeamStore teams) : ICommandHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
        [new("members", Permission.InviteMembers, ChatScope.PrivateOnly, "help.cmd.members", "/members")];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var t = context.T;
        if (context.Team is null)
        {
            context.Reply(t["admin.no_team_hint"]);
            return;
        }

        var sb = new StringBuilder(t.Format("members.title", context.Team.Name));
        foreach (var member in teams.MembersOf(context.Team.Id))
        {
            sb.Append('\n').Append(t.Format("members.line", member.DisplayName, t[member.Role.CatalogKey()], member.Organization is null ? "" : " · " + member.Organization));
        }

        context.Reply(sb.ToString());
    }
}
