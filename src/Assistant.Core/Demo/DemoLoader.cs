using System.Reflection;
using Assistant.Core.Schedule;
using Assistant.Core.Schedule.Files;
using Assistant.Core.Teams;

namespace Assistant.Core.Demo;

/// <summary>
/// A team and an itinerary modelled on team 7's visit to Hunan (1–10 November 2023, from the seed
/// article): the kick-off meeting in Changsha with the provincial report, document reviews and
/// interviews, site inspections, the extension to Xiangtan and Zhuzhou, covert visits (each covert finding of the
/// records has its covert item: same city, same day, its recorder among the participants), training,
/// and the feedback meeting. Years in its texts follow the visit's start (<see cref="Itinerary(int)"/>). The itinerary is an embedded CSV read by the real importer; the
/// findings (with their rectification) and notes come from <see cref="DemoRecords"/>.
/// The people are placeholders; Load's leaderId lets the console operator be the leader.
/// </summary>
public sealed class DemoLoader(TeamAdministration admin, TeamStore teams, ScheduleService schedule, ItineraryImport import, DemoRecords records, AssistantDatabase db, TimeProvider time)
{
    public const string TeamName = "第七组";
    public static readonly DateOnly VisitStart = new(2023, 11, 1);
    public static readonly DateOnly VisitEnd = new(2023, 11, 10);

    /// <summary>Placeholder people of the demo team (ids outside Telegram's range of real users in tests).</summary>
    public static readonly IReadOnlyList<(long Id, string Name, Role Role)> People =
    [
        (900_001, "刘组长", Role.Leader),
        (900_002, "陈静", Role.Liaison),
        (900_003, "李明", Role.Member),
        (900_004, "张伟", Role.Member),
        (900_005, "王芳", Role.Member),
        (900_006, "赵强", Role.Member),
        (900_007, "孙磊", Role.Member),
        (900_008, "周敏", Role.Member),
    ];

    /// <summary>The time zone of the demo team (Hunan).</summary>
    public const string TimeZone = "Asia/Shanghai";

    /// <summary>
    /// The shift that makes today (in the demo team's time) the <paramref name="dayOfVisit"/>-th day of the visit: the
    /// console loads the demo live, so its schedule, reminders and deadlines can be tried at once.
    /// </summary>
    public int ShiftSoTodayIs(int dayOfVisit)
    {
        var today = Common.TimeZones.Today(time.GetUtcNow(), Common.TimeZones.Find(TimeZone) ?? TimeZoneInfo.Utc);
        return today.AddDays(1 - dayOfVisit).DayNumber - VisitStart.DayNumber;
    }

    /// <summary>Loads the demo unless a team of that name exists. <paramref name="shiftDays"/> moves the whole visit, deadlines included.</summary>
    public (Team Team, bool Created) Load(int shiftDays = 0, long? leaderId = null, Language language = Language.Chinese)
    {
        if (teams.FindTeamByName(TeamName) is { } existing)
        {
            return (existing, false);
        }

        var (team, error) = admin.CreateTeam(TeamName, "湖南省", VisitStart.AddDays(shiftDays), VisitEnd.AddDays(shiftDays), "G7", TimeZone);
        if (team is null)
        {
            throw new InvalidOperationException("The demo team could not be created: " + error);
        }

        foreach (var (id, name, role) in People)
        {
            var userId = role == Role.Leader && leaderId is { } leader ? leader : id;
            if (teams.GetMember(userId) is null)
            {
                admin.AddMember(team, userId, name, role, language);
            }
        }

        var parsed = ItineraryCsv.Parse(Itinerary(team.VisitFrom.Year), team.Zone);
        if (!parsed.Ok)
        {
            throw new InvalidOperationException("The embedded demo itinerary does not parse: " + string.Join("; ", parsed.Errors));
        }

        var shift = TimeSpan.FromDays(shiftDays);
        var items = import.ToItems(team, parsed.Items);
        foreach (var item in items)
        {
            item.StartUtc += shift;
            item.EndUtc += shift;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.InTransaction(() =>
        {
            schedule.Import(team.Id, leaderId ?? People[0].Id, items, now);
            records.Add(team, leaderId ?? People[0].Id, team.VisitFrom, now);
        });
        return (team, true);
    }

    /// <summary>The placeholder in the itinerary's texts for the year of the visit's start (the province reports that year's work).</summary>
    public const string YearPlaceholder = "{year}";

    /// <summary>The demo itinerary of an unmoved visit (1–10 November 2023).</summary>
    public static byte[] Itinerary() => Itinerary(VisitStart.Year);

    /// <summary>
    /// The demo itinerary with every year in its texts that of the visit's start (<paramref name="visitYear"/>), so a demo
    /// moved with --start never reports another year's work. Its dates are those of the unmoved visit; the loader moves them.
    /// </summary>
    public static byte[] Itinerary(int visitYear)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Assistant.Core.Demo.hunan-2023.csv")
            ?? throw new InvalidOperationException("The demo itinerary is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Encoding.UTF8.GetBytes(reader.ReadToEnd().Replace(YearPlaceholder, visitYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
