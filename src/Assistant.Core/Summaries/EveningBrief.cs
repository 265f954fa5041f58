using Assistant.Core.Reminders;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Summaries;

/// <summary>
/// Plans the evening brief: on each day of a team's visit, at <see cref="SummaryOptions.EveningTime"/>
/// team time, one reminder per leader and liaison. Planned once per day (the reminder key is unique).
/// </summary>
public sealed class EveningBriefPlanner(ReminderStore reminders, TeamStore teams, IOptions<SummaryOptions> options) : IReminderPlanner
{
    private readonly HashSet<(int Team, DateOnly Day, int Coordinators)> _planned = [];

    public void Plan(DateTime utcNow)
    {
        if (options.Value.EveningTimeOfDay is not { } at)
        {
            return;
        }

        foreach (var team in teams.AllTeams())
        {
            var day = TimeZones.Today(new DateTimeOffset(utcNow), team.Zone);
            var due = TimeZones.ToUtc(day, at, team.Zone);
            var coordinators = teams.MembersOf(team.Id).Where(m => m.Role.IsCoordinator()).ToList();
            if (day < team.VisitFrom || day > team.VisitTo || due < utcNow || _planned.Contains((team.Id, day, coordinators.Count)))
            {
                continue;
            }

            var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var member in coordinators)
            {
                reminders.Plan(FormattableString.Invariant($"brief:{team.Id}:{dayText}:{member.Id}"), EveningBriefKind.KindName, team.Id, member.Id,
                    "brief:" + dayText, due, utcNow, new BsonDocument { ["day"] = dayText });
            }

            _planned.Add((team.Id, day, coordinators.Count));
        }
    }
}

/// <summary>At the evening hour: hands the day's brief to a background job for this leader or liaison (nothing on an empty day).</summary>
public sealed class EveningBriefKind(SummaryJobs jobs, FactsBuilder facts, TeamStore teams) : IReminderKind
{
    public const string KindName = "evening-brief";

    public string Kind => KindName;

    public ReminderMessage Compose(Reminder reminder, Member recipient, DateTime utcNow)
    {
        var team = teams.GetTeam(recipient.TeamId);
        if (team is null || !recipient.Role.IsCoordinator())
        {
            return new ReminderMessage.Skip("no longer leader or liaison");
        }

        var day = DateOnly.ParseExact(reminder.Data["day"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!facts.Day(team, day).HasRecords)
        {
            return new ReminderMessage.Skip("nothing recorded that day");
        }

        jobs.QueueDaily(team.Id, day, recipient.Id, recipient.ChatId, "evening", utcNow);
        return new ReminderMessage.Queued("daily brief");
    }
}
