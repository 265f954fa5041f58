using Assistant.Core.Demo;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Ledger;
using Assistant.Core.Schedule;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Channels;

/// <summary>
/// The inputs of the field test (issue 11) through the real host, the real Telegram client and the fake Bot API:
/// today is 4 December 2026, 21:38 in Changsha, and the demo team's visit was 1–10 November 2023.
/// </summary>
public sealed class FieldTestTelegramTests
{
    private const long Leader = 611;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(15);

    /// <summary>2026-12-04 21:38 Asia/Shanghai.</summary>
    private static readonly DateTimeOffset FieldNow = new(2026, 12, 4, 13, 38, 0, TimeSpan.Zero);

    [Fact]
    public async Task Summary1204_WritesNoEmptyBrief_SaysSoAndOffersTheNearestDayWithRecords()
    {
        await using var field = await Field.StartAsync();

        var answer = await field.Leader.SayAsync("/summary 12-04");

        Assert.Contains("2026年12月4日没有任何记录", answer.PlainText, StringComparison.Ordinal);
        Assert.Contains("最近有记录的一天是2023年11月10日", answer.PlainText, StringComparison.Ordinal);
        Assert.Equal(0, field.App.Get<JobStore>().Count());
        Assert.DoesNotContain(field.Api.Sent, m => m.Document is not null);

        await field.Leader.PressAsync("生成2023年11月10日的日报");
        var brief = await field.Api.WaitForSentAsync(m => m.ChatId == Leader && m.Document is not null, Long);

        Assert.Equal("G7-brief-2023-11-10-zh-CN-v1.docx", brief.Document!.FileName);
    }

    [Fact]
    public async Task Schedule1205_AndTomorrow_ShowTheItemJustAddedFor5December2026()
    {
        await using var field = await Field.StartAsync();
        var leader = field.Leader;

        await leader.SayAsync("/schedule add");
        await leader.PressAsync("汇报会");
        await leader.SayAsync("听取整改进展汇报");
        await leader.SayAsync("12-05 09:00");
        await leader.PressAsync("1小时");
        await leader.PressAsync("跳过");
        await leader.PressAsync("下一步");
        await leader.PressAsync("保存");
        var item = Assert.Single(field.App.Get<ScheduleStore>().OfTeam(field.Team.Id), i => i.Title == "听取整改进展汇报");
        Assert.Equal(new DateTime(2026, 12, 5, 1, 0, 0), item.StartUtc);

        var schedule = await leader.SayAsync("/schedule 12-05");
        var tomorrow = await leader.SayAsync("/tomorrow");
        var visitDay = await leader.SayAsync("/schedule 11-03");

        Assert.Contains("12月5日", schedule.PlainText, StringComparison.Ordinal);
        Assert.Contains("听取整改进展汇报", schedule.PlainText, StringComparison.Ordinal);
        Assert.Contains("听取整改进展汇报", tomorrow.PlainText, StringComparison.Ordinal);
        Assert.Contains("2023年11月3日", visitDay.PlainText, StringComparison.Ordinal); // a day of the visit, with its year
        Assert.Contains("暗访", visitDay.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline1130_IsSaidAs30November2027_AndConfirmedBeforeItIsTaken()
    {
        await using var field = await Field.StartAsync();
        var leader = field.Leader;
        await leader.SayAsync("/finding");
        await leader.PressAsync("安全生产责任落实");
        await leader.PressAsync("消防");
        await leader.PressAsync("实地检查");
        await leader.PressAsync("明查");
        await leader.SayAsync("长沙市");
        await leader.SayAsync("长沙某酒店");
        await leader.SayAsync("消防控制室无人值守");
        await leader.PressAsync("描述完成");
        await leader.PressAsync("一般隐患");
        await leader.PressAsync("整改信息");
        await leader.PressAsync("整改期限");

        var asked = await leader.SayAsync("11月30日");

        Assert.Contains("整改期限2027年11月30日距今361天，超过180天", asked.PlainText, StringComparison.Ordinal);
        await leader.PressAsync("确认期限");
        var card = await leader.PressAsync("下一步：核对");
        Assert.Contains("消防控制室无人值守", card.PlainText, StringComparison.Ordinal); // everything entered is kept
        Assert.Contains("2027年11月30日", card.PlainText, StringComparison.Ordinal);
        await leader.PressAsync("保存");
        var saved = field.App.Get<FindingStore>().OfTeam(field.Team.Id).Single(f => f.Unit == "长沙某酒店");
        Assert.Equal(new DateOnly(2027, 11, 30), saved.Deadline);
    }

    [Fact]
    public async Task SignOff_AsksTheOpinionAndConfirms_AndTheCardShowsTheVerifierInTeamTime()
    {
        await using var field = await Field.StartAsync();
        var leader = field.Leader;
        var waiting = field.App.Get<FindingStore>().OfTeam(field.Team.Id).Single(f => f.Status == RectificationStatus.Rectified);

        await leader.SayAsync("/ledger 已整改待验收");
        await leader.PressAsync(waiting.Code);
        var opinionAsked = await leader.PressAsync("验收销号");
        Assert.Contains("请输入验收意见", opinionAsked.PlainText, StringComparison.Ordinal);
        Assert.Equal(RectificationStatus.Rectified, field.App.Get<FindingStore>().Get(waiting.Id)!.Status); // one tap closes nothing
        await leader.SayAsync("复核了补充通知原件，责任单位和时限已逐项明确，同意销号。");
        var confirm = await leader.PressAsync("无验收材料");
        Assert.Contains("验收意见：复核了补充通知原件", confirm.PlainText, StringComparison.Ordinal);
        var done = await leader.PressAsync("确认");

        Assert.Contains("验收人：刘组长，2026年12月4日 21:38", done.PlainText, StringComparison.Ordinal);
        Assert.Contains("验收意见：复核了补充通知原件，责任单位和时限已逐项明确，同意销号。", done.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", done.PlainText, StringComparison.Ordinal);
        var closed = field.App.Get<FindingStore>().Get(waiting.Id)!;
        Assert.Equal(RectificationStatus.Closed, closed.Status);
        Assert.Contains(field.App.Get<FindingStore>().ChangesOf(waiting.Id), c => c.UserName == "刘组长" && c.NewValue!.StartsWith("Closed (复核了补充通知原件", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extension_OffersDatesAfterTheCurrentDeadline_AndRefusesAnEarlierOneWhenTyped()
    {
        // The demo as the console loads it: today is the second day of the visit.
        await using var field = await Field.StartAsync(live: true);
        var leader = field.Leader;
        var item = field.App.Get<FindingStore>().GetByCode("G7-002")!; // due on the visit's fifth day: 7 December 2026
        Assert.Equal(new DateOnly(2026, 12, 7), item.Deadline);

        await leader.SayAsync("/ledger");
        await leader.PressAsync("G7-002");
        var asked = await leader.PressAsync("延期");

        Assert.Equal(["+7天（12月14日）", "+15天（12月22日）", "+30天（2027年1月6日）"], asked.Buttons.Select(b => b.Text).Take(3).ToArray());
        var refused = await leader.SayAsync("12-05");
        Assert.Contains("新期限2026年12月5日不晚于原期限2026年12月7日", refused.PlainText, StringComparison.Ordinal);
        await field.Api.WaitForSentAsync(m => m.ChatId == Leader && m.MessageId > refused.MessageId && m.PlainText!.Contains("新的整改期限", StringComparison.Ordinal), Long);
        Assert.DoesNotContain(leader.Received, text => text.Contains("延期的理由", StringComparison.Ordinal));
        var reason = await leader.PressAsync("+15天");
        Assert.Contains("新期限：2026年12月22日。延期的理由？", reason.PlainText, StringComparison.Ordinal);
        await leader.SayAsync("企业需停产改造");
        await leader.PressAsync("确认");

        Assert.Equal(new DateOnly(2026, 12, 22), field.App.Get<FindingStore>().Get(item.Id)!.Deadline);
    }

    [Fact]
    public async Task Participants_WangWu_IsAskedAbout_MarkedExternal_AndNeverNotified()
    {
        await using var field = await Field.StartAsync();
        var leader = field.Leader;
        var li = DemoLoader.People.Single(p => p.Name == "李明").Id;

        await leader.SayAsync("/schedule add");
        await leader.PressAsync("实地检查");
        await leader.SayAsync("复查长沙某化工有限公司");
        await leader.SayAsync("12-07 14:30");
        await leader.PressAsync("2小时");
        await leader.SayAsync("长沙市望城区");
        var question = await leader.SayAsync("李明、王五");

        Assert.Contains("“王五”不是本组成员", question.PlainText, StringComparison.Ordinal);
        await leader.PressAsync("王五作为外部人员");
        await leader.PressAsync("下一步");
        await leader.PressAsync("保存");
        var saved = await field.Api.WaitForSentAsync(m => m.ChatId == Leader && m.PlainText!.Contains("已加入日程", StringComparison.Ordinal), Long);

        Assert.Contains("王五（外部）", saved.PlainText, StringComparison.Ordinal);
        Assert.Contains("外部人员王五不是本组成员，不会收到通知", saved.PlainText, StringComparison.Ordinal);
        await field.Api.WaitForSentAsync(m => m.ChatId == li && m.PlainText!.Contains("复查长沙某化工有限公司", StringComparison.Ordinal), Long);
        var item = field.App.Get<ScheduleStore>().OfTeam(field.Team.Id).Single(i => i.Title == "复查长沙某化工有限公司");
        Assert.Equal(["王五"], item.OtherParticipants);
        Assert.Equal([li], item.Participants);
    }

    /// <summary>The host on a fake clock at <see cref="FieldNow"/>, the demo loaded with <see cref="Leader"/> as its leader.</summary>
    private sealed class Field : IAsyncDisposable
    {
        private readonly TempFolder _folder;

        private Field(FakeBotApi api, TempFolder folder, TestApp app, Team team)
        {
            Api = api;
            _folder = folder;
            App = app;
            Team = team;
            Leader = new TelegramUser(api, FieldTestTelegramTests.Leader, Long);
        }

        public FakeBotApi Api { get; }

        public TestApp App { get; }

        public Team Team { get; }

        public TelegramUser Leader { get; }

        /// <summary><paramref name="live"/>: the visit moved so that today is its second day, as in the console.</summary>
        public static async Task<Field> StartAsync(bool live = false)
        {
            var api = await FakeBotApi.StartAsync();
            var folder = new TempFolder();
            var time = new FakeTimeProvider(FieldNow);
            var app = await TestApp.StartAsync(api, folder, configure: b => b.Services.AddSingleton<TimeProvider>(time));
            var demo = app.Get<DemoLoader>();
            var (team, _) = demo.Load(shiftDays: live ? demo.ShiftSoTodayIs(2) : 0, leaderId: FieldTestTelegramTests.Leader);
            return new Field(api, folder, app, team);
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Api.DisposeAsync();
            _folder.Dispose();
        }
    }
}
