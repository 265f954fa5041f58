using System.Text;
using Assistant.Core.Schedule;
using Assistant.Core.Schedule.Files;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Channels;

/// <summary>Itinerary files through the real Telegram client and the fake Bot API.</summary>
public sealed class ScheduleTelegramTests
{
    private const long Liaison = 802;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ItinerarySentAsADocument_IsImported_AndExportComesBackAsAnIcsDocument()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Liaison, Role.Liaison, "陈静");
        var csv = "\uFEFF日期,开始,结束,类型,事项,地点,参加人员,备注\n2023-11-06,10:00,12:00,汇报会,听取株洲市政府汇报,株洲市人民政府,全体,\n2023-11-06,14:30,17:30,实地检查,检查醴陵烟花爆竹生产企业,株洲醴陵市,陈静,\n";

        api.EnqueueDocument(Liaison, Liaison, "株洲日程.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        await api.WaitForSentAsync(m => m.ChatId == Liaison && m.PlainText!.Contains("已导入 2 项安排", StringComparison.Ordinal), Long);
        Assert.Equal(2, app.Get<ScheduleStore>().OfTeam(team.Id).Count);

        api.EnqueueText(Liaison, Liaison, "/schedule export");
        var export = await api.WaitForSentAsync(m => m.ChatId == Liaison && m.Document is not null, Long);

        Assert.Equal("G7-itinerary.ics", export.Document!.FileName);
        var items = ItineraryIcs.Parse(export.Document.Content, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Items;
        Assert.Equal(["听取株洲市政府汇报", "检查醴陵烟花爆竹生产企业"], items.Select(i => i.Title).ToArray());
    }

    [Fact]
    public async Task SameItinerarySentTwice_SaysWhatWasReplacedOrAdded_AndNeverDuplicates()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Liaison, Role.Liaison, "陈静");
        const string header = "\uFEFF日期,开始,结束,类型,事项,地点,参加人员,备注\n";
        const string briefing = "2023-11-06,10:00,12:00,汇报会,听取株洲市政府汇报,株洲市人民政府,全体,\n";
        const string inspection = "2023-11-06,14:30,17:30,实地检查,检查醴陵烟花爆竹生产企业,株洲醴陵市,陈静,\n";
        const string moved = "2023-11-06,14:30,18:00,实地检查,检查醴陵烟花爆竹生产企业,醴陵市某花炮厂,陈静,\n";
        const string training = "2023-11-07,09:00,11:00,培训,安全生产专题培训,株洲市应急管理局,全体,\n";

        var first = await Import(api, header + briefing + inspection);
        var second = await Import(api, header + briefing + inspection);
        var third = await Import(api, header + briefing + moved + training);

        Assert.Contains("已导入 2 项安排（2023年11月6日至2023年11月6日）：新增2项。", first, StringComparison.Ordinal);
        Assert.Contains("：2项与已有安排完全相同（未改动）。", second, StringComparison.Ordinal);
        Assert.Contains("：新增1项、替换1项（事项名称和开始时间与已有安排相同，视为同一项）、1项与已有安排完全相同（未改动）。", third, StringComparison.Ordinal);
        var items = app.Get<ScheduleStore>().OfTeam(team.Id);
        Assert.Equal(["听取株洲市政府汇报", "检查醴陵烟花爆竹生产企业", "安全生产专题培训"], items.Select(i => i.Title).ToArray());
        Assert.Equal("醴陵市某花炮厂", items[1].Place);
        Assert.Equal(2, items[1].Revision);
    }

    [Fact]
    public async Task ChineseCsvWithAnUnknownKind_NamesTheKindsInChinese_AlsoToAnEnglishReader()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        app.AddMember(app.CreateTeam(), Liaison, Role.Liaison, "陈静", Core.Localization.Language.English);
        const string csv = "日期,开始,结束,类型,事项,地点,参加人员,备注\n2023-11-06,10:00,12:00,座谈会,与株洲市应急管理局座谈,,全体,\n";

        var answer = await Import(api, csv, done: "nothing was saved");

        Assert.Contains("Line 2: unknown kind “座谈会” (use: 见面会、汇报会、实地检查、暗访、个别谈话、调阅材料、培训、反馈会、路途、其他)", answer, StringComparison.Ordinal);
    }

    private static async Task<string> Import(FakeBotApi api, string csv, string done = "已导入")
    {
        var before = api.Sent.Count(m => m.ChatId == Liaison && m.PlainText!.Contains(done, StringComparison.Ordinal));
        api.EnqueueDocument(Liaison, Liaison, "株洲日程.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        await Eventually.TrueAsync(() => api.Sent.Count(m => m.ChatId == Liaison && m.PlainText!.Contains(done, StringComparison.Ordinal)) > before, "the import's answer", Long);
        return api.Sent.Where(m => m.ChatId == Liaison && m.PlainText!.Contains(done, StringComparison.Ordinal)).Last().PlainText!;
    }
}
