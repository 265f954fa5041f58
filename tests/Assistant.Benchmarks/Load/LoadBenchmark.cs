using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Findings;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Assistant.Hosting;
using Assistant.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Benchmarks.Load;

/// <summary>
/// 500 people in 20 teams using the assistant at once for some minutes, through the real host and the real
/// Telegram channel (Telegram.Bot long polling, the outbox sender and its pacing) against the in-process fake
/// Bot API. Reports the answer latency by kind of message (from the update being queued at the fake to the
/// first message the bot sends to that chat), throughput, errors (error log lines, lost replies, Bot API
/// error answers), memory every 30 s after a full collection, the database size, and whether every finding
/// flow that was confirmed saved exactly one finding.
/// </summary>
public static class LoadBenchmark
{
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MemoryInterval = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(double minutes = 5, double meanPauseSeconds = 90, bool pacing = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ia-load", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "assistant.db");
        await using var api = await FakeBotApi.StartAsync();
        var log = new ProblemLog();
        var (builder, mode) = AssistantHost.CreateBuilder(Invocation.Parse([]), b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = api.Token,
                ["Telegram:ApiBaseUrl"] = api.BaseUrl,
                ["Telegram:Pacing"] = pacing ? "true" : "false",
                ["Storage:DatabasePath"] = database,
            });
            b.Logging.ClearProviders().AddProvider(log).SetMinimumLevel(LogLevel.Warning);
        });
        if (mode != HostMode.Telegram)
        {
            throw new InvalidOperationException($"expected the Telegram channel, got {mode}");
        }

        var host = builder.Build();
        var seedClock = Stopwatch.StartNew();
        var people = LoadWorld.Seed(host.Services, TimeProvider.System);
        var findings = host.Services.GetRequiredService<FindingStore>();
        var teams = host.Services.GetRequiredService<TeamAdministration>().ListTeams();
        var findingsBefore = teams.Sum(t => findings.OfTeam(t.Id).Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {people.Count} people in {teams.Count} teams, {findingsBefore} findings seeded in {seedClock.Elapsed.TotalSeconds:F1}s; {minutes:0.#} min, {meanPauseSeconds:0.#} s mean pause, pacing {(pacing ? "on" : "off")}"));

        var inboxes = people.ToDictionary(p => p.UserId, _ => new ChatInbox());
        long botMessages = 0;
        api.MessageRecorded += message =>
        {
            Interlocked.Increment(ref botMessages);
            if (inboxes.TryGetValue(message.ChatId, out var inbox))
            {
                inbox.Add(message);
            }
        };

        await host.StartAsync();
        await api.WaitUntilPollingAsync(TimeSpan.FromSeconds(30));

        var tally = new LoadTally();
        var calls = new CallTally();
        var outbox = host.Services.GetRequiredService<Outbox>();
        var memory = new MemorySeries(database);
        memory.Sample(TimeSpan.Zero, Backlog(outbox, tally), tally.Replied);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var running = people.Select((p, i) => new SimulatedPerson(p, api, inboxes[p.UserId], tally, TimeSpan.FromSeconds(meanPauseSeconds), seed: i + 1).RunAsync(stop.Token)).ToList();
        var everyone = Task.WhenAll(running);
        var nextSample = MemoryInterval;
        while (!everyone.IsCompleted)
        {
            await Task.WhenAny(everyone, Task.Delay(HousekeepingInterval));
            calls.Add(api.Forget(keepMessagesPerChat: 3));
            if (clock.Elapsed >= nextSample && !stop.IsCancellationRequested)
            {
                memory.Sample(clock.Elapsed, Backlog(outbox, tally), tally.Replied);
                nextSample += MemoryInterval;
            }
        }

        try
        {
            await everyone;
        }
        catch (Exception ex)
        {
            // Show what the host logged before the failure, then fail.
            foreach (var line in log.First(20))
            {
                Console.WriteLine("  ! " + line);
            }

            Console.WriteLine("  ! the run failed: " + ex);
            throw;
        }

        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var sent = Interlocked.Read(ref botMessages);

        // Let the outbox drain, then the last sample.
        var drain = Stopwatch.StartNew();
        while (Backlog(outbox, tally) != 0 && drain.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        calls.Add(api.Forget(keepMessagesPerChat: 3));
        memory.Sample(clock.Elapsed, Backlog(outbox, tally), tally.Replied);
        var findingsAfter = teams.Sum(t => findings.OfTeam(t.Id).Count);

        Report(tally, calls, memory, log, elapsed, cpu, sent, findingsAfter - findingsBefore, people.Count);
        await host.StopAsync(TimeSpan.FromSeconds(10));
        host.Dispose();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  database after stop: {MemorySeries.DatabaseMegabytes(database):F1} MB"));
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The outbox backlog; -1 (and a problem noted) when the database cannot answer.</summary>
    private static int Backlog(Outbox outbox, LoadTally tally)
    {
        try
        {
            return outbox.PendingCount();
        }
        catch (LiteDB.LiteException ex)
        {
            tally.Problem("the driver could not read the outbox: " + ex.Message);
            return -1;
        }
    }

    private static void Report(LoadTally tally, CallTally calls, MemorySeries memory, ProblemLog log, TimeSpan elapsed, TimeSpan cpu, long sent, int saved, int people)
    {
        var seconds = elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load result: {people} people, {seconds:F0}s | offered {tally.Offered} updates = {tally.Offered / seconds:F1}/s | answered {tally.Replied} = {tally.Replied / seconds:F1}/s | bot messages sent or edited {sent} = {sent / seconds:F1}/s | CPU {cpu.TotalSeconds / seconds * 100:F0}% of one core ({Environment.ProcessorCount} cores)"));
        Console.WriteLine("  latency, update queued at the fake -> first message to that chat (jobs: -> their result):");
        Console.Write(tally.Table());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  errors: {log.Errors} error log lines, {tally.Missed} updates without a reply within {SimulatedPerson.ReplyLimit.TotalSeconds:F0}s (jobs {SimulatedPerson.JobLimit.TotalSeconds:F0}s), {calls.Errors} Bot API error answers ({calls.TooManyRequests} of them 429) of {calls.Total} calls, {log.Warnings} warnings"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  findings: {tally.SavesPressed} flows reached 'save', {tally.FlowsCompleted} saves confirmed, {saved} findings saved{(saved == tally.FlowsCompleted ? " (match)" : " (MISMATCH)")}, {tally.FlowsAbandoned} flows abandoned"));
        Console.WriteLine("  memory (after a full collection), every 30 s:");
        Console.Write(memory.Table());
        foreach (var line in calls.Breakdown().Concat(log.First(10)).Concat(tally.FirstProblems(10)))
        {
            Console.WriteLine("  ! " + line);
        }
    }
}
