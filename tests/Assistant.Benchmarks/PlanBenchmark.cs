using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Plan;
using Assistant.Core.Reminders;
using Assistant.Core.Storage;
using Assistant.Core.Teams;

namespace Assistant.Benchmarks;

/// <summary>
/// The plan reminder scan at scale: N rectification plans (one per team, as the store holds them; 100 real teams with
/// a leader and a liaison, the rest by id only), each received or not, with 0-6 progress reports, next due dates spread
/// over a year, about 1% overdue on the measured day. Measures the overdue scan (what the weekly digest reads on
/// every pass of the reminder service), a week's due range, and the digest planner's whole pass. The claim to check:
/// the scan costs what it returns, not what is stored.
/// </summary>
public static class PlanBenchmark
{
    private const int RealTeams = 100;
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
        var teams = Enumerable.Range(0, RealTeams).Select(i => bench.CreateTeam($"第{i + 1}组", "P" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToList();
        foreach (var (team, i) in teams.Select((t, i) => (t, i)))
        {
            bench.AddMembers(team, 200_000 + (i * 10), 1, Role.Leader);
            bench.AddMembers(team, 200_000 + (i * 10) + 1, 1, Role.Liaison);
        }

        var clock = Stopwatch.StartNew();
        var overdue = Seed(bench, teams, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan {count:N0} plans: seeded in {clock.Elapsed.TotalSeconds:F1}s, {overdue:N0} overdue on {Today:yyyy-MM-dd}, database {new FileInfo(Path.Combine(bench.Folder, "assistant.db")).Length / 1048576.0:F1} MB"));

        var store = bench.Get<PlanStore>();
        var db = bench.Get<AssistantDatabase>();
        var returned = 0;
        Report("overdue scan (digest planner's read)", Samples.Of(200, () => returned = store.Overdue(Today).Count), $"{returned} returned");
        Report("due in the coming week", Samples.Of(200, () => returned = store.DueBetween(Today, Today.AddDays(6)).Count), $"{returned} returned");
        Report("nothing overdue (a day before the earliest date)", Samples.Of(200, () => returned = store.Overdue(Today.AddYears(-2)).Count), $"{returned} returned");
        var planner = bench.Get<IEnumerable<IReminderPlanner>>().OfType<PlanDigestPlanner>().Single();
        var now = Assistant.Core.Common.TimeZones.ToUtc(Today, new TimeOnly(10, 0), teams[0].Zone);
        Report("digest planner pass (in a transaction; digests planned once a week)", Samples.Of(50, () =>
        {
            db.InTransaction(() => planner.Plan(now));
            return 0;
        }), $"{bench.Get<ReminderStore>().Count():N0} reminders after the passes");
    }

    private static int Seed(BenchHost bench, List<Team> teams, int count)
    {
        var store = bench.Get<PlanStore>();
        var db = bench.Get<AssistantDatabase>();
        var random = new Random(11);
        var overdue = 0;
        const int batch = 2000;
        for (var start = 0; start < count; start += batch)
        {
            db.InTransaction(() =>
            {
                for (var i = start; i < Math.Min(count, start + batch); i++)
                {
                    var teamId = i < teams.Count ? teams[i].Id : 1_000_000 + i;

                    // About 1% overdue on Today: due in the 3 days before it; the rest due on Today or within a year after.
                    var due = random.Next(100) == 0 ? Today.AddDays(-1 - random.Next(3)) : Today.AddDays(random.Next(365));
                    var plan = new RectificationPlan { TeamId = teamId, PlanDue = due, CreatedUtc = DateTime.UtcNow };
                    var received = random.Next(2) == 0;
                    if (received)
                    {
                        var reports = random.Next(7);
                        plan.ReceivedOn = due.AddMonths(-1 - reports);
                        plan.PlanDocument = new PlanDocument { FileId = "f" + i.ToString(CultureInfo.InvariantCulture), FileName = "整改方案.pdf" };
                        for (var r = 1; r <= reports; r++)
                        {
                            plan.Reports.Add(new PlanReport { ReceivedOn = plan.ReceivedOn.Value.AddMonths(r), Document = new PlanDocument { FileId = "r", FileName = "进展报告.docx" }, Summary = "已完成部分整改" });
                        }
                    }

                    overdue += plan.NextDue < Today ? 1 : 0;
                    store.Insert(plan);
                }
            });
        }

        return overdue;
    }

    private static void Report(string what, Samples samples, string? note = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: p50 {samples.Percentile(50) / 1000:F3} ms, p99 {samples.Percentile(99) / 1000:F3} ms, max {samples.Percentile(100) / 1000:F3} ms{(note is null ? "" : " (" + note + ")")}"));
}
