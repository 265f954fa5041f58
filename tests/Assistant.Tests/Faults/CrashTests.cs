using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Faults;

/// <summary>
/// The built assistant as a separate process on the Telegram channel (against the fake Bot API),
/// killed with SIGKILL in the middle of flows and of reminder delivery, then started again on the
/// same database: nothing saved is lost, drafts resume, updates are handled once, reminders go out.
/// </summary>
public sealed class CrashTests
{
    private const long Author = 903;
    private const long Colleague = 904;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    private static Dictionary<string, string> Env(FakeBotApi api, TempFolder folder) => new()
    {
        ["Telegram__BotToken"] = api.Token,
        ["Telegram__ApiBaseUrl"] = api.BaseUrl,
        ["Telegram__PollTimeoutSeconds"] = "1",
        ["Telegram__Pacing"] = "false",
        ["Storage__DatabasePath"] = folder.DatabasePath,
    };

    /// <summary>A team whose visit covers today (real time: the process runs on the real clock), with members.</summary>
    private static Team Seed(TempFolder folder, int extraMembers = 0, Action<CoreHarness, Team>? more = null)
    {
        using var h = CoreHarness.Create(folder, DateTimeOffset.UtcNow);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (team, error) = h.Get<TeamAdministration>().CreateTeam("第七组", "湖南省", today.AddDays(-2), today.AddDays(7), "G7");
        Assert.True(team is not null, error);
        h.AddMember(team, 901, Role.Leader, "刘组长");
        h.AddMember(team, 902, Role.Liaison, "陈静");
        h.AddMember(team, Author, Role.Member, "李明");
        h.AddMember(team, Colleague, Role.Member, "张伟");
        for (var i = 0; i < extraMembers; i++)
        {
            h.AddMember(team, 10_000 + i, Role.Member, $"成员{i}");
        }

        more?.Invoke(h, team);
        return team;
    }

    private static async Task<AssistantProcess> StartAsync(FakeBotApi api, TempFolder folder)
    {
        var process = AssistantProcess.Start(folder.Path, [], Env(api, folder));
        await api.WaitUntilPollingAsync(Long);
        return process;
    }

    [Fact]
    public async Task Killed_MidFlowAndWithUpdatesInFlight_RestartLosesNothingAndRepeatsNothing()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        Seed(folder);
        var author = new TelegramUser(api, Author, Long);

        using (var first = await StartAsync(api, folder))
        {
            await author.SayAsync("/finding");
            await author.PressAsync("安全生产责任落实");
            await author.PressAsync("危险化学品");
            await author.PressAsync("实地检查");
            await author.PressAsync("明查");
            await author.SayAsync("长沙市望城区");
            await author.SayAsync("长沙某化工有限公司");
            await author.SayAsync("甲类仓库与办公楼防火间距不足");
            await author.PressAsync("描述完成");
            await author.PressAsync("一般隐患");
            var saved = await author.PressAsync("保存");
            Assert.Contains("已保存为 G7-001", saved.PlainText, StringComparison.Ordinal);

            // A second finding, left at the description question; then a burst of notes, killed part-way.
            await author.SayAsync("/finding");
            await author.PressAsync("基层末梢");
            await author.PressAsync("消防");
            await author.PressAsync("实地检查");
            await author.PressAsync("明查");
            await author.SayAsync("长沙市芙蓉区");
            await author.SayAsync("某商场");
            for (var i = 1; i <= 40; i++)
            {
                api.EnqueueText(Colleague, Colleague, $"崩溃测试笔记{i:00}");
            }

            await api.WaitForSentAsync(m => m.ChatId == Colleague && m.PlainText!.Contains("崩溃测试笔记03", StringComparison.Ordinal), Long);
            first.Kill();
        }

        using (var second = await StartAsync(api, folder))
        {
            await api.WaitForSentAsync(m => m.ChatId == Colleague && m.PlainText!.Contains("崩溃测试笔记40", StringComparison.Ordinal), Long);
            var resumed = await author.SayAsync("甲类仓库与办公楼防火间距不足");
            Assert.DoesNotContain("没有进行中的", resumed.PlainText, StringComparison.Ordinal);
            second.Kill();
        }

        using var h = CoreHarness.Create(folder, DateTimeOffset.UtcNow);
        var team = h.Get<TeamStore>().AllTeams().Single();
        var notes = h.Get<NoteStore>().OfTeam(team.Id).Where(n => n.Text.StartsWith("崩溃测试笔记", StringComparison.Ordinal)).Select(n => n.Text).ToList();
        Assert.Equal(40, notes.Count);
        Assert.Equal(40, notes.Distinct().Count());
        var finding = Assert.Single(h.Get<FindingStore>().OfTeam(team.Id));
        Assert.Equal("G7-001", finding.Code);
        var draft = h.Get<DraftStore>().Get(Author);
        Assert.NotNull(draft);
        Assert.Equal("某商场", draft.Data["Unit"].AsString);
        Assert.Contains("甲类仓库与办公楼防火间距不足", draft.Data["Description"].AsString, StringComparison.Ordinal);
        var replies = api.Sent.Where(m => m.ChatId == Colleague && m.PlainText!.Contains("崩溃测试笔记", StringComparison.Ordinal)).ToList();
        Assert.Equal(40, replies.Select(m => m.PlainText).Distinct().Count());
    }

    [Fact]
    public async Task Killed_WhileRemindersWaitForAnUnavailableApi_EachGoesOutExactlyOnceAfterRestart()
    {
        const int members = 30;
        const string title = "崩溃测试：听取省应急管理厅专题汇报";
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        Seed(folder, members, (h, team) =>
        {
            var now = DateTime.UtcNow;
            var item = new ScheduleItem
            {
                TeamId = team.Id, Kind = EventKind.Briefing, Title = title, Place = "省应急管理厅", WholeTeam = true,
                StartUtc = now.AddMinutes(20), EndUtc = now.AddMinutes(80),
            };
            h.Get<AssistantDatabase>().InTransaction(() => h.Get<ScheduleService>().Import(team.Id, 901, [item], now));
        });
        var recipients = members + 4;

        // The API takes the polls but refuses every message: reminders are written to the outbox, none delivered.
        api.FailNext("sendMessage", 100_000, 502, "Bad Gateway");
        using (var first = await StartAsync(api, folder))
        {
            await Eventually.TrueAsync(() => api.Calls.Count(c => c.Method == "sendMessage") >= recipients, "every reminder to be attempted", Long);
            first.Kill();
        }

        Assert.DoesNotContain(api.Sent, m => m.PlainText?.Contains(title, StringComparison.Ordinal) == true);
        api.ClearFaults();
        using (var second = await StartAsync(api, folder))
        {
            await Eventually.TrueAsync(() => api.Sent.Count(m => m.PlainText?.Contains(title, StringComparison.Ordinal) == true) >= recipients, "every reminder delivered", Long);
            await Task.Delay(1500);
            second.Kill();
        }

        var perChat = api.Sent.Where(m => m.PlainText?.Contains(title, StringComparison.Ordinal) == true).GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(recipients, perChat.Count);
        Assert.All(perChat, p => Assert.True(p.Value == 1, $"chat {p.Key} got the reminder {p.Value} times"));
    }

    [Fact]
    public async Task Killed_WhileRemindersAreBeingDelivered_EveryoneGetsItAndOnlyAMessageOnTheWireCanRepeat()
    {
        const int members = 30;
        const string title = "崩溃测试：实地检查长沙某化工有限公司";
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        Seed(folder, members, (h, team) =>
        {
            var now = DateTime.UtcNow;
            var item = new ScheduleItem
            {
                TeamId = team.Id, Kind = EventKind.SiteInspection, Title = title, Place = "长沙市望城区", WholeTeam = true,
                StartUtc = now.AddMinutes(20), EndUtc = now.AddMinutes(80),
            };
            h.Get<AssistantDatabase>().InTransaction(() => h.Get<ScheduleService>().Import(team.Id, 901, [item], now));
        });
        var recipients = members + 4;

        // Slow answers, so the kill lands while some messages are on the wire.
        api.DelayNext("sendMessage", 100_000, TimeSpan.FromMilliseconds(150));
        using (var first = await StartAsync(api, folder))
        {
            await Eventually.TrueAsync(() => api.Sent.Count(m => m.PlainText?.Contains(title, StringComparison.Ordinal) == true) >= 5, "some reminders delivered", Long);
            first.Kill();
        }

        api.ClearFaults();
        using (var second = await StartAsync(api, folder))
        {
            await Eventually.TrueAsync(() => api.Sent.Where(m => m.PlainText?.Contains(title, StringComparison.Ordinal) == true).Select(m => m.ChatId).Distinct().Count() >= recipients, "every recipient reached", Long);
            await Task.Delay(1500);
            second.Kill();
        }

        var perChat = api.Sent.Where(m => m.PlainText?.Contains(title, StringComparison.Ordinal) == true).GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(recipients, perChat.Count);
        Assert.All(perChat, p => Assert.True(p.Value <= 2, $"chat {p.Key} got the reminder {p.Value} times"));
    }
}
