using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Common;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Ledger;
using Assistant.Core.Messaging;
using Assistant.Core.Reminders;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Benchmarks;

/// <summary>
/// The ledger at scale: 20 teams share N findings (deadlines spread over four months, 30% closed,
/// each active one with its deadline reminders planned for the contact and the follower). Measures
/// what grows with the ledger: the reminder scan that runs every minute, a ledger page, /ledger and
/// /overdue end to end, and one team's Excel export. The claim to check: a query costs what it
/// returns, not what is stored.
/// </summary>
public static class LedgerBenchmark
{
    private const int Teams = 20;
    private static readonly DateOnly FirstDeadline = new(2023, 11, 10);

    public static async Task RunAsync(int[] sizes)
    {
        foreach (var size in sizes)
        {
            await RunOnceAsync(size);
        }
    }

    private static async Task RunOnceAsync(int findings)
    {
        using var bench = new BenchHost();
        var teams = Enumerable.Range(0, Teams).Select(i => bench.CreateTeam($"第{i + 1}组", "G" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToList();
        foreach (var (team, i) in teams.Select((t, i) => (t, i)))
        {
            bench.AddMembers(team, 100_000 + (i * 100), 8);
            bench.AddMembers(team, 100_000 + (i * 100) + 50, 1, Role.Leader);
            bench.AddMembers(team, 100_000 + (i * 100) + 60, 4, Role.Contact);
        }

        var clock = Stopwatch.StartNew();
        Seed(bench, teams, findings);
        var seeded = clock.Elapsed;
        var reminders = bench.Get<ReminderStore>();
        var db = bench.Get<AssistantDatabase>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ledger {findings:N0} findings: seeded in {seeded.TotalSeconds:F1}s, {reminders.Count():N0} reminders planned, database {new FileInfo(Path.Combine(bench.Folder, "assistant.db")).Length / 1048576.0:F1} MB"));

        // The reminder scan, at a quiet minute and on a deadline morning (one day's deadlines due at once).
        var quiet = new DateTime(2023, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var busy = TimeZones.ToUtc(FirstDeadline.AddDays(30), new TimeOnly(9, 0), teams[0].Zone).AddMinutes(1);
        Report("reminder scan (nothing due)", Samples.Of(200, () => reminders.Due(quiet, 64).Count));
        var dueNow = 0;
        Report("reminder scan (deadline morning, first 64)", Samples.Of(200, () => dueNow = reminders.Due(busy, 64).Count), $"{dueNow} returned");
        Report("next reminder time", Samples.Of(200, () => reminders.NextDue() is null ? 0 : 1));

        var queries = bench.Get<LedgerQueries>();
        var leader = bench.Get<TeamStore>().GetMember(100_000 + 50)!;
        var contact = bench.Get<TeamStore>().GetMember(100_000 + 60)!;
        var today = FirstDeadline.AddDays(30);
        var active = new LedgerQuery { Scope = LedgerScope.Active };
        var overdue = new LedgerQuery { Scope = LedgerScope.Overdue };
        var words = new LedgerQuery { Scope = LedgerScope.Active, Words = ["不存在的单位"] };
        Report("ledger page 1 (leader, active)", Samples.Of(200, () => queries.Page(active, leader, today, 0).Items.Count));
        Report("ledger page 10 (leader, active)", Samples.Of(200, () => queries.Page(active, leader, today, 9).Items.Count));
        Report("overdue page 1 (leader)", Samples.Of(200, () => queries.Page(overdue, leader, today, 0).Items.Count));
        Report("contact's own items page 1", Samples.Of(200, () => queries.Page(active, contact, today, 0).Items.Count));
        Report("word search, no match (scans the team's active items)", Samples.Of(20, () => queries.Page(words, leader, today, 0).Items.Count));

        // One team's export, as the job runs it (before the sender starts, so the file can be measured).
        var jobs = bench.Get<LedgerJobs>();
        var job = new Job { Kind = LedgerJobs.JobKind, Payload = new BsonDocument { ["what"] = "export", ["user"] = leader.Id, ["chat"] = leader.Id } };
        var exportClock = Stopwatch.StartNew();
        await jobs.RunAsync(job, CancellationToken.None);
        exportClock.Stop();
        var outbox = bench.Get<Outbox>();
        var file = outbox.Pending().Select(e => outbox.Get(e.Id)).LastOrDefault(i => i?.FileName?.EndsWith(".xlsx", StringComparison.Ordinal) == true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  export of one team's ledger ({findings / Teams:N0} rows, xlsx + csv): {exportClock.Elapsed.TotalMilliseconds:F0} ms{(file is null ? "" : $", xlsx {file.FileContent!.Length / 1024.0:F0} KB")}"));

        await bench.StartSenderAsync();
        var dispatcher = bench.Get<Dispatcher>();
        long updateId = 0;
        async Task<int> Command(string text)
        {
            var outcome = await dispatcher.DispatchAsync(new IncomingUpdate
            {
                Channel = "bench",
                UpdateId = ++updateId,
                ChatId = leader.Id,
                UserId = leader.Id,
                Text = text,
                Date = DateTimeOffset.UtcNow,
            });
            return outcome == DispatchOutcome.Handled ? 1 : throw new InvalidOperationException(text + ": " + outcome);
        }

        Report("/ledger end to end (to commit)", await TimeAsync(100, () => Command("/ledger")));
        Report("/overdue end to end (to commit)", await TimeAsync(100, () => Command("/overdue")));

    }

    /// <summary>Seeds <paramref name="count"/> findings spread over <paramref name="teams"/>, with their reminders.</summary>
    internal static void Seed(BenchHost bench, List<Team> teams, int count)
    {
        var store = bench.Get<FindingStore>();
        var plan = bench.Get<LedgerReminders>();
        var db = bench.Get<AssistantDatabase>();
        var now = new DateTime(2023, 11, 3, 2, 0, 0, DateTimeKind.Utc);
        var random = new Random(7);
        var sectors = Enum.GetValues<Sector>();
        var aspects = Enum.GetValues<Aspect>();
        const int batch = 2000;
        for (var start = 0; start < count; start += batch)
        {
            db.InTransaction(() =>
            {
                for (var i = start; i < Math.Min(count, start + batch); i++)
                {
                    var t = i % teams.Count;
                    var team = teams[t];
                    var number = (i / teams.Count) + 1;
                    var closed = random.Next(10) < 3;
                    var f = new Finding
                    {
                        TeamId = team.Id,
                        Number = number,
                        Code = $"{team.Code}-{number:000000}",
                        AuthorId = 100_000 + (t * 100) + random.Next(8),
                        AuthorName = "成员",
                        Aspect = aspects[random.Next(aspects.Length)],
                        Sector = sectors[random.Next(sectors.Length)],
                        City = "长沙市",
                        Unit = "某化工有限公司" + (i % 997).ToString(CultureInfo.InvariantCulture),
                        Description = "甲类仓库与办公楼防火间距不足，约8米，规范要求不少于30米",
                        Severity = random.Next(10) == 0 ? Severity.MajorHazard : Severity.GeneralHazard,
                        ResponsibleUnit = "长沙市应急管理局",
                        ResponsibleContactId = 100_000 + (t * 100) + 60 + random.Next(4),
                        ResponsiblePerson = "责任人",
                        Deadline = FirstDeadline.AddDays(random.Next(120)),
                        Status = closed ? RectificationStatus.Closed : RectificationStatus.Assigned,
                        Day = new DateOnly(2023, 11, 3),
                        CreatedUtc = now,
                        UpdatedUtc = now,
                    };
                    store.Insert(f);
                    plan.Plan(f, now);
                }
            });
        }
    }

    private static async Task<Samples> TimeAsync(int repeat, Func<Task<int>> work)
    {
        for (var i = 0; i < 5; i++)
        {
            await work();
        }

        var samples = new Samples();
        for (var i = 0; i < repeat; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await work();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        return samples;
    }

    private static void Report(string what, Samples samples, string? note = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: p50 {samples.Percentile(50) / 1000:F2} ms, p99 {samples.Percentile(99) / 1000:F2} ms{(note is null ? "" : " (" + note + ")")}"));
}
