using Assistant.Core.Common;
using Assistant.Core.Teams;
using Microsoft.Extensions.Options;

namespace Assistant.Channels.Console;

/// <summary>The console operator's team: created on first run, the operator as its leader.</summary>
public sealed class ConsoleWorkspace(TeamStore teams, TeamAdministration admin, TimeProvider time, IOptions<AssistantOptions> options)
{
    public const string LocalTeamName = "本地组";

    public Member EnsureOperator()
    {
        if (teams.GetMember(ConsoleIdentity.UserId) is { } existing)
        {
            return existing;
        }

        var team = teams.FindTeamByName(LocalTeamName);
        if (team is null)
        {
            var today = TimeZones.Today(time.GetUtcNow(), options.Value.TimeZoneInfo);
            (team, var error) = admin.CreateTeam(LocalTeamName, "本地", today, today.AddDays(9), "L1");
            team ??= teams.FindTeamByName(LocalTeamName) ?? throw new InvalidOperationException(error);
        }

        return admin.AddMember(team, ConsoleIdentity.UserId, "控制台用户", Role.Leader, options.Value.DefaultLanguageValue);
    }
}
