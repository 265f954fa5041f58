using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Assistant.Channels.Telegram;
using Assistant.Core.Common;
using Assistant.Core.Teams;
using Assistant.Tests.Web;
using Assistant.Web;
using Microsoft.Extensions.Configuration;

namespace Assistant.Benchmarks;

/// <summary>
/// The Mini App's server side for a team with a large ledger: the requests the page makes to show its first screen
/// (<c>api/session</c>, then <c>api/ledger</c> at its default order and page), over HTTP to the real server in
/// this process, on the real core and LiteDB file. The first render is timed once right after start (cold: the
/// first request the server ever answers) and then repeatedly (warm), with the other views a leader opens.
/// </summary>
public static class MiniAppBenchmark
{
    private const string Token = "123456:BENCH-mini-app-token";

    public static async Task RunAsync(int findings)
    {
        using var bench = new BenchHost(configure: b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = Token,
                ["Web:PublicUrl"] = "https://mini.example.test/app/",
                ["Web:ListenUrl"] = "http://127.0.0.1:0",
            });
            b.AddSettings<TelegramOptions>(TelegramOptions.Section);
            b.AddMiniApp();
        });
        var team = bench.CreateTeam("第一组", "G1");
        bench.AddMembers(team, 100_000, 8);
        bench.AddMembers(team, 100_050, 1, Role.Leader);
        bench.AddMembers(team, 100_060, 4, Role.Contact);
        var seed = Stopwatch.StartNew();
        LedgerBenchmark.Seed(bench, [team], findings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mini app, one team with {findings:N0} findings (seeded in {seed.Elapsed.TotalSeconds:F1}s)"));

        var server = bench.Get<MiniAppServer>();
        await server.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Address };
        const long leader = 100_050;
        const long contact = 100_060;

        async Task<int> Get(string path, long user)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("tma", InitDataSigner.Sign(Token, user, DateTimeOffset.UtcNow));
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode ? body.Length : throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
        }

        async Task<int> FirstRender(long user) => await Get("api/session", user) + await Get("api/ledger", user);

        var warmUp = Stopwatch.StartNew();
        using (var page = await http.GetAsync("index.html"))
        {
            page.EnsureSuccessStatusCode();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the page itself, cold (the server's first request): {warmUp.Elapsed.TotalMilliseconds:F0} ms"));
        var cold = Stopwatch.StartNew();
        var bytes = await FirstRender(leader);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  first render, cold (session + ledger page 1, the first API requests): {cold.Elapsed.TotalMilliseconds:F0} ms, {bytes / 1024.0:F1} KB"));

        await Report("first render, warm (leader: session + ledger page 1)", () => FirstRender(leader));
        await Report("session alone (leader)", () => Get("api/session", leader));
        await Report("ledger page 1 alone (leader)", () => Get("api/ledger", leader));
        await Report("ledger page 1 sorted by unit (leader)", () => Get("api/ledger?sort=unit", leader));
        await Report("ledger last page, deadline descending (leader)", () => Get($"api/ledger?sort=deadline&dir=desc&page={(findings / LedgerEndpoint.DefaultPageSize) - 1}&scope=All", leader));
        await Report("ledger filtered: overdue, one sector (leader)", () => Get("api/ledger?scope=Overdue&sector=Fire", leader));
        await Report("ledger word search, no match (leader)", () => Get("api/ledger?q=" + Uri.EscapeDataString("不存在的单位"), leader));
        await Report("first render (contact: own items only)", () => FirstRender(contact));
        await Report("dashboard (leader)", () => Get("api/dashboard", leader));
        await Report("item card (leader)", () => Get("api/items/G1-000042", leader));
        await server.StopAsync(CancellationToken.None);
    }

    private static async Task Report(string what, Func<Task<int>> work, int repeat = 50)
    {
        for (var i = 0; i < 3; i++)
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

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: p50 {samples.Percentile(50) / 1000:F1} ms, p99 {samples.Percentile(99) / 1000:F1} ms"));
    }
}
