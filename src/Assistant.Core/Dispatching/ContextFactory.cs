using Assistant.Core.Common;
using Assistant.Core.Localization;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Dispatching;

/// <summary>Works out who sent an update: membership, team, administrator or stranger, and language.</summary>
public sealed class ContextFactory(TeamStore teams, Administrators admins, IOptions<AssistantOptions> options, TextCatalog catalog)
{
    public UpdateContext Create(IncomingUpdate update, DateTime utcNow)
    {
        var member = teams.GetMember(update.UserId);
        var team = member is null ? null : teams.GetTeam(member.TeamId);
        var language = member?.Language ?? options.Value.DefaultLanguageValue;
        var zone = team?.Zone ?? options.Value.TimeZoneInfo;
        return new UpdateContext(update, member, team, admins.Contains(update.UserId), language, utcNow, zone, catalog);
    }
}
