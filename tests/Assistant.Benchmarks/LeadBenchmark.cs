using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Leads;
using Assistant.Core.Reminders;
using Assistant.Core.Storage;
using Assistant.Core.Teams;

namespace Assistant.Benchmarks;

/// <summary>
/// The lead reminder scan at scale: N leads (100 real teams with a leader and a liaison holding the first 2,000, the
/// rest 10 to a team by id only), feedback dates over a year, 30 % closed, about 1 % entering the reminder window on the
/// measured day, the leads due earlier already planned (as earlier passes left them). Measures the planner's read (the
/// <see cref="Lead.OpenDueKey"/> range, on every pass of the reminder service), the read on a day nothing is due, the
/// planner's first pass of the day (planning the window's reminders, in a transaction) and its later passes. The claim
/// to check: the scan costs what it returns, not what is stored.
/// </summary>
public static class LeadBenchmark
{
    private const int RealTeams = 100;
    private const int RealTeamLeads = 2_000;
    private static readonly DateOnly Today = new(2024, 3, 1);

    public static void Run(int[] sizes)
    {
        foreach (var size in sizes)
        {
            RunOnce(size);
        }
    }

    private static void RunOnce(int count)
    {
        using var bench = new BenchHost();
        var teams = Enumerable.Range(0, RealTeams).Select(i => bench.CreateTeam($"第{i + 1}组", "L" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToList();
        foreach (var (team, i) in teams.Select((t, i) => (t, i)))
        {
            bench.AddMembers(team, 300_000 + (i * 10), 1, Role.Leader);
            bench.AddMembers(team, 300_000 + (i * 10) + 1, 1, Role.Liaison);
        }

        var clock = Stopwatch.StartNew();
        var inWindow = Seed(bench, teams, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"leads {count:N0} leads: seeded in {clock.Elapsed.TotalSeconds:F1}s, {inWindow:N0} entering the reminder window on {Today:yyyy-MM-dd}, database {new FileInfo(Path.Combine(bench.Folder, "assistant.db")).Length / 1048576.0:F1} MB"));

        var store = bench.Get<LeadStore>();
        var db = bench.Get<AssistantDatabase>();
        var horizon = Today.AddDays(LeadReminders.DaysBefore + 2);
        var returned = 0;
        Report("reminder scan (the planner's read, every pass)", Samples.Of(200, () => returned = store.AllOpenDueBefore(horizon).Count()), $"{returned} returned");
        Report("reminder scan, nothing due (a year earlier)", Samples.Of(200, () => returned = store.AllOpenDueBefore(Today.AddYears(-1)).Count()), $"{returned} returned");

        var planner = bench.Get<IEnumerable<IReminderPlanner>>().OfType<LeadReminders>().Single();
        var now = Assistant.Core.Common.TimeZones.ToUtc(Today, new TimeOnly(8, 0), teams[0].Zone);
        var first = Stopwatch.StartNew();
        db.InTransaction(() => planner.Plan(now));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  planner's first pass of the day (plans the window's reminders, in a transaction): {first.Elapsed.TotalMilliseconds:F1} ms, {bench.Get<ReminderStore>().Count():N0} reminders planned"));
        Report("planner's later passes (nothing left to plan, in a transaction)", Samples.Of(200, () =>
        {
            db.InTransaction(() => planner.Plan(now));
            return 0;
        }), $"{store.AllOpenDueBefore(horizon).Count()} left in the range");
    }

    private static int Seed(BenchHost bench, List<Team> teams, int count)
    {
        var store = bench.Get<LeadStore>();
        var db = bench.Get<AssistantDatabase>();
        var random = new Random(17);
        var inWindow = 0;
        const int batch = 2000;
        var created = DateTime.UtcNow;
        for (var start = 0; start < count; start += batch)
        {
            db.InTransaction(() =>
            {
                for (var i = start; i < Math.Min(count, start + batch); i++)
                {
                    var teamId = i < RealTeamLeads ? teams[i % RealTeams].Id : 1_000_000 + (i / 10);

                    // About 1 % due within the window (today to DaysBefore days on); the rest over the year before or after.
                    var window = random.Next(100) == 0;
                    var due = window ? Today.AddDays(random.Next(LeadReminders.DaysBefore + 1)) : Today.AddDays(random.Next(-180, 185) is var d && d >= 0 ? d + LeadReminders.DaysBefore + 1 : d);
                    var closed = !window && random.Next(10) < 3;
                    inWindow += window ? 1 : 0;
                    store.Add(teamId, LeadChannel.Tip, "某液化气站违规充装", "转交属地核查", due, 1, created, lead =>
                    {
                        if (due < Today)
                        {
                            lead.RemindersSent.Add(LeadReminders.Before + ":" + LeadReminders.Key(due));
                            lead.RemindersSent.Add(LeadReminders.AllPlanned(due));
                        }

                        if (closed)
                        {
                            lead.ClosedBy = 1;
                            lead.Result = LeadResult.NotSubstantiated;
                        }
                    });
                }
            });
        }

        return inWindow;
    }

    private static void Report(string what, Samples samples, string? note = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: p50 {samples.Percentile(50) / 1000:F3} ms, p99 {samples.Percentile(99) / 1000:F3} ms, max {samples.Percentile(100) / 1000:F3} ms{(note is null ? "" : " (" + note + ")")}"));
}
