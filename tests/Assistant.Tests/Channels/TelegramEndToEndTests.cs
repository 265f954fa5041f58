using System.Text.RegularExpressions;
using Assistant.Core.Teams;
using Assistant.Hosting;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Channels;

/// <summary>The real host and the real Telegram.Bot client, against the fake Bot API over HTTP.</summary>
public sealed partial class TelegramEndToEndTests
{
    private const long Admin = 9001;
    private const long Leader = 601;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task InviteAndJoin_ThroughTelegram_WorksEndToEnd()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder, admins: [Admin]);
        app.CreateTeam();

        api.EnqueueText(Admin, Admin, "/invite leader 第七组");
        var invite = await api.WaitForSentAsync(m => m.ChatId == Admin);
        Assert.Equal("html", invite.ParseMode, ignoreCase: true);
        var code = StartLink().Match(invite.PlainText!).Groups[1].Value;
        Assert.Equal(8, code.Length);

        api.EnqueueText(700, 700, "/start " + code, firstName: "李明");
        var welcome = await api.WaitForSentAsync(m => m.ChatId == 700);

        Assert.Contains("欢迎加入第七组", welcome.PlainText, StringComparison.Ordinal);
        Assert.Equal(Role.Leader, app.Get<TeamStore>().GetMember(700)!.Role);
        Assert.Equal("李明", app.Get<TeamStore>().GetMember(700)!.DisplayName);
    }

    [Fact]
    public async Task Stranger_GetsOnePoliteAnswer()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        app.CreateTeam();

        api.EnqueueText(4242, 4242, "你好，我想查日程");
        var reply = await api.WaitForSentAsync(m => m.ChatId == 4242);

        Assert.Contains("邀请码", reply.PlainText, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(api.Sent, m => m.ChatId == 4242);
        Assert.Null(app.Get<TeamStore>().GetMember(4242));
    }

    [Fact]
    public async Task UpdateDeliveredTwice_IsHandledOnce()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        app.AddMember(app.CreateTeam(), Leader, Role.Leader);

        var id = api.EnqueueText(Leader, Leader, "/members");
        await api.WaitForSentAsync(m => m.ChatId == Leader);
        await Eventually.TrueAsync(() => api.ConfirmedOffset > id, "the update to be confirmed");

        api.EnqueueDuplicate(id);
        var marker = api.EnqueueText(Leader, Leader, "/help");
        await api.WaitForSentAsync(m => m.ChatId == Leader && m.PlainText!.Contains("/help —", StringComparison.Ordinal));

        Assert.True(marker > id);
        Assert.Single(api.Sent, m => m.ChatId == Leader && m.PlainText!.Contains("第七组 人员", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManyChatsAtOnce_EachChatsRepliesKeepTheirOrder_WithinTelegramsLimits()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder, pacing: true);
        var team = app.CreateTeam();
        const int chats = 20;
        for (var c = 0; c < chats; c++)
        {
            app.AddMember(team, 3000 + c, Role.Member);
        }

        for (var i = 0; i < 3; i++)
        {
            for (var c = 0; c < chats; c++)
            {
                api.EnqueueText(3000 + c, 3000 + c, $"/step{i}");
            }
        }

        await Eventually.TrueAsync(() => api.Sent.Count(m => !m.IsEdit) >= chats * 3, "all replies", Long);
        var times = api.Calls.Where(c => c.Method == "sendMessage").Select(c => c.Time).Order().ToList();
        // Times are taken where the calls arrive, so a loaded machine's HTTP latency shifts them by up to a few
        // hundred milliseconds; without pacing, all 60 arrive within a few tens of milliseconds.
        for (var i = 30; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 30] >= TimeSpan.FromMilliseconds(500), $"more than 30 messages in a second: #{i - 30} at {times[i - 30]:HH:mm:ss.fff}, #{i} at {times[i]:HH:mm:ss.fff}");
        }

        for (var c = 0; c < chats; c++)
        {
            var replies = api.Sent.Where(m => m.ChatId == 3000 + c).Select(m => m.PlainText!).ToList();
            Assert.Equal(3, replies.Count);
            for (var i = 0; i < 3; i++)
            {
                Assert.Contains($"/step{i}", replies[i], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Restart_ResumesFromThePersistedOffset()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        long first;
        await using (var app = await TestApp.StartAsync(api, folder))
        {
            app.AddMember(app.CreateTeam(), Leader, Role.Leader);
            first = api.EnqueueText(Leader, Leader, "/members");
            await api.WaitForSentAsync(m => m.ChatId == Leader);
        }

        api.Reset();
        var whileDown = api.EnqueueText(Leader, Leader, "/help");
        await using var restarted = await TestApp.StartAsync(api, folder);

        await api.WaitForSentAsync(m => m.ChatId == Leader && m.PlainText!.Contains("/help —", StringComparison.Ordinal));
        var firstPoll = api.Calls.First(c => c.Method == "getUpdates");
        Assert.Equal(first + 1, firstPoll.GetLong("offset"));
        Assert.True(whileDown > first);
        Assert.DoesNotContain(api.Sent, m => m.PlainText!.Contains("第七组 人员", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ButtonPress_IsAnsweredAtOnceAndActedOn()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        app.AddMember(app.CreateTeam(), Leader, Role.Leader);

        api.EnqueueText(Leader, Leader, "/lang");
        var choose = await api.WaitForSentAsync(m => m.ChatId == Leader && m.InlineKeyboard is not null);
        var english = choose.Buttons.Single(b => b.Text == "English");
        api.EnqueueCallback(Leader, Leader, choose.MessageId, english.CallbackData!);

        await api.WaitForCallAsync("answerCallbackQuery");
        var done = await api.WaitForSentAsync(m => m.ChatId == Leader && m.PlainText!.Contains("English with you", StringComparison.Ordinal));
        Assert.NotNull(done);
        var cleared = await api.WaitForSentAsync(m => m.ChatId == Leader && m.IsEdit);
        Assert.Equal(choose.MessageId, cleared.MessageId);
    }

    [Fact]
    public async Task CommandMenu_IsRegisteredInBothLanguages_AndItsFailureIsNotFatal()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.FailNext("setMyCommands", 1, 500, "Internal Server Error");
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        app.AddMember(app.CreateTeam(), Leader, Role.Leader);

        api.EnqueueText(Leader, Leader, "/help");
        await api.WaitForSentAsync(m => m.ChatId == Leader);

        var english = await api.WaitForCallAsync("setMyCommands", c => c["language_code"] == "en");
        Assert.Contains("help", english["commands"], StringComparison.Ordinal);
        Assert.True(app.Logs.Contains("setMyCommands (zh-CN) failed"));
    }

    [Fact]
    public async Task RateLimit429_IsWaitedOutAndTheReplyDeliveredOnce()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.FailNext("sendMessage", 1, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        app.AddMember(app.CreateTeam(), Leader, Role.Leader);

        api.EnqueueText(Leader, Leader, "/help");
        await api.WaitForSentAsync(m => m.ChatId == Leader, Long);

        Assert.Single(api.Sent, m => m.ChatId == Leader);
        var attempts = api.Calls.Where(c => c.Method == "sendMessage").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].Time - attempts[0].Time >= TimeSpan.FromSeconds(0.95));
        Assert.True(app.Logs.Contains("asked to wait"));
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithoutLosingOrRepeatingAnything()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        app.AddMember(app.CreateTeam(), Leader, Role.Leader);
        api.FailNext("getUpdates", 2, 502, "Bad Gateway");
        api.FailNext("sendMessage", 1, 500, "Internal Server Error");

        api.EnqueueText(Leader, Leader, "/members");
        await api.WaitForSentAsync(m => m.ChatId == Leader, Long);

        await Task.Delay(500);
        Assert.Single(api.Sent, m => m.ChatId == Leader);
    }

    [Fact]
    public async Task ApiUnreachableForAWhile_UpdatesAndRepliesFlowOnceItReturns()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        app.AddMember(app.CreateTeam(), Leader, Role.Leader);
        await api.WaitUntilPollingAsync();

        await api.GoDownAsync();
        api.EnqueueText(Leader, Leader, "/members");
        await Task.Delay(1500);
        await api.ComeBackAsync();

        await api.WaitForSentAsync(m => m.ChatId == Leader, Long);
        await Task.Delay(500);
        Assert.Single(api.Sent, m => m.ChatId == Leader);
        Assert.True(app.Logs.Contains("Could not reach Telegram"));
    }

    [Fact]
    public async Task Conflict409AtStart_StopsWithOneClearLine()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.SimulateConflict(true);
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);

        var stopped = new TaskCompletionSource();
        app.Lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());
        await stopped.Task.WaitAsync(Long);

        Assert.Equal(4, app.Get<ExitCode>().Value);
        Assert.Single(app.Logs.Lines, l => l.Message.Contains("Another process is already polling this bot token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_NeverAppearsInAnyLogLine()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.FailNext("getUpdates", 1, 502, "Bad Gateway");
        api.FailNext("sendMessage", 1, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        api.FailNext("setMyCommands", 1, 400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
        using var folder = new TempFolder();
        var everything = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
            ["Logging:LogLevel:System.Net.Http"] = "Trace",
        };
        await using var app = await TestApp.StartAsync(api, folder, settings: everything);
        app.AddMember(app.CreateTeam(), Leader, Role.Leader);
        api.EnqueueText(Leader, Leader, "/help");
        await api.WaitForSentAsync(m => m.ChatId == Leader, Long);
        await api.GoDownAsync();
        await Task.Delay(1200);
        await api.ComeBackAsync();
        await api.WaitUntilPollingAsync(Long);

        var secret = api.Token[(api.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.True(app.Logs.Contains("Could not reach Telegram"), "the outage should be logged");
        Assert.True(app.Logs.Contains("asked to wait"), "the 429 should be logged");
        Assert.True(app.Logs.Contains("setMyCommands (zh-CN) failed"), "the menu failure should be logged");
        Assert.Contains(app.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Trace || l.Level == Microsoft.Extensions.Logging.LogLevel.Debug);
        Assert.DoesNotContain(secret, app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongReply_IsSplitIntoMessagesTelegramAccepts()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Leader, Role.Leader);
        for (var i = 0; i < 250; i++)
        {
            app.AddMember(team, 50_000 + i, Role.Member, $"成员{i:000} 应急管理厅危险化学品安全监督管理处");
        }

        api.EnqueueText(Leader, Leader, "/members");
        await Eventually.TrueAsync(() => api.Sent.Any(m => m.ChatId == Leader && m.PlainText!.Contains("成员249", StringComparison.Ordinal)), "the last part", Long);

        var parts = api.Sent.Where(m => m.ChatId == Leader).ToList();
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.PlainText!.Length <= 4096));
        Assert.Equal(251, parts.Sum(p => p.PlainText!.Split('\n').Count(l => l.StartsWith('•'))));
    }

    [Fact]
    public async Task UserText_IsEscapedSoTelegramAcceptsTheHtml()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        app.AddMember(app.CreateTeam(), Leader, Role.Leader);

        api.EnqueueText(Leader, Leader, "/<b>&nbsp;");
        var reply = await api.WaitForSentAsync(m => m.ChatId == Leader);

        Assert.Contains("/<b>&nbsp;", reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_CommandWithTheBotsName_IsUnderstood()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Leader, Role.Leader);
        const long group = -1001234567;

        api.EnqueueText(group, Leader, "/linkgroup@inspection_test_bot", chatType: "supergroup", chatTitle: "第七组工作群");
        var linked = await api.WaitForSentAsync(m => m.ChatId == group);

        Assert.Contains("已关联到第七组", linked.PlainText, StringComparison.Ordinal);
        Assert.Contains(group, app.Get<TeamStore>().GetTeam(team.Id)!.GroupChatIds);
    }

    [GeneratedRegex(@"https://t\.me/inspection_test_bot\?start=([A-Z0-9]+)")]
    private static partial Regex StartLink();
}
