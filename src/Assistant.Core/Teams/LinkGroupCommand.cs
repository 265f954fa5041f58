using Assistant.Core.Dispatching;

namespace Assistant.Core.Teams;

/// <summary>/linkgroup, sent in the team's Telegram group by a leader or liaison, links that group to the team.</summary>
public sealed class LinkGroupCommand(TeamStore teams, AuditLog audit) : ICommandHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
        [new("linkgroup", Permission.LinkGroup, ChatScope.Anywhere, "help.cmd.linkgroup", "/linkgroup")];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var t = context.T;
        if (!context.InGroup)
        {
            context.Reply(t["group.link_in_group"]);
            return;
        }

        var team = context.Team!;
        var owner = teams.FindTeamByGroup(context.Update.ChatId);
        if (owner is not null && owner.Id != team.Id)
        {
            context.Reply(t["group.other_team"]);
            return;
        }

        if (owner is not null)
        {
            context.Reply(t.Format("group.already_linked", team.Name));
            return;
        }

        team.GroupChatIds.Add(context.Update.ChatId);
        teams.Update(team);
        audit.Write(context.UserId, team.Id, "group.linked", context.Update.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        context.Reply(t.Format("group.linked", team.Name));
    }
}
