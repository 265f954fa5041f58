using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.General;

/// <summary>Builds /help for a person: only what their role can do, in their language.</summary>
public sealed class HelpRenderer(CommandTable commands)
{
    public string Render(UpdateContext context) => Render(context, context.Member, context.Team);

    public string Render(UpdateContext context, Member? member, Team? team)
    {
        var t = context.T;
        var sb = new StringBuilder();
        if (member is not null && team is not null)
        {
            sb.Append(t.Format("help.header", team.Name, team.Region, t[member.Role.CatalogKey()]));
        }
        else
        {
            sb.Append(t["help.header_admin"]);
        }

        foreach (var spec in commands.HelpFor(member, context.IsAdmin))
        {
            sb.Append('\n').Append(Messaging.Html.Escape(spec.Usage)).Append(" — ").Append(t[spec.HelpKey!]);
        }

        if (member is { Role: not Role.Contact })
        {
            sb.Append("\n\n").Append(t["help.footer"]);
        }

        return sb.ToString();
    }
}
