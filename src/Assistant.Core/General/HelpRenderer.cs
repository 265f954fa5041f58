using System.Text;
using Assistant.Core.Dispatching;
using Assistant.Core.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.General;

/// <summary>Builds /help for a person: only what their role can do, in their language.</summary>
public sealed class HelpRenderer(IServiceProvider services)
{
    // Resolved lazily: the router depends on the commands, and /help lists the commands.
    private IReadOnlyList<ICommandHandler> Commands => services.GetRequiredService<Router>().Commands;

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

        foreach (var line in Commands.SelectMany(c => c.Help))
        {
            if (AccessPolicy.Allows(member, context.IsAdmin, line.Permission))
            {
                sb.Append('\n').Append(Messaging.Html.Escape(line.Usage)).Append(" — ").Append(t[line.TextKey]);
            }
        }

        if (member is { Role: not Role.Contact })
        {
            sb.Append("\n\n").Append(t["help.footer"]);
        }

        return sb.ToString();
    }
}
