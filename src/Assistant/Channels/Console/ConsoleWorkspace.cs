using Assistant.Core.Demo;
using Assistant.Core.Findings;
using Assistant.Core.Teams;

namespace Assistant.Channels.Console;

/// <summary>
/// Puts the console operator in a team before the console starts, on any database: an empty one gets the demo
/// team (第七组, Hunan, with its itinerary) with the operator as its leader; a database made by the operator verbs
/// (<c>team add</c>, <c>demo</c>) gets the operator joined to its team as a leader, after asking which one when
/// there are several (or as <c>--team</c> says). What cannot be decided is one line saying what to do. The
/// console's demo is live: moved so that today is its second day (the day with the demo's records).
/// </summary>
public sealed class ConsoleWorkspace(
    TeamStore teams,
    TeamAdministration admin,
    DemoLoader demo,
    ConsoleSession session,
    TextCatalog catalog,
    IOptions<AssistantOptions> options)
{
    /// <summary>The day of the demo visit that the console's first run makes today.</summary>
    public const int DemoDay = 2;

    /// <summary>The operator's membership, once <see cref="Prepare"/> succeeded.</summary>
    public Member? Operator { get; private set; }

    /// <summary>
    /// Makes the operator a member of a team (see the class summary). Returns null when the console can start,
    /// else one sentence saying why not and what to do.
    /// </summary>
    public string? Prepare(string? teamName)
    {
        var existing = teams.GetMember(ConsoleIdentity.UserId);
        var language = existing?.Language ?? options.Value.DefaultLanguageValue;
        var all = teams.AllTeams();
        if (teamName is not null)
        {
            var named = teams.FindTeamByName(teamName);
            if (named is null)
            {
                return all.Count == 0
                    ? $"there is no team named {teamName}: the database has no team yet (start without --team to load the demo, or create one with: team add)"
                    : $"there is no team named {teamName} (teams: {Names(all)})";
            }

            Operator = existing?.TeamId == named.Id ? existing : Join(named, existing, language);
            return null;
        }

        if (existing is not null)
        {
            Operator = existing;
            return null;
        }

        if (all.Count == 0)
        {
            demo.Load(shiftDays: demo.ShiftSoTodayIs(DemoDay), leaderId: ConsoleIdentity.UserId, language: language);
            Say(catalog.For(language)["console.demo_loaded"]);
            Operator = teams.GetMember(ConsoleIdentity.UserId);
            return Operator is null ? "the demo team could not be loaded for the console operator" : null;
        }

        if (all.Count == 1)
        {
            Operator = Join(all[0], null, language);
            return null;
        }

        var (chosen, problem) = Choose(all, catalog.For(language));
        if (chosen is not null)
        {
            Operator = Join(chosen, null, language);
        }

        return problem;
    }

    public Team TeamOf(Member member) => teams.GetTeam(member.TeamId)!;

    /// <summary>Asks which team (by number or name). A terminal asks again after a wrong answer; piped input cannot be corrected, so it stops.</summary>
    private (Team? Team, string? Problem) Choose(IReadOnlyList<Team> all, Texts t)
    {
        Say(t.Format("console.choose_team", all.Count));
        for (var i = 0; i < all.Count; i++)
        {
            var team = all[i];
            Say($"  [{i + 1}] " + t.Format("console.team_choice", team.Name, team.Region, new SafeHtml(FindingCard.Date(t, team.VisitFrom)), new SafeHtml(FindingCard.Date(t, team.VisitTo))));
        }

        while (true)
        {
            var answer = session.Input.ReadLine()?.Trim();
            if (answer is null)
            {
                return (null, $"the database has {all.Count} teams ({Names(all)}) and none was chosen: start the console with --team NAME");
            }

            var index = int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 1 : -1;
            var team = index >= 0 && index < all.Count ? all[index]
                : all.FirstOrDefault(x => string.Equals(x.Name, answer, StringComparison.OrdinalIgnoreCase) || string.Equals(x.Code, answer, StringComparison.OrdinalIgnoreCase));
            if (team is not null)
            {
                return (team, null);
            }

            if (!session.Interactive)
            {
                return (null, $"'{answer}' is not one of the {all.Count} teams ({Names(all)}): start the console with --team NAME");
            }

            Say(t.Format("console.choose_again", answer));
        }
    }

    private Member Join(Team team, Member? existing, Language language)
    {
        var t = catalog.For(language);
        var member = admin.AddMember(team, ConsoleIdentity.UserId, existing?.DisplayName ?? t["console.operator_name"], Role.Leader, language);
        Say(t.Format("console.joined", team.Name, team.Region));
        return member;
    }

    private void Say(string html)
    {
        session.Output.WriteLine(Html.ToPlainText(html));
        session.Output.Flush();
    }

    private static string Names(IReadOnlyList<Team> all) => string.Join(", ", all.Select(x => x.Name));
}
