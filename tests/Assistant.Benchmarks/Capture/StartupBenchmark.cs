using System.Globalization;
using Assistant.Benchmarks.Load;
using Assistant.Tests.Fakes;

namespace Assistant.Benchmarks.Capture;

/// <summary>
/// Starts the program (a build output or a <c>dotnet publish</c> folder) on the Telegram channel against the fake
/// Bot API several times, each on a fresh database with one team: the time from starting the process to its first
/// getUpdates request reaching the fake, then the time to the reply to one command (/help) sent at once, then the resident memory after it and a few idle seconds.
/// </summary>
public static class StartupBenchmark
{
    public static async Task RunAsync(string assistantDll, int runs = 5, double settleSeconds = 10)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"startup: {runs} runs of {assistantDll}, idle RSS {settleSeconds:F0} s after /help"));
        var polls = new Samples();
        var idle = new Samples();
        var cpus = new Samples();
        var replies = new Samples();
        for (var run = 0; run < runs; run++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ia-startup", Guid.NewGuid().ToString("N")[..8]);
            CaptureBenchmark.Seed(folder, members: 1);
            await using var api = await FakeBotApi.StartAsync();
            var inbox = new ChatInbox();
            api.MessageRecorded += message =>
            {
                if (message.ChatId == CaptureBenchmark.FirstUserId)
                {
                    inbox.Add(message);
                }
            };

            var started = DateTimeOffset.UtcNow;
            using var host = HostProcess.Start(assistantDll, folder, CaptureBenchmark.Environment(api, folder, pacing: true));
            var firstPoll = (await api.WaitForCallAsync("getUpdates", timeout: TimeSpan.FromSeconds(60))).Time - started;
            var startCpu = host.CpuTime; // read a moment after the poll: a bound, less noisy than the wall time on a shared machine
            var before = string.Join(", ", api.Calls.TakeWhile(c => c.Method != "getUpdates")
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Method} {(c.Time - started).TotalMilliseconds:F0}")));
            var asked = DateTimeOffset.UtcNow;
            api.EnqueueText(CaptureBenchmark.FirstUserId, CaptureBenchmark.FirstUserId, "/help");
            if (await inbox.WaitAsync(0, _ => true, TimeSpan.FromSeconds(30)) is null)
            {
                throw new InvalidOperationException("No answer to /help.\n" + host.Output);
            }

            // The first update is the first use of most stored types: what start-up left for later shows here.
            var firstReply = DateTimeOffset.UtcNow - asked;

            await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
            var rss = host.RssMegabytes;
            var parts = host.RssParts;
            var largest = host.LargestMappings(70);
            var exitCode = await host.StopAsync(TimeSpan.FromSeconds(30));
            Directory.Delete(folder, recursive: true);
            polls.Add(firstPoll.TotalMicroseconds);
            cpus.Add(startCpu.TotalMicroseconds);
            idle.Add(rss * 1000);
            replies.Add(firstReply.TotalMicroseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run + 1}: first getUpdates {firstPoll.TotalMilliseconds:F0} ms after start, CPU by then {startCpu.TotalMilliseconds:F0} ms (before it, in ms: {before}); first reply (/help) {firstReply.TotalMilliseconds:F0} ms after it was sent; RSS after /help and {settleSeconds:F0} s idle {rss:F1} MB ({parts}); exit code {exitCode}"));
            Console.WriteLine("    largest resident mappings, MB: " + largest);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"startup row | first poll median {polls.Percentile(50) / 1000:F0} ms (min {polls.Percentile(0) / 1000:F0}, max {polls.Percentile(100) / 1000:F0}), CPU by then median {cpus.Percentile(50) / 1000:F0} ms | first reply median {replies.Percentile(50) / 1000:F0} ms (min {replies.Percentile(0) / 1000:F0}, max {replies.Percentile(100) / 1000:F0}) | idle RSS median {idle.Percentile(50) / 1000:F1} MB (min {idle.Percentile(0) / 1000:F1}, max {idle.Percentile(100) / 1000:F1})"));
    }
}
