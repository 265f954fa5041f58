using Assistant.Core.Dispatching;
using Assistant.Core.General;

namespace Assistant.Core.Teams;

/// <summary>
/// /start CODE: joins a team with an invitation (in a private chat; a code sent in a group is never tried there).
/// /start alone greets a member. Wrong codes are counted by <see cref="CodeGuessing"/>: after too many, the sender
/// is told to wait and no code is tried until the wait is over.
/// </summary>
public sealed class StartCommand(InvitationService invitations, CodeGuessing guessing, HelpRenderer help) : ICommandHandler, IDeclaresSpecs
{
    /// <summary>Not in /help. The router hands a /start with a code to it also from strangers and groups.</summary>
    public static IReadOnlyList<CommandSpec> Commands { get; } = [new("start", Permission.Basics, ChatScope.PrivateOnly, null, "/start")];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var code = command.Words.Count > 0 ? command.Words[0] : null;
        if (code is null)
        {
            context.Reply(context.T.Format("start.welcome_back", context.Member?.DisplayName ?? "") + "\n\n" + help.Render(context));
            return;
        }

        var update = context.Update;
        if (guessing.WaitUntil(update.UserId, update.ChatId, context.UtcNow) is { } until)
        {
            // A private chat is told every time (a valid code waits too); a group was told once, when the wait began.
            if (!context.InGroup)
            {
                Wait(context, until);
            }

            return;
        }

        if (context.InGroup)
        {
            // Never tried in a group (everyone there would see it), but counted: a group is no place to guess.
            if (guessing.Wrong(update.UserId, update.ChatId, context.UtcNow) is { } lockedUntil)
            {
                Wait(context, lockedUntil);
                return;
            }

            context.Reply(Both(context, "start.code_in_group"));
            return;
        }

        var language = LanguageCodes.Parse(update.LanguageCode) ?? context.Language;
        var (result, member, team) = invitations.Join(code, update.UserId, update.DisplayName, update.Username, context.Member?.Language ?? context.Language);
        var t = context.T;
        switch (result)
        {
            case JoinResult.Joined:
                guessing.Joined(update.UserId);
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
                if (guessing.Wrong(update.UserId, update.ChatId, context.UtcNow) is { } lockedUntil)
                {
                    Wait(context, lockedUntil);
                    break;
                }

                context.Reply(Both(context, "start.code_unknown"));
                break;
        }
    }

    /// <summary>Says until when (in the sender's time) no code is tried; a valid code is kept for after the wait.</summary>
    private static void Wait(UpdateContext context, DateTime untilUtc)
    {
        var minutes = (int)Math.Ceiling((untilUtc - context.UtcNow).TotalMinutes);
        var local = TimeZones.ToLocal(untilUtc, context.Zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        context.Reply(Both(context, "start.wait", local, minutes));
    }

    /// <summary>A stranger's language is unknown: they get Chinese and English; a member or an administrator their own.</summary>
    private static string Both(UpdateContext context, string key, params object[] args)
    {
        string Text(Texts t) => args.Length == 0 ? t[key] : t.Format(key, args);
        return context.Member is null && !context.IsAdmin
            ? Text(context.TextsFor(Language.Chinese)) + "\n\n" + Text(context.TextsFor(Language.English))
            : Text(context.T);
    }
}
