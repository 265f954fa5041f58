using Assistant.Core.Demo;
using Assistant.Core.Dispatching;
using Assistant.Core.Schedule;
using Assistant.Core.Schedule.Files;
using Assistant.Core.Teams;
using Assistant.Hosting;

namespace Assistant.Operator;

/// <summary>
/// Command-line verbs that work on the same database and exit:
/// <c>team add</c>, <c>team list</c>, <c>invite</c>. Output goes to stdout, problems to stderr.
/// </summary>
public static class OperatorVerbs
{
    public const int Ok = 0;

    public static int Run(IServiceProvider services, Invocation invocation, TextWriter output, TextWriter error)
    {
        var admin = services.GetRequiredService<TeamAdministration>();
        return (invocation.Verb, invocation.SubVerb) switch
        {
            ("team", "add") => AddTeam(admin, invocation, output, error),
            ("team", "list") => ListTeams(admin, output),
            ("invite", _) => Invite(admin, services.GetRequiredService<BotIdentity>(), invocation, output, error),
            ("demo", _) => Demo(services.GetRequiredService<DemoLoader>(), invocation, output, error),
            ("schedule", "import") => ImportSchedule(services, invocation, output, error),
            _ => Usage.Refuse($"unknown command '{invocation.Verb} {invocation.SubVerb}'", error),
        };
    }

    private static int AddTeam(TeamAdministration admin, Invocation invocation, TextWriter output, TextWriter error)
    {
        if (!TryDate(invocation, "from", error, out var from) || !TryDate(invocation, "to", error, out var to))
        {
            return Usage.ExitCode;
        }

        var (team, problem) = admin.CreateTeam(invocation.Option("name") ?? "", invocation.Option("region") ?? "", from, to, invocation.Option("code"), invocation.Option("tz"));
        if (team is null)
        {
            return UsageError(error, "team add: " + problem);
        }

        output.WriteLine($"Created team {team.Name} ({team.Code}), {team.Region}, {team.VisitFrom:yyyy-MM-dd} to {team.VisitTo:yyyy-MM-dd}, time zone {team.TimeZone}.");
        output.WriteLine($"Invite its leader with: invite --team {team.Name} --role leader");
        return Ok;
    }

    private static int ListTeams(TeamAdministration admin, TextWriter output)
    {
        var teams = admin.ListTeams();
        if (teams.Count == 0)
        {
            output.WriteLine("No teams yet. Create one with: team add --name 第七组 --region 湖南省 --from 2023-11-01 --to 2023-11-10");
            return Ok;
        }

        foreach (var team in teams)
        {
            var members = admin.MembersOf(team);
            output.WriteLine($"{team.Code}\t{team.Name}\t{team.Region}\t{team.VisitFrom:yyyy-MM-dd}..{team.VisitTo:yyyy-MM-dd}\t{team.TimeZone}\t{members.Count} member(s)\t{team.GroupChatIds.Count} group(s)");
        }

        return Ok;
    }

    private static int Invite(TeamAdministration admin, BotIdentity bot, Invocation invocation, TextWriter output, TextWriter error)
    {
        // The role is named first: a wrong role is the likelier mistake, and the one to say plainly.
        var roleText = invocation.Option("role");
        var role = Roles.Parse(roleText);
        if (roleText is not null && role is null)
        {
            return UsageError(error, $"invite: --role '{roleText}' is not a role: use leader, liaison, member or contact");
        }

        var teamName = invocation.Option("team");
        if (teamName is null)
        {
            return UsageError(error, "invite: --team NAME is required (see: team list)");
        }

        if (role is null)
        {
            return UsageError(error, "invite: --role is required: leader, liaison, member or contact");
        }

        var uses = 1;
        if (invocation.Option("uses") is { } usesText && !int.TryParse(usesText, NumberStyles.None, CultureInfo.InvariantCulture, out uses))
        {
            return UsageError(error, $"invite: --uses '{usesText}' is not a whole number");
        }

        int? days = null;
        if (invocation.Option("days") is { } daysText)
        {
            if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            {
                return UsageError(error, $"invite: --days '{daysText}' is not a whole number");
            }

            days = d;
        }

        var (invitation, team, problem) = admin.Invite(teamName, role.Value, uses, days);
        if (invitation is null)
        {
            return UsageError(error, "invite: " + problem);
        }

        output.WriteLine(invitation.Id);
        error.WriteLine($"Invitation to {team!.Name} as {role}, {Count(invitation.MaxUses, "use")}, valid until {TimeZones.ToLocal(invitation.ExpiresUtc, team.Zone):yyyy-MM-dd HH:mm} {team.TimeZone} time (the team's).");
        error.WriteLine(bot.StartLink(invitation.Id) is { } link
            ? $"Link: {link}"
            : $"In a private chat with the bot, send: /start {invitation.Id}  (or https://t.me/<your bot>?start={invitation.Id})");
        return Ok;
    }

    private static int Demo(DemoLoader demo, Invocation invocation, TextWriter output, TextWriter error)
    {
        var shift = 0;
        if (invocation.Option("start") is not null)
        {
            if (!TryDate(invocation, "start", error, out var start))
            {
                return Usage.ExitCode;
            }

            shift = start.DayNumber - DemoLoader.VisitStart.DayNumber;
        }

        var (team, created) = demo.Load(shift);
        output.WriteLine(created
            ? $"Loaded the demo: team {team.Name} ({team.Code}), {team.Region}, {team.VisitFrom:yyyy-MM-dd} to {team.VisitTo:yyyy-MM-dd}, with its itinerary and {DemoLoader.People.Count} placeholder people."
            : $"The demo team {team.Name} exists already; nothing changed.");
        output.WriteLine($"Invite yourself as its leader: invite --team {team.Name} --role leader");
        return Ok;
    }

    private static int ImportSchedule(IServiceProvider services, Invocation invocation, TextWriter output, TextWriter error)
    {
        var teams = services.GetRequiredService<TeamStore>();
        var team = invocation.Option("team") is { } name ? teams.FindTeamByName(name) : null;
        var path = invocation.Option("file");
        if (team is null || path is null || !File.Exists(path))
        {
            return UsageError(error, "schedule import: --team NAME (an existing team) and --file PATH (an existing .csv or .ics file) are required");
        }

        var content = File.ReadAllBytes(path);
        var result = path.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ? ItineraryIcs.Parse(content, team.Zone) : ItineraryCsv.Parse(content, team.Zone);
        if (!result.Ok)
        {
            error.WriteLine(Html.ToPlainText(ItineraryImport.Errors(services.GetRequiredService<TextCatalog>().English, result)));
            return Usage.ExitCode;
        }

        var import = services.GetRequiredService<ItineraryImport>();
        var items = import.ToItems(team, result.Items);
        var counts = services.GetRequiredService<AssistantDatabase>().InTransaction(() =>
            services.GetRequiredService<ScheduleService>().Import(team.Id, TeamAdministration.OperatorActor, items, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        output.WriteLine($"Imported {Count(items.Count, "item")} into the itinerary of {team.Name}: {counts.Added} added, {counts.Replaced} replaced (same title and start as an item already there), {counts.Unchanged} already there unchanged.");
        return Ok;
    }

    private static bool TryDate(Invocation invocation, string name, TextWriter error, out DateOnly date)
    {
        var text = invocation.Option(name);
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        date = default;
        var command = invocation.SubVerb is null ? invocation.Verb : $"{invocation.Verb} {invocation.SubVerb}";
        error.WriteLine($"{command}: --{name} '{text}' is not a date: expected YYYY-MM-DD, e.g. 2023-11-01");
        return false;
    }

    /// <summary>"1 use", "5 uses": the operator's lines are English only.</summary>
    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine(message);
        return Usage.ExitCode;
    }
}
