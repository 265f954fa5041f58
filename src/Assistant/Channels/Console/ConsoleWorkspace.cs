using Assistant.Core.Common;
using Assistant.Core.Demo;
using Assistant.Core.Teams;
using Microsoft.Extensions.Options;

namespace Assistant.Channels.Console;

/// <summary>
/// The console operator's team. On first run the demo team (第七组, Hunan, with its itinerary) is
/// loaded and the operator becomes its leader, so a newcomer sees a real-looking visit at once: a
/// live one, moved so that today is its second day (the day with the demo's records).
/// </summary>
public sealed class ConsoleWorkspace(TeamStore teams, DemoLoader demo, IOptions<AssistantOptions> options)
{
    /// <summary>The day of the demo visit that the console's first run makes today.</summary>
    public const int DemoDay = 2;

    public Member EnsureOperator()
    {
        if (teams.GetMember(ConsoleIdentity.UserId) is { } existing)
        {
            return existing;
        }

        demo.Load(shiftDays: demo.ShiftSoTodayIs(DemoDay), leaderId: ConsoleIdentity.UserId, language: options.Value.DefaultLanguageValue);
        return teams.GetMember(ConsoleIdentity.UserId)
            ?? throw new InvalidOperationException("The demo team exists but the console operator is not in it.");
    }

    public Team TeamOf(Member member) => teams.GetTeam(member.TeamId)!;
}
