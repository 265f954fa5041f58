using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Messaging;

namespace Assistant.Benchmarks;

/// <summary>
/// 100 members each record a finding at the same time, through the whole flow (14 steps: command,
/// buttons, typed answers, review, save), each waiting for the assistant's reply before the next
/// step as a person would. Reports completed findings per second and latency per step (hand-over to
/// commit, and hand-over to the reply delivered).
/// </summary>
public static class FindingFlowBenchmark
{
    private static readonly (bool Button, string Value)[] Steps =
    [
        (false, "/finding"),
        (true, "安全生产责任落实"),
        (true, "危险化学品"),
        (true, "实地检查"),
        (true, "明查"),
        (false, "长沙市望城区"),
        (false, "长沙某化工有限公司"),
        (false, "甲类仓库与办公楼防火间距不足，约8米，规范要求不少于30米"),
        (true, "描述完成"),
        (true, "一般隐患"),
        (true, "保存"),
    ];

    public static async Task RunAsync(int members = 100, int rounds = 3)
    {
        var transport = new RecordingTransport();
        using var bench = new BenchHost(transport: transport);
        var team = bench.CreateTeam("第七组", "G7");
        bench.AddMembers(team, 20_000, members);
        await bench.StartSenderAsync();
        var dispatcher = bench.Get<Dispatcher>();
        long id = 0;

        async Task RecordOne(long user, bool measure, Samples commit, Samples reply, bool think = false)
        {
            foreach (var (button, value) in Steps)
            {
                if (think)
                {
                    await Task.Delay(500 + Random.Shared.Next(1000));
                }

                var update = new IncomingUpdate
                {
                    Channel = "bench",
                    UpdateId = Interlocked.Increment(ref id),
                    ChatId = user,
                    UserId = user,
                    Date = DateTimeOffset.UtcNow,
                    Kind = button ? UpdateKind.Callback : UpdateKind.Message,
                    Text = button ? null : value,
                    CallbackData = button ? transport.Button(user, value) : null,
                    MessageId = 1,
                };
                var arrived = transport.NextMessage(user);
                var start = Stopwatch.GetTimestamp();
                var outcome = await dispatcher.DispatchAsync(update);
                var committed = Stopwatch.GetElapsedTime(start);
                await arrived.WaitAsync(TimeSpan.FromSeconds(30));
                var delivered = Stopwatch.GetElapsedTime(start);
                if (outcome != DispatchOutcome.Handled)
                {
                    throw new InvalidOperationException($"step '{value}' not handled: {outcome}");
                }

                if (measure)
                {
                    commit.Add(committed.TotalMicroseconds);
                    reply.Add(delivered.TotalMicroseconds);
                }
            }
        }

        // Warm-up round (JIT, first pages).
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => RecordOne(20_000 + i, measure: false, new Samples(), new Samples())));

        // 1. No pause between steps: the most findings per second the assistant can take.
        var commit = new Samples();
        var reply = new Samples();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, members).Select(i => RecordOne(20_000 + i, measure: true, commit, reply)));
        }

        clock.Stop();
        var findings = members * rounds;
        var allocatedPerStep = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / (findings * Steps.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"finding flow, no pause: {members} members at once x {rounds} rounds = {findings} findings ({Steps.Length} steps each) in {clock.Elapsed.TotalSeconds:F2}s = {findings / clock.Elapsed.TotalSeconds:F1} findings/s | per step, to commit: p50 {commit.Percentile(50) / 1000:F2} ms, p99 {commit.Percentile(99) / 1000:F2} ms | allocated per step (dispatch, flow, outbox, delivery to a recording channel) {allocatedPerStep:F0} KB"));

        // 2. A person's pace: 0.5 to 1.5 s between steps, 100 members at once.
        var paced = new Samples();
        var pacedReply = new Samples();
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, members).Select(i => RecordOne(20_000 + i, measure: true, paced, pacedReply, think: true)));
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"finding flow, 0.5-1.5 s between steps: {members} findings in {clock.Elapsed.TotalSeconds:F2}s | per step, to commit: p50 {paced.Percentile(50) / 1000:F2} ms, p99 {paced.Percentile(99) / 1000:F2} ms | to reply delivered: p50 {pacedReply.Percentile(50) / 1000:F2} ms, p99 {pacedReply.Percentile(99) / 1000:F2} ms"));

        var saved = bench.Get<FindingStore>().OfTeam(team.Id).Count;
        if (saved != findings + members + 10)
        {
            throw new InvalidOperationException($"expected {findings + members + 10} findings, found {saved}");
        }
    }
}
