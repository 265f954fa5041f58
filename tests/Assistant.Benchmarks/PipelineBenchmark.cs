using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Dispatching;
using Assistant.Core.Messaging;

namespace Assistant.Benchmarks;

/// <summary>
/// The update pipeline: dispatcher, a trivial command (/help), LiteDB on disk, the outbox and its
/// sender (to a null channel), no network. Two measurements over 100 chats:
/// saturation (every chat always has an update waiting: the most the pipeline can do), and
/// latency at a fixed offered rate (updates arrive on a schedule, as from many people at once).
/// </summary>
public static class PipelineBenchmark
{
    public static async Task RunAsync(int chats = 100, int updatesPerChat = 200, string command = "/help", int seconds = 10)
    {
        using var bench = new BenchHost();
        var team = bench.CreateTeam("第七组", "G7");
        bench.AddMembers(team, 10_000, chats);
        await bench.StartSenderAsync();
        var dispatcher = bench.Get<Dispatcher>();
        long id = 0;

        IncomingUpdate Update(long chat) => new()
        {
            Channel = "bench",
            UpdateId = Interlocked.Increment(ref id),
            ChatId = chat,
            UserId = chat,
            Text = command,
            Date = DateTimeOffset.UtcNow,
        };

        for (var i = 0; i < 1000; i++)
        {
            await dispatcher.DispatchAsync(Update(10_000 + (i % chats)));
        }

        // 1. Saturation: closed loop, one update in flight per chat.
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, chats).Select(async c =>
        {
            for (var i = 0; i < updatesPerChat; i++)
            {
                Check(await dispatcher.DispatchAsync(Update(10_000 + c)));
            }
        }));
        clock.Stop();
        var total = chats * updatesPerChat;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pipeline {command} saturation: {chats} chats, {total} updates in {clock.Elapsed.TotalSeconds:F2}s = {total / clock.Elapsed.TotalSeconds:F0} updates/s, {allocated / total / 1024.0:F1} KB allocated/update"));

        foreach (var rate in new[] { 1000, 2000 })
        {
            await OfferedRateAsync(dispatcher, bench, Update, chats, command, rate, seconds);
        }
    }

    private static async Task OfferedRateAsync(Dispatcher dispatcher, BenchHost bench, Func<long, IncomingUpdate> Update, int chats, string command, int rate, int seconds)
    {
        // 2. Fixed offered rate: updates are due every 1/rate s, round-robin over the chats, released by
        //    a 1 ms timer (no spinning: the driver must not take a core from the pipeline it measures);
        //    latency = from when an update is handed to the dispatcher to when it is committed.
        var samples = new Samples();
        var pending = new List<Task>();
        var gcPause = GC.GetTotalPauseDuration();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var count = rate * seconds;
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        var next = 0;
        while (next < count && await tick.WaitForNextTickAsync())
        {
            var now = Stopwatch.GetTimestamp();
            while (next < count && start + (long)(next * interval) <= now)
            {
                var handedOver = Stopwatch.GetTimestamp();
                pending.Add(Measure(dispatcher.DispatchAsync(Update(10_000 + (next % chats))), handedOver, samples));
                next++;
            }
        }

        await Task.WhenAll(pending);
        var elapsed = Stopwatch.GetElapsedTime(start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GC during the run: gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pipeline {command} at {rate}/s offered: {count} updates over {chats} chats in {elapsed.TotalSeconds:F2}s | p50 {samples.Percentile(50) / 1000:F2} ms | p99 {samples.Percentile(99) / 1000:F2} ms | max {samples.Percentile(100) / 1000:F2} ms | outbox backlog {bench.Get<Outbox>().PendingCount()}"));
    }

    private static async Task Measure(Task<DispatchOutcome> dispatch, long arrived, Samples samples)
    {
        Check(await dispatch);
        samples.Add((Stopwatch.GetTimestamp() - arrived) * 1_000_000.0 / Stopwatch.Frequency);
    }

    private static void Check(DispatchOutcome outcome)
    {
        if (outcome != DispatchOutcome.Handled)
        {
            throw new InvalidOperationException($"update not handled: {outcome}");
        }
    }
}
