using System.Text;
using Assistant.Core.Dispatching;

namespace Assistant.Core.Teams;

/// <summary>/members: who is in the team and in which role (leader and liaison).</summary>
public sealed class MembersCommand(TeamStore teams) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["members"];

    public Permission Permission => Permission.InviteMembers;

    public ChatScope Scope => ChatScope.PrivateOnly;

    public IReadOnlyList<HelpLine> Help { get; } = [new("/members", "help.cmd.members", Permission.InviteMembers)];

    public void Handle(UpdateContext context, CommandLine command)
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
