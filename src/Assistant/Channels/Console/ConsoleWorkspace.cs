using Assistant.Core.Common;
using Assistant.Core.Demo;
using Assistant.Core.Teams;
using Microsoft.Extensions.Options;

namespace Assistant.Channels.Console;

/// <summary>
/// The console operator's team. On first run the demo team (第七组, Hunan, with its itinerary) is
/// loaded and the operator becomes its leader, so a newcomer sees a real-looking visit at once.
/// </summary>
public sealed class ConsoleWorkspace(TeamStore teams, DemoLoader demo, IOptions<AssistantOptions> options)
{
    public Member EnsureOperator()
    {
        if (teams.GetMember(ConsoleIdentity.UserId) is { } existing)
        {
            return existing;
        }

        demo.Load(leaderId: ConsoleIdentity.UserId, language: options.Value.DefaultLanguageValue);
        return teams.GetMember(ConsoleIdentity.UserId)
            ?? throw new InvalidOperationException("The demo team exists but the console operator is not in it.");
    }

    public Team TeamOf(Member member) => teams.GetTeam(member.TeamId)!;
}
