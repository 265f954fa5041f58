using System.Diagnostics;
using System.Globalization;
using Assistant.Benchmarks.Load;
using Assistant.Core.Common;
using Assistant.Core.Findings;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;

namespace Assistant.Benchmarks.Capture;

/// <summary>
/// N members of one team each record F findings at full speed, reacting to every reply as a person would
/// (<see cref="ReactiveMember"/>, <see cref="FindingPersona"/>), against the real program started as a process of
/// its own on the Telegram channel and the in-process fake Bot API. Prints findings per CPU-second of the
/// assistant's process, Bot API calls per user action, actions per finding, the latency of each step (action →
/// the reply it caused), the time from start to the first poll, idle and peak RSS of the assistant's process.
/// </summary>
public static class CaptureBenchmark
{
    /// <summary>The first member's Telegram user id (and private chat); the others follow.</summary>
    public const long FirstUserId = 3_000_000;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromSeconds(5);

    /// <summary>Bot API methods that send or edit a message: what Telegram's limits count.</summary>
    private static readonly HashSet<string> SendMethods = new(StringComparer.Ordinal)
    {
        "sendMessage", "editMessageText", "editMessageReplyMarkup", "editMessageCaption", "sendPhoto", "sendDocument", "deleteMessage",
    };

    public static async Task RunAsync(string assistantDll, int members = 100, int findingsEach = 5, bool pacing = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ia-capture", Guid.NewGuid().ToString("N")[..8]);
        Seed(folder, members);

        await using var api = await FakeBotApi.StartAsync();
        var inboxes = Enumerable.Range(0, members).ToDictionary(i => FirstUserId + i, _ => new ChatInbox());
        api.MessageRecorded += message =>
        {
            if (inboxes.TryGetValue(message.ChatId, out var inbox))
            {
                inbox.Add(message);
            }
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"capture: {members} members x {findingsEach} findings, pacing {(pacing ? "on" : "off")}, program {assistantDll}, {System.Environment.ProcessorCount} cores"));
        var started = DateTimeOffset.UtcNow;
        using var host = HostProcess.Start(assistantDll, folder, Environment(api, folder, pacing));
        var firstPoll = (await api.WaitForCallAsync("getUpdates", timeout: TimeSpan.FromSeconds(60))).Time - started;

        // Start and one command, then idle.
        var first = inboxes[FirstUserId];
        var mark = first.Mark();
        api.EnqueueText(FirstUserId, FirstUserId, "/help");
        if (await first.WaitAsync(mark, _ => true, TimeSpan.FromSeconds(30)) is null)
        {
            throw new InvalidOperationException("No answer to /help.\n" + host.Output);
        }

        var idleCpuBefore = host.CpuTime;
        await Task.Delay(Settle);
        var idleCpu = host.CpuTime - idleCpuBefore;
        var idleRss = host.RssMegabytes;
        var idleParts = host.RssParts;
        api.Forget(keepMessagesPerChat: 3);

        // Warm-up: some members record two findings each, so the run measures the steady state, not the JIT's
        // first compilations (a service runs for weeks); then a pause for the background compilations to finish.
        var warmUp = new CaptureTally();
        var warmUpMembers = Math.Min(members, 20);
        await Task.WhenAll(Enumerable.Range(0, warmUpMembers).Select(i =>
            new ReactiveMember(FirstUserId + i, api, inboxes[FirstUserId + i], warmUp)
                .RunAsync([FindingPersona.Day[i % FindingPersona.Day.Length], FindingPersona.Day[(i + 1) % FindingPersona.Day.Length]])));
        await Task.Delay(Settle);
        api.Forget(keepMessagesPerChat: 3);

        // The run.
        var tally = new CaptureTally();
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        var errors = new Dictionary<string, long>(StringComparer.Ordinal);
        void Count(IEnumerable<ApiCall> completed)
        {
            foreach (var call in completed)
            {
                calls[call.Method] = calls.GetValueOrDefault(call.Method) + 1;
                if (call.StatusCode >= 400)
                {
                    var key = $"{call.Method} {call.StatusCode.ToString(CultureInfo.InvariantCulture)}";
                    errors[key] = errors.GetValueOrDefault(key) + 1;
                }
            }
        }

        var hostCpuBefore = host.CpuTime;
        var threadsBefore = host.CpuByThread();
        var selfCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var everyone = Task.WhenAll(Enumerable.Range(0, members).Select(i =>
            new ReactiveMember(FirstUserId + i, api, inboxes[FirstUserId + i], tally)
                .RunAsync([.. Enumerable.Range(0, findingsEach).Select(k => FindingPersona.Day[(i + k) % FindingPersona.Day.Length])])));
        while (!everyone.IsCompleted)
        {
            await Task.WhenAny(everyone, Task.Delay(HousekeepingInterval));
            Count(api.Forget(keepMessagesPerChat: 3));
        }

        await everyone;
        var elapsed = clock.Elapsed;
        var hostCpu = host.CpuTime - hostCpuBefore;
        var threads = host.CpuByThread().Select(t => (Name: t.Key, Cpu: t.Value - threadsBefore.GetValueOrDefault(t.Key))).Where(t => t.Cpu > TimeSpan.Zero).OrderByDescending(t => t.Cpu).ToList();
        var selfCpu = Process.GetCurrentProcess().TotalProcessorTime - selfCpuBefore;
        var peakRss = host.PeakRssMegabytes;
        var endRss = host.RssMegabytes;
        var endParts = host.RssParts;
        Count(api.Forget(keepMessagesPerChat: 3));

        // What the process spends doing nothing, now that its code is compiled: the part of the run's CPU that grows with time, not work.
        var quietCpuBefore = host.CpuTime;
        await Task.Delay(Settle * 2);
        var quietCpu = (host.CpuTime - quietCpuBefore) / (Settle * 2).TotalSeconds;
        var afterRss = host.RssMegabytes; // what a process that has worked keeps while it waits for the next burst
        var afterParts = host.RssParts;

        var exitCode = await host.StopAsync(TimeSpan.FromSeconds(30));
        int saved;
        using (var bench = new BenchHost(folder)) // deletes the folder when done
        {
            saved = bench.Get<TeamAdministration>().ListTeams().Sum(t => bench.Get<FindingStore>().OfTeam(t.Id).Count);
        }

        var findings = tally.Findings;
        var sends = calls.Where(c => SendMethods.Contains(c.Key)).Sum(c => c.Value);
        var answers = calls.GetValueOrDefault("answerCallbackQuery");
        var (min, mean, max) = tally.ActionsPerFinding();
        var actions = Math.Max(1, tally.Actions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  start: first getUpdates {firstPoll.TotalMilliseconds:F0} ms after the process started; idle after /help: RSS {idleRss:F1} MB ({idleParts}), CPU {idleCpu.TotalMilliseconds / Settle.TotalSeconds:F1} ms/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  run: {findings} findings saved ({saved} in the database with the {warmUp.Findings} of the warm-up{(saved == findings + warmUp.Findings ? "" : " MISMATCH")}) in {elapsed.TotalSeconds:F1}s = {findings / elapsed.TotalSeconds:F1} findings/s; {tally.Actions} actions, {tally.Stuck} findings given up (no reply within {ReactiveMember.ReplyLimit.TotalSeconds:F0} s), {tally.Unknown} unknown questions"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CPU: assistant process {hostCpu.TotalSeconds:F2} s = {findings / hostCpu.TotalSeconds:F1} findings per CPU-second ({hostCpu.TotalMilliseconds / Math.Max(1, findings):F1} ms per finding, {hostCpu.TotalSeconds / elapsed.TotalSeconds * 100:F0}% of one core; idle after the run {quietCpu.TotalMilliseconds:F1} ms/s); driver and fake Bot API (this process) {selfCpu.TotalSeconds:F2} s"));
        Console.WriteLine("  CPU of the assistant's threads during the run (live threads, by name): "
            + string.Join(", ", threads.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Cpu.TotalSeconds:F2} s"))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Bot API: {(double)sends / actions:F2} send/edit calls per action ({sends}: {string.Join(", ", calls.Where(c => SendMethods.Contains(c.Key)).OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"))}), plus {(double)answers / actions:F2} answerCallbackQuery per action; other calls: {string.Join(", ", calls.Where(c => !SendMethods.Contains(c.Key) && c.Key != "answerCallbackQuery").Select(c => $"{c.Key} {c.Value}"))}; errors: {(errors.Count == 0 ? "none" : string.Join(", ", errors.Select(e => $"{e.Key} x{e.Value}")))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  actions per finding: mean {mean:F1} (min {min}, max {max})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  memory: peak RSS {peakRss:F1} MB, RSS at the end {endRss:F1} MB ({endParts}), {(Settle * 2).TotalSeconds:F0} s later {afterRss:F1} MB ({afterParts}); exit code {exitCode}; {host.ErrorLines} error and {host.WarningLines} warning log lines"));
        Console.WriteLine("  latency, action queued at the fake -> the reply it caused:");
        Console.Write(tally.Table());
        foreach (var problem in tally.FirstProblems(10))
        {
            Console.WriteLine("  ! " + problem);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"capture row | pacing {(pacing ? "on" : "off")} | {findings / hostCpu.TotalSeconds:F1} findings/CPU-s | {(double)sends / actions:F2} calls/action | {mean:F1} actions/finding | p50 {tally.All.Percentile(50) / 1000:F1} ms p99 {tally.All.Percentile(99) / 1000:F1} ms | peak {peakRss:F0} MB idle {idleRss:F0} MB, after the run {afterRss:F0} MB | first poll {firstPoll.TotalMilliseconds:F0} ms | {elapsed.TotalSeconds:F0} s | {tally.Stuck} given up"));
        // A member who gave up on a finding (no reply within a minute) is a result to report, not a failure of the run.
        if (exitCode != 0 || saved != findings + warmUp.Findings)
        {
            Console.WriteLine(host.Output.Length > 4000 ? host.Output[^4000..] : host.Output);
            throw new InvalidOperationException("The capture run had problems (see above).");
        }
    }

    /// <summary>The settings the program runs with: the fake Bot API, the database in <paramref name="folder"/>.</summary>
    public static Dictionary<string, string> Environment(FakeBotApi api, string folder, bool pacing) => new()
    {
        ["Telegram__BotToken"] = api.Token,
        ["Telegram__ApiBaseUrl"] = api.BaseUrl,
        ["Telegram__Pacing"] = pacing ? "true" : "false",
        ["Storage__DatabasePath"] = Path.Combine(folder, "assistant.db"),
    };

    /// <summary>A database in <paramref name="folder"/> with one team on a visit that started two days ago and <paramref name="members"/> members (Chinese) of <paramref name="role"/>.</summary>
    public static void Seed(string folder, int members, Role role = Role.Member)
    {
        using var bench = new BenchHost(folder, deleteOnDispose: false);
        var zone = TimeZones.Find("Asia/Shanghai") ?? throw new InvalidOperationException("No Asia/Shanghai time zone on this machine.");
        var today = TimeZones.Today(DateTimeOffset.UtcNow, zone);
        var admin = bench.Get<TeamAdministration>();
        var (team, error) = admin.CreateTeam("第七组", "湖南省", today.AddDays(-2), today.AddDays(7), "G7", "Asia/Shanghai");
        if (team is null)
        {
            throw new InvalidOperationException(error);
        }

        bench.AddMembers(team, FirstUserId, members, role);
    }
}
