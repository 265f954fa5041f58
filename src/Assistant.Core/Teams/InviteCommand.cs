using Assistant.Core.Dispatching;

namespace Assistant.Core.Teams;

/// <summary>
/// /invite ROLE [USES] — a leader, liaison or administrator creates an invitation code and gets a
/// t.me link to forward. An administrator outside a team names the team: /invite leader 第七组.
/// </summary>
public sealed class InviteCommand(InvitationService invitations, TeamStore teams, BotIdentity bot) : ICommandHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
        [new("invite", Permission.InviteMembers, ChatScope.PrivateOnly, "help.cmd.invite", "/invite ROLE [N]")];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var t = context.T;
        var words = command.Words;
        if (words.Count == 0 || Roles.Parse(words[0]) is not { } role)
        {
            context.Reply(words.Count == 0 ? t["invite.usage"] : t.Format("invite.bad_role", words[0]) + "\n" + t["invite.usage"]);
            return;
        }

        var uses = 1;
        var rest = words.Skip(1).ToList();
        if (rest.Count > 0 && int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            if (n is < 1 or > InvitationService.MaxUses)
            {
                context.Reply(t.Format("invite.bad_uses", InvitationService.MaxUses));
                return;
            }

            uses = n;
            rest.RemoveAt(0);
        }

        if (rest.Count > 0 && !context.IsAdmin)
        {
            // Only an administrator names a team after the count; anything else is a bad count (-3, 10^20).
            context.Reply(t.Format("invite.bad_uses", InvitationService.MaxUses) + "\n" + t["invite.usage"]);
            return;
        }

        var team = context.Team;
        if (context.IsAdmin && rest.Count > 0)
        {
            team = teams.FindTeamByName(string.Join(' ', rest));
            if (team is null)
            {
                context.Reply(t.Format("invite.unknown_team", string.Join(' ', rest)));
                return;
            }
        }

        if (team is null)
        {
            context.Reply(t["invite.admin_needs_team"]);
            return;
        }

        if (!AccessPolicy.MayInvite(context.Member?.Role, context.IsAdmin, role))
        {
            context.Reply(t.Format("invite.not_allowed", t[role.CatalogKey()]));
            return;
        }

        var invitation = invitations.Create(team, role, context.UserId, uses);
        var expires = TimeZones.ToLocal(invitation.ExpiresUtc, team.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var link = bot.StartLink(invitation.Id);
        context.Reply(t.Format("invite.created", team.Name, t[role.CatalogKey()], new SafeHtml(Html.Code(invitation.Id)), expires, invitation.MaxUses)
            + "\n" + (link is null ? t.Format("invite.how_to_use_code", invitation.Id) : t.Format("invite.link", link)));
    }
}
