using Assistant.Core.Teams;

namespace Assistant.Core.Dispatching;

/// <summary>Works out who sent an update (membership, team, administrator or stranger, language) and cleans what they typed.</summary>
public sealed class ContextFactory(TeamStore teams, Administrators admins, IOptions<AssistantOptions> options, TextCatalog catalog)
{
    public UpdateContext Create(IncomingUpdate update, DateTime utcNow)
    {
        // What was typed, without what nobody can see (zero-width and bidirectional controls): see TypedText.
        update = update with
        {
            Text = TypedText.Clean(update.Text),
            FirstName = TypedText.Clean(update.FirstName),
            LastName = TypedText.Clean(update.LastName),
            Username = TypedText.Clean(update.Username),
        };
        var member = teams.GetMember(update.UserId);
        var team = member is null ? null : teams.GetTeam(member.TeamId);
        var language = member?.Language ?? options.Value.DefaultLanguageValue;
        var zone = team?.Zone ?? options.Value.TimeZoneInfo;
        return new UpdateContext(update, member, team, admins.Contains(update.UserId), language, utcNow, zone, catalog);
    }
}
