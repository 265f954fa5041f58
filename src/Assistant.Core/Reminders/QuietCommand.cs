using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.Reminders;

/// <summary>/quiet 22:00-07:00 sets quiet hours (team time); /quiet off removes them; /quiet shows them.</summary>
public sealed class QuietCommand(TeamStore teams) : ICommandHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
        [new("quiet", Permission.Basics, ChatScope.PrivateOnly, "help.cmd.quiet", "/quiet 22:00-07:00") { InMenu = true }];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        var t = context.T;
        if (context.Member is not { } member)
        {
            context.Reply(t["admin.no_team_hint"]);
            return;
        }

        var argument = command.Arguments.Trim();
        if (argument.Length == 0)
        {
            context.Reply(member.QuietFrom is { } f && member.QuietTo is { } to
                ? t.Format("quiet.current", f.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), to.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
                : t["quiet.none"]);
            return;
        }

        if (argument is "off" or "关闭" or "取消")
        {
            member.QuietFrom = null;
            member.QuietTo = null;
            teams.Upsert(member);
            context.Reply(t["quiet.off"]);
            return;
        }

        var parts = argument.Split(['-', '–', '~', '至', '到'], 2, StringSplitOptions.TrimEntries);
        var from = parts.Length == 2 ? TimeInput.Parse(parts[0]) : default;
        var until = parts.Length == 2 ? TimeInput.Parse(parts[1]) : default;
        if (!from.Ok || !until.Ok || from.Time == until.Time)
        {
            context.Reply(t["quiet.usage"]);
            return;
        }

        member.QuietFrom = from.Time;
        member.QuietTo = until.Time;
        teams.Upsert(member);
        context.Reply(t.Format("quiet.set", from.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), until.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
