using System.Globalization;
using Assistant.Core.Common;
using Assistant.Core.Demo;
using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Localization;
using Assistant.Core.Schedule;
using Assistant.Core.Schedule.Files;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Benchmarks.Load;

/// <summary>One simulated person: a Telegram user id (also their private chat) and their role.</summary>
public sealed record Person(long UserId, int Team, Role Role);

/// <summary>
/// The teams the load runs against: <see cref="Teams"/> teams of 25 (a leader, a liaison, 21 members and
/// two rectification contacts), each on a visit that started two days ago with the demo itinerary moved
/// so that its third day is today, and <see cref="FindingsPerTeam"/> findings in the ledger with deadlines
/// around today (some overdue, some due soon, 30% closed).
/// </summary>
public static class LoadWorld
{
    public const int Teams = 20;
    public const int FindingsPerTeam = 100;
    private const int MembersPerTeam = 21;

    public static long UserId(int team, int index) => 1_000_000 + (team * 100) + index;

    public static IReadOnlyList<Person> Seed(IServiceProvider services, TimeProvider time)
    {
        var admin = services.GetRequiredService<TeamAdministration>();
        var people = new List<Person>();
        var now = time.GetUtcNow();
        var zone = TimeZones.Find("Asia/Shanghai") ?? throw new InvalidOperationException("No Asia/Shanghai time zone on this machine.");
        var today = TimeZones.Today(now, zone);
        var itinerary = DemoLoader.Itinerary();
        for (var t = 1; t <= Teams; t++)
        {
            var number = t.ToString(CultureInfo.InvariantCulture);
            var (team, error) = admin.CreateTeam($"第{number}组", "湖南省", today.AddDays(-2), today.AddDays(7), "G" + number, "Asia/Shanghai");
            if (team is null)
            {
                throw new InvalidOperationException(error);
            }

            // The demo's people first (the itinerary names them), then the rest of the team.
            var roster = DemoLoader.People.Select(p => (p.Name, p.Role)).ToList();
            roster.AddRange(Enumerable.Range(roster.Count, MembersPerTeam + 2 - roster.Count).Select(i => ($"组员{i.ToString(CultureInfo.InvariantCulture)}", Role.Member)));
            roster.Add(("整改联系人甲", Role.Contact));
            roster.Add(("整改联系人乙", Role.Contact));
            for (var i = 0; i < roster.Count; i++)
            {
                var (name, role) = roster[i];
                admin.AddMember(team, UserId(t, i), name, role, Language.Chinese);
                people.Add(new Person(UserId(t, i), t, role));
            }

            AddItinerary(services, team, t, itinerary, today, now.UtcDateTime);
            AddFindings(services, team, t, today, now.UtcDateTime);
        }

        return people;
    }

    private static void AddItinerary(IServiceProvider services, Team team, int t, byte[] itinerary, DateOnly today, DateTime utcNow)
    {
        var parsed = ItineraryCsv.Parse(itinerary, team.Zone);
        if (!parsed.Ok)
        {
            throw new InvalidOperationException("The demo itinerary does not parse: " + string.Join("; ", parsed.Errors));
        }

        var shift = TimeSpan.FromDays(today.AddDays(-2).DayNumber - DemoLoader.VisitStart.DayNumber);
        var items = services.GetRequiredService<ItineraryImport>().ToItems(team, parsed.Items);
        foreach (var item in items)
        {
            item.StartUtc += shift;
            item.EndUtc += shift;
        }

        services.GetRequiredService<AssistantDatabase>().InTransaction(() =>
            services.GetRequiredService<ScheduleService>().Import(team.Id, UserId(t, 1), items, utcNow));
    }

    private static void AddFindings(IServiceProvider services, Team team, int t, DateOnly today, DateTime utcNow)
    {
        var store = services.GetRequiredService<FindingStore>();
        var teams = services.GetRequiredService<TeamStore>();
        var plan = services.GetRequiredService<LedgerReminders>();
        var random = new Random(t);
        var sectors = Enum.GetValues<Sector>();
        var aspects = Enum.GetValues<Aspect>();
        services.GetRequiredService<AssistantDatabase>().InTransaction(() =>
        {
            for (var i = 0; i < FindingsPerTeam; i++)
            {
                var number = teams.NextFindingNumber(team.Id);
                var closed = random.Next(10) < 3;
                var finding = new Finding
                {
                    TeamId = team.Id,
                    Number = number,
                    Code = FindingService.Code(team, number),
                    AuthorId = UserId(t, 2 + random.Next(MembersPerTeam)),
                    AuthorName = "成员",
                    Aspect = aspects[random.Next(aspects.Length)],
                    Sector = sectors[random.Next(sectors.Length)],
                    City = "长沙市",
                    Unit = "某化工有限公司" + (i % 37).ToString(CultureInfo.InvariantCulture),
                    Description = "甲类仓库与办公楼防火间距不足，约8米，规范要求不少于30米",
                    Severity = random.Next(10) == 0 ? Severity.MajorHazard : Severity.GeneralHazard,
                    ResponsibleUnit = "长沙市应急管理局",
                    ResponsibleContactId = UserId(t, MembersPerTeam + 2 + random.Next(2)),
                    ResponsiblePerson = "责任人",
                    Deadline = today.AddDays(random.Next(-10, 30)),
                    Status = closed ? RectificationStatus.Closed : RectificationStatus.Assigned,
                    Day = today.AddDays(-random.Next(3)),
                    CreatedUtc = utcNow,
                    UpdatedUtc = utcNow,
                    Revision = 1,
                };
                store.Insert(finding);
                plan.Plan(finding, utcNow);
            }
        });
    }
}
