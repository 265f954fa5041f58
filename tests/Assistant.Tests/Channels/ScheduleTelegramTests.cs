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
}
