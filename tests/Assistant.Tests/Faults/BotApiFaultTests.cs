using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Faults;

/// <summary>
/// The Bot API misbehaving in the ways not covered by the end-to-end tests (429, 500 and refused
/// connections are in TelegramEndToEndTests): 502 on every method, and requests that hang.
/// </summary>
public sealed class BotApiFaultTests
{
    private const long Leader = 901;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);
    private static readonly Dictionary<string, string?> ShortTimeout = new() { ["Telegram:RequestTimeoutSeconds"] = "2" };

    [Fact]
    public async Task HungPoll_IsAbandonedAfterItsTimeout_AndUpdatesFlowAgain()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        api.DelayNext("getUpdates", 1, TimeSpan.FromMinutes(5));
        await using var app = await TestApp.StartAsync(api, folder, settings: ShortTimeout);
        app.AddMember(app.CreateTeam(), Leader, Role.Leader, "刘组长");

        api.EnqueueText(Leader, Leader, "/members");

        var reply = await api.WaitForSentAsync(m => m.ChatId == Leader, Long);
        Assert.Contains("刘组长", reply.PlainText, StringComparison.Ordinal);
        Assert.True(app.Logs.Contains("Could not reach Telegram"), app.Logs.AllText);
    }

    [Fact]
    public async Task HungSend_IsAbandonedAndRetried_SoTheReplyArrivesInSeconds()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder, settings: ShortTimeout);
        app.AddMember(app.CreateTeam(), Leader, Role.Leader, "刘组长");
        await api.WaitUntilPollingAsync();
        api.DelayNext("sendMessage", 1, TimeSpan.FromMinutes(5));

        api.EnqueueText(Leader, Leader, "/members");

        var reply = await api.WaitForSentAsync(m => m.ChatId == Leader, Long);
        Assert.Contains("刘组长", reply.PlainText, StringComparison.Ordinal);
        Assert.Equal(2, api.Calls.Count(c => c.Method == "sendMessage"));
    }

    [Fact]
    public async Task BadGatewayOnEveryMethod_ForAWhile_EveryReplyDeliveredOnceWhenItClears()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        for (var user = 0; user < 5; user++)
        {
            app.AddMember(team, 1000 + user, Role.Member);
        }

        await api.WaitUntilPollingAsync();
        api.FailNextRaw("*", 8, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        for (var user = 0; user < 5; user++)
        {
            api.EnqueueText(1000 + user, 1000 + user, "网关故障期间的笔记" + user);
        }

        for (var user = 0; user < 5; user++)
        {
            await api.WaitForSentAsync(m => m.ChatId == 1000 + user && m.PlainText!.Contains("网关故障期间的笔记", StringComparison.Ordinal), Long);
        }

        await Task.Delay(500);
        Assert.All(Enumerable.Range(1000, 5), chat => Assert.Single(api.Sent, m => m.ChatId == chat && !m.IsEdit));
        Assert.Contains(api.Calls, c => c.StatusCode == 502);
    }
}
