using Assistant.Core.Dispatching;

namespace Assistant.Core.Teams;

public static class TeamsRegistration
{
    /// <summary>Teams, members, invitations and their commands.</summary>
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(TeamStore), TeamStore.EnsureSchema);
        services.AddMigration(2, "move each team's last finding number out of the team row", TeamStore.MoveFindingSequences);
        services.AddSingletons(typeof(TeamStore), typeof(InvitationService));
        services.AddSchema(nameof(CodeGuessing), CodeGuessing.EnsureSchema);
        services.AddSingletons(typeof(CodeGuessing), typeof(TeamAdministration));
        services.AddHandler<StartCommand>();
        services.AddHandler<InviteCommand>();
        services.AddHandler<MembersCommand>();
        services.AddHandler<LinkGroupCommand>();
        return builder;
    }
}
