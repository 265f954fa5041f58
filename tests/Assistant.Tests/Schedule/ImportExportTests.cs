using System.Text;
using Assistant.Core.Jobs;
using Assistant.Core.Messaging;
using Assistant.Core.Schedule;
using Assistant.Core.Schedule.Files;
using Assistant.Core.Teams;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Schedule;

public sealed class ImportExportTests
{
    private const long Liaison = ScheduleTests.Liaison;
    private const long Li = ScheduleTests.Li;

    private const string GoodCsv = """
        日期,开始,结束,类型,事项,地点,参加人员,备注
        2023-11-03,05:30,08:00,暗访,暗访城区瓶装液化气供应站,长沙市,李明、省燃气办同志,
        2023-11-03,09:30,11:30,汇报会,听取湘潭市政府汇报,湘潭市人民政府,全体,
        2023-11-03,14:00,17:00,实地检查,检查湘潭某钢铁企业,湘潭市岳塘区,李明、张伟,
        """;

    private static (CoreHarness H, Team Team, MemoryFileSource Files) Setup()
    {
        var files = new MemoryFileSource();
        var h = CoreHarness.Create(configure: b => b.Services.AddSingleton<IFileSource>(files));
        var team = h.CreateTeam();
        h.AddMember(team, ScheduleTests.Leader, Role.Leader, "刘组长");
        h.AddMember(team, Liaison, Role.Liaison, "陈静");
        h.AddMember(team, Li, Role.Member, "李明");
        h.AddMember(team, ScheduleTests.Zhang, Role.Member, "张伟");
        return (h, team, files);
    }

    private static async Task SendFile(CoreHarness h, MemoryFileSource files, long user, string name, string content)
    {
        var id = "file-" + Guid.NewGuid().ToString("N");
        files.Files[id] = Encoding.UTF8.GetBytes(content);
        h.Dispatch(CoreHarness.Text(user, "") with { Text = null, Files = [new IncomingFile(FileKind.Document, id, name, "text/csv", content.Length)] });
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Csv_SentByTheLiaison_IsImportedWhole()
    {
        var (h, team, files) = Setup();
        using var _ = h;

        await SendFile(h, files, Liaison, "湘潭日程.csv", GoodCsv);

        var items = h.Get<ScheduleStore>().OfTeam(team.Id);
        Assert.Equal(3, items.Count);
        Assert.Equal(new DateTime(2023, 11, 2, 21, 30, 0), items[0].StartUtc);
        Assert.True(items[0].IsCovert);
        Assert.Equal([Li], items[0].Participants.ToArray());
        Assert.Equal(["省燃气办同志"], items[0].OtherParticipants.ToArray());
        Assert.True(items[1].WholeTeam);
        Assert.Contains("已导入 3 项安排", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.DoesNotContain("时间冲突", h.LastText(Liaison), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_WithTheSamePeopleInTwoItemsAtOnce_IsImported_AndTheClashesAreListed()
    {
        var (h, _, files) = Setup();
        using var _ = h;
        const string Clashing = """
            日期,开始,结束,类型,事项,地点,参加人员,备注
            2023-11-03,09:30,11:30,汇报会,听取湘潭市政府汇报,湘潭市人民政府,全体,
            2023-11-03,10:00,11:00,个别谈话,约谈市燃气办负责同志,湘潭市,李明、张伟,
            2023-11-03,11:30,12:00,其他,碰头,湘潭市,李明,
            """;

        await SendFile(h, files, Liaison, "湘潭日程.csv", Clashing);

        var reply = h.LastText(Liaison);
        Assert.Contains("已导入 3 项安排", reply, StringComparison.Ordinal);
        Assert.Contains("时间冲突1处", reply, StringComparison.Ordinal);
        Assert.Contains("· 李明、张伟，2023年11月3日：09:30–11:30 听取湘潭市政府汇报 / 10:00–11:00 约谈市燃气办负责同志", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("碰头 /", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_ClashingWithACovertVisitTheImporterMayNotSee_DoesNotNameIt()
    {
        var (h, team, files) = Setup();
        using var _ = h;
        ScheduleTests.Add(h, team, EventKind.CovertVisit, "暗访城区瓶装液化气供应站", new DateTime(2023, 11, 3, 5, 30, 0), 150, false, Li);
        const string Early = """
            日期,开始,结束,类型,事项,地点,参加人员,备注
            2023-11-03,06:00,07:00,其他,早餐会,驻地,李明,
            """;

        await SendFile(h, files, Liaison, "早餐会.csv", Early);
        var liaison = h.LastText(Liaison);
        Assert.Contains("已导入 1 项安排", liaison, StringComparison.Ordinal);
        Assert.DoesNotContain("时间冲突", liaison, StringComparison.Ordinal);
        Assert.DoesNotContain("暗访", liaison, StringComparison.Ordinal);

        await SendFile(h, files, ScheduleTests.Leader, "早餐会.csv", Early);
        Assert.Contains("05:30–08:00 暗访城区瓶装液化气供应站", h.LastText(ScheduleTests.Leader), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_WithBadRows_ListsEachWithItsLineAndSavesNothing()
    {
        var (h, team, files) = Setup();
        using var _ = h;
        var csv = GoodCsv + "\n2023-11-04,9:00,8:00,汇报会,倒着的时间,,全体,\n2023-02-30,09:00,10:00,汇报会,不存在的日期,,全体,\n2023-11-04,10:00,11:00,聚餐,不认识的类型,,全体,\n2023-11-04,10:00,11:00,其他,\"=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",,全体,";

        await SendFile(h, files, Liaison, "itinerary.csv", csv);

        Assert.Empty(h.Get<ScheduleStore>().OfTeam(team.Id));
        var reply = h.LastText(Liaison);
        Assert.Contains("没有保存任何内容", reply, StringComparison.Ordinal);
        Assert.Contains("第 5 行：结束时间早于开始时间", reply, StringComparison.Ordinal);
        Assert.Contains("第 6 行：日期无法识别", reply, StringComparison.Ordinal);
        Assert.Contains("第 7 行：不认识的类型“聚餐”", reply, StringComparison.Ordinal);
        Assert.Contains("第 8 行：“事项”像是表格公式", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ics_SentByTheLeader_IsImported()
    {
        var (h, team, files) = Setup();
        using var _ = h;
        var source = new ScheduleItem { Kind = EventKind.FeedbackMeeting, Title = "考核巡查反馈会", Place = "省政府", StartUtc = new DateTime(2023, 11, 10, 1, 0, 0), EndUtc = new DateTime(2023, 11, 10, 3, 0, 0), WholeTeam = true };
        var ics = Encoding.UTF8.GetString(ItineraryIcs.Write([source], ScheduleTests.Shanghai, _ => "", "第七组"));

        await SendFile(h, files, ScheduleTests.Leader, "反馈会.ics", ics);

        var item = Assert.Single(h.Get<ScheduleStore>().OfTeam(team.Id));
        Assert.Equal(EventKind.FeedbackMeeting, item.Kind);
        Assert.Equal(source.StartUtc, item.StartUtc);
    }

    [Fact]
    public async Task Itinerary_SentByAMember_IsRefusedAndNotUsedAsEvidence()
    {
        var (h, team, files) = Setup();
        using var _ = h;

        await SendFile(h, files, Li, "itinerary.csv", GoodCsv);

        Assert.Empty(h.Get<ScheduleStore>().OfTeam(team.Id));
        Assert.Contains("只有联络员和组长可以修改日程", h.LastText(Li), StringComparison.Ordinal);
        Assert.Null(h.Get<Core.Conversations.DraftStore>().Get(Li));
    }

    [Fact]
    public async Task Export_ContainsOnlyWhatTheReaderMaySee()
    {
        var (h, team, files) = Setup();
        using var _ = h;
        await SendFile(h, files, Liaison, "itinerary.csv", GoodCsv.Replace("李明、省燃气办同志", "省燃气办同志", StringComparison.Ordinal));
        h.Clear();

        h.Send(Li, "/schedule export");
        h.Send(ScheduleTests.Leader, "/schedule export");

        var forMember = Assert.Single(h.Messages(Li));
        var forLeader = Assert.Single(h.Messages(ScheduleTests.Leader));
        Assert.EndsWith(".ics", forMember.FileName, StringComparison.Ordinal);
        var memberItems = ItineraryIcs.Parse(forMember.FileContent!, ScheduleTests.Shanghai).Items;
        var leaderItems = ItineraryIcs.Parse(forLeader.FileContent!, ScheduleTests.Shanghai).Items;
        Assert.Equal(2, memberItems.Count);
        Assert.DoesNotContain(memberItems, i => i.Title.Contains("液化气", StringComparison.Ordinal));
        Assert.Equal(3, leaderItems.Count);
    }

    /// <summary>The .ics as text, its folded lines joined again.</summary>
    private static string Unfolded(OutboxItem message) => Encoding.UTF8.GetString(message.FileContent!).Replace("\r\n ", "", StringComparison.Ordinal);

    [Fact]
    public async Task Export_WithACovertVisit_IsMarked_AndNeverCarriesItToAMemberNotOnIt()
    {
        var (h, _, files) = Setup();
        using var _ = h;
        await SendFile(h, files, Liaison, "itinerary.csv", GoodCsv);
        h.Clear();

        h.Send(Li, "/schedule export");
        h.Send(ScheduleTests.Zhang, "/schedule export");
        h.Send(ScheduleTests.Leader, "/schedule export");

        // Li is on the covert visit: the file holds it, and the file and its message are marked.
        var forLi = Assert.Single(h.Messages(Li));
        Assert.StartsWith("<b>内部资料　注意保存</b>\n", forLi.Html, StringComparison.Ordinal);
        Assert.Contains("含暗访安排 1 项，文件已标注“内部资料　注意保存”", Core.Messaging.Html.ToPlainText(forLi.Html), StringComparison.Ordinal);
        Assert.EndsWith("-itinerary-internal.ics", forLi.FileName, StringComparison.Ordinal);
        var liIcs = Unfolded(forLi);
        Assert.Contains("\r\nX-WR-CALDESC:内部资料　注意保存\r\n", liIcs, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(liIcs, "CLASS:CONFIDENTIAL"));
        Assert.Contains("暗访城区瓶装液化气供应站", liIcs, StringComparison.Ordinal);
        Assert.Equal(3, ItineraryIcs.Parse(forLi.FileContent!, ScheduleTests.Shanghai).Items.Count);
        Assert.Single(h.Messages(ScheduleTests.Leader), m => m.Html.StartsWith("<b>内部资料", StringComparison.Ordinal) && m.FileName!.EndsWith("-internal.ics", StringComparison.Ordinal));

        // Zhang is not on it: not its title, place or time, and no marking for a file without a covert visit.
        var forZhang = Assert.Single(h.Messages(ScheduleTests.Zhang));
        var zhangIcs = Unfolded(forZhang);
        Assert.DoesNotContain("液化气", zhangIcs, StringComparison.Ordinal);
        Assert.DoesNotContain("长沙市", zhangIcs, StringComparison.Ordinal);
        Assert.DoesNotContain("T053000", zhangIcs, StringComparison.Ordinal); // 05:30, the covert visit's start
        Assert.DoesNotContain("内部资料", zhangIcs, StringComparison.Ordinal);
        Assert.DoesNotContain("CLASS:", zhangIcs, StringComparison.Ordinal);
        Assert.DoesNotContain("内部资料", forZhang.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("暗访", forZhang.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Core.Messaging.OutgoingFile.InternalMark, forZhang.FileName, StringComparison.Ordinal);
        Assert.Equal(2, ItineraryIcs.Parse(forZhang.FileContent!, ScheduleTests.Shanghai).Items.Count);
    }

    [Fact]
    public async Task Export_WithACovertVisit_IsMarkedInEnglish_ForAnEnglishReader()
    {
        var (h, _, files) = Setup();
        using var _ = h;
        await SendFile(h, files, Liaison, "itinerary.csv", GoodCsv);
        h.Send(Li, "/lang en");
        h.Clear();

        h.Send(Li, "/schedule export");

        var forLi = Assert.Single(h.Messages(Li));
        Assert.StartsWith("<b>Internal — handle with care</b>\n", forLi.Html, StringComparison.Ordinal);
        Assert.Contains("1 of them covert: the file is marked “Internal — handle with care”", Core.Messaging.Html.ToPlainText(forLi.Html), StringComparison.Ordinal);
        Assert.EndsWith("-internal.ics", forLi.FileName, StringComparison.Ordinal);
        Assert.Contains("\r\nX-WR-CALDESC:Internal — handle with care\r\n", Unfolded(forLi), StringComparison.Ordinal);
        Assert.DoesNotContain("内部资料", Unfolded(forLi), StringComparison.Ordinal);
    }
}
