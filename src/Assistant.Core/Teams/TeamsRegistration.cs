using Assistant.Core.Dispatching;
using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Core.Teams;

public static class TeamsRegistration
{
    /// <summary>Teams, members, invitations and their commands.</summary>
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchema(nameof(TeamStore), TeamStore.EnsureSchema);
        services.AddSingleton<TeamStore>();
        services.AddSingleton<InvitationService>();
        services.AddSchema(nameof(CodeGuessing), CodeGuessing.EnsureSchema);
        services.AddSingleton<CodeGuessing>();
        services.AddSingleton<TeamAdministration>();
        services.AddHandler<StartCommand>();
        services.AddHandler<InviteCommand>();
        services.AddHandler<MembersCommand>();
        services.AddHandler<LinkGroupCommand>();
        return builder;
    }
}
