using Assistant.Core.Dispatching;
using Assistant.Core.General;
using Assistant.Core.Localization;

namespace Assistant.Core.Teams;

/// <summary>/start CODE: joins a team with an invitation. /start alone greets a member.</summary>
public sealed class StartCommand(InvitationService invitations, HelpRenderer help) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["start"];

    public Permission Permission => Permission.Basics;

    public ChatScope Scope => ChatScope.PrivateOnly;

    public IReadOnlyList<HelpLine> Help { get; } = [];

    public void Handle(UpdateContext context, CommandLine command)
    {
        var code = command.Words.Count > 0 ? command.Words[0] : null;
        if (code is null)
        {
            context.Reply(context.T.Format("start.welcome_back", context.Member?.DisplayName ?? "") + "\n\n" + help.Render(context));
            return;
        }

        var update = context.Update;
        var language = LanguageCodes.Parse(update.LanguageCode) ?? context.Language;
        var (result, member, team) = invitations.Join(code, update.UserId, update.DisplayName, update.Username, context.Member?.Language ?? context.Language);
        var t = context.T;
        switch (result)
        {
            case JoinResult.Joined:
                context.UseLanguage(member!.Language);
                t = context.T;
                context.Reply(t.Format("start.joined", team!.Name, team.Region, t[member.Role.CatalogKey()])
                    + "\n\n" + help.Render(context, member, team));
                if (language != member.Language)
                {
                    context.Reply(context.TextsFor(language)["start.language_hint"]);
                }

                break;
            case JoinResult.AlreadyMember:
                context.Reply(t.Format("start.already_member", team!.Name));
                break;
            case JoinResult.MemberOfOtherTeam:
                context.Reply(t.Format("start.other_team", team?.Name ?? "?"));
                break;
            case JoinResult.Expired:
                context.Reply(t["start.code_expired"]);
                break;
            case JoinResult.UsedUp:
                context.Reply(t["start.code_used"]);
                break;
            default:
                context.Reply(context.Member is null && !context.IsAdmin ? t["start.code_unknown"] + "\n\n" + context.TextsFor(Language.English)["start.code_unknown"] : t["start.code_unknown"]);
                break;
        }
    }
}
