using System.Text;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Messaging;
using Assistant.Core.Notes;
using Assistant.Core.Reminders;
using Assistant.Core.Schedule;
using Assistant.Core.Storage;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Model;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Summaries;

/// <summary>/summary, /report and /tally end to end: the command, the background job, the stored summary and the three messages.</summary>
public sealed class SummaryCommandTests
{
    private static async Task RunJobs(CoreHarness h) => await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

    private static Summary Stored(CoreHarness h) =>
        h.Get<Core.Storage.AssistantDatabase>().Collection<Summary>(SummaryStore.CollectionName).FindAll().OrderBy(s => s.Id).Last();

    private static int StoredCount(CoreHarness h) =>
        h.Get<Core.Storage.AssistantDatabase>().Collection<Summary>(SummaryStore.CollectionName).Count();

    [Fact]
    public async Task Summary_NotesTypedWithEmoji_AreQuotedWithout_AndANoteOfEmojiAloneIsInNoPart()
    {
        using var h = Team(out var team);
        h.Send(Author, "现场👍检查消防通道畅通");
        h.Send(Author, "😀😀😀");
        h.Clear();

        h.Send(Liaison, "/summary");
        await RunJobs(h);

        var messages = h.Messages(Liaison);
        var text = Html.ToPlainText(messages.Single(m => m.Purpose == "summary" && m.FileName is null).Html);
        var md = Encoding.UTF8.GetString(messages.Single(m => m.FileName == $"{team.Code}-brief-2023-11-02-zh-CN-v1.md").FileContent!);
        string body;
        using (var doc = WordprocessingDocument.Open(new MemoryStream(messages.Single(m => m.FileName == $"{team.Code}-brief-2023-11-02-zh-CN-v1.docx").FileContent!), false))
        {
            body = doc.MainDocumentPart!.Document!.Body!.InnerText;
        }

        foreach (var written in new[] { text, md, body })
        {
            Assert.Contains("现场检查消防通道畅通", written, StringComparison.Ordinal);
            Assert.DoesNotContain("😀", written, StringComparison.Ordinal);
            Assert.DoesNotContain("👍", written, StringComparison.Ordinal);
        }

        // The appendix quotes the one note with something to say; the emoji-only note leaves no empty entry behind.
        Assert.Single(md.Split('\n'), l => l.StartsWith("（笔记，", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summary_ForToday_SendsTextWordAndMarkdown_AndStoresItsInputs()
    {
        using var h = Team(out var team);
        var item = new ScheduleItem
        {
            TeamId = team.Id, Kind = EventKind.SiteInspection, Title = "检查长沙某化工有限公司", WholeTeam = true,
            StartUtc = new DateTime(2023, 11, 2, 6, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2023, 11, 2, 9, 0, 0, DateTimeKind.Utc),
        };
        h.Get<ScheduleStore>().Insert(item);
        var open = FindingFlowTests.Record(h, Author);
        var covert = FindingFlowTests.Record(h, Colleague, unit: "某烟花爆竹批发部", covert: true);
        h.Send(Author, "省应急厅汇报了危化品专项整治进展");
        h.Clear();

        h.Send(Liaison, "/summary");
        Assert.Contains("正在撰写", h.LastText(Liaison), StringComparison.Ordinal);
        await RunJobs(h);

        var messages = h.Messages(Liaison);
        var text = Html.ToPlainText(messages.Single(m => m.Purpose == "summary" && m.FileName is null).Html);
        Assert.Contains("一、", text, StringComparison.Ordinal);
        Assert.Contains(open.Code, text, StringComparison.Ordinal);
        Assert.Contains(covert.Code, text, StringComparison.Ordinal);
        Assert.Contains("省应急厅汇报了危化品专项整治进展", text, StringComparison.Ordinal);
        var docx = messages.Single(m => m.FileName == $"{team.Code}-brief-2023-11-02-zh-CN-v1.docx");
        var md = messages.Single(m => m.FileName == $"{team.Code}-brief-2023-11-02-zh-CN-v1.md");
        var kept = Path.Combine(Path.GetDirectoryName(h.Get<AssistantDatabase>().Path)!, "documents", team.Code, docx.FileName!);
        Assert.Equal(kept, docx.FilePath);
        Assert.Equal(docx.FileContent, File.ReadAllBytes(kept));
        Assert.Contains(open.Code, Encoding.UTF8.GetString(md.FileContent!), StringComparison.Ordinal);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docx.FileContent!), false))
        {
            Assert.Contains(open.Code, doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        var stored = Stored(h);
        Assert.Equal(SummaryKind.Daily, stored.Kind);
        Assert.Equal(new DateOnly(2023, 11, 2), stored.Day);
        Assert.Equal("offline", stored.Writer);
        Assert.Equal("command", stored.Trigger);
        Assert.Equal(Liaison, stored.RequestedBy);
        Assert.Equal(h.Time.GetUtcNow().UtcDateTime, stored.CreatedUtc);
        Assert.Equal([open.Id, covert.Id], stored.FindingIds.Order());
        Assert.Single(stored.NoteIds);
        Assert.Equal([item.Id], stored.ScheduleIds);
    }

    [Fact]
    public async Task Summary_Again_ResendsTheStoredOne_UntilSomethingChanges()
    {
        using var h = Team(out _);
        FindingFlowTests.Record(h, Author);
        h.Send(Leader, "/summary");
        await RunJobs(h);
        var first = Stored(h);

        h.Time.Advance(TimeSpan.FromMinutes(10));
        h.Send(Leader, "/summary");
        await RunJobs(h);
        Assert.Equal(1, StoredCount(h));

        var second = FindingFlowTests.Record(h, Colleague, unit: "某物流公司");
        h.Clear();
        h.Send(Leader, "/summary");
        await RunJobs(h);

        Assert.Equal(2, StoredCount(h));
        Assert.NotEqual(first.InputHash, Stored(h).InputHash);
        Assert.Contains(second.Code, h.AllText(Leader), StringComparison.Ordinal);

        // Both versions are kept beside the database: the second did not overwrite the first.
        Assert.Equal(2, Stored(h).Version);
        Assert.True(File.Exists(first.DocxPath), first.DocxPath);
        Assert.True(File.Exists(Stored(h).DocxPath), Stored(h).DocxPath);
        Assert.NotEqual(first.DocxPath, Stored(h).DocxPath);
        Assert.EndsWith("-brief-2023-11-02-zh-CN-v2.docx", Stored(h).DocxPath, StringComparison.Ordinal);
        Assert.Equal(first.Docx, File.ReadAllBytes(first.DocxPath!));
    }

    [Fact]
    public async Task Summary_PastDay_IsWrittenForThatDay_AndTheEnglishUserGetsEnglish()
    {
        using var h = Team(out var team, start: CoreHarness.DefaultStart.AddDays(1));
        h.Get<NoteStore>().Insert(new Note { TeamId = team.Id, AuthorId = Author, AuthorName = "李明", Kind = NoteKind.Meeting, Text = "听取省应急管理厅汇报", Day = new DateOnly(2023, 11, 2) });
        h.Send(Leader, "/language en");
        h.Clear();

        h.Send(Leader, "/summary 11-02");
        await RunJobs(h);

        var stored = Stored(h);
        Assert.Equal(new DateOnly(2023, 11, 2), stored.Day);
        Assert.Equal("en", stored.Language);
        Assert.Contains("Daily brief", h.AllText(Leader), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(h.Messages(Leader), m => m.FileName?.EndsWith("-brief-2023-11-02-en-v1.docx", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("/summary 2月30日", "没看懂")]
    [InlineData("/summary banana", "没看懂")]
    [InlineData("/summary 明天", "还没到")]
    [InlineData("/summary 2023-12-25", "还没到")]
    public async Task Summary_BadOrFutureDate_SaysWhyAndWritesNothing(string command, string expected)
    {
        using var h = Team(out _);

        h.Send(Liaison, command);
        await RunJobs(h);

        Assert.Contains(expected, h.LastText(Liaison), StringComparison.Ordinal);
        Assert.Equal(0, StoredCount(h));
    }

    [Theory]
    [InlineData(Author, "/summary")]
    [InlineData(Author, "/report")]
    [InlineData(Contact, "/summary")]
    [InlineData(Colleague, "/tally 谈话 3")]
    public async Task Members_AndContacts_AreRefused(long user, string command)
    {
        using var h = Team(out var team);

        h.Send(user, command);
        await RunJobs(h);

        Assert.Contains("需要：组长、联络员", h.LastText(user), StringComparison.Ordinal);
        Assert.Equal(0, StoredCount(h));
        Assert.Empty(h.Get<DayTallyStore>().Get(team.Id, new DateOnly(2023, 11, 2))?.Counts ?? []);
    }

    [Fact]
    public async Task Job_OfALiaisonDemotedMeanwhile_SendsNothing()
    {
        using var h = Team(out _);
        h.Send(Liaison, "/summary");
        var liaison = h.Get<TeamStore>().GetMember(Liaison)!;
        liaison.Role = Role.Member;
        h.Get<TeamStore>().Upsert(liaison);
        h.Clear();

        await RunJobs(h);

        Assert.Empty(h.Messages(Liaison));
        Assert.Equal(0, StoredCount(h));
    }

    [Fact]
    public async Task Tally_SetShowAuto_AndTheBriefUsesTheSetNumber()
    {
        using var h = Team(out var team);
        h.Send(Liaison, "/tally 调阅材料 46");
        Assert.Contains("调阅材料：46（已设定）", h.LastText(Liaison), StringComparison.Ordinal);

        h.Send(Liaison, "/summary");
        await RunJobs(h);
        Assert.Contains("调阅材料46份", h.AllText(Liaison).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        h.Send(Liaison, "/tally 调阅材料 auto");
        Assert.Contains("调阅材料：0（按记录统计）", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.Empty(h.Get<DayTallyStore>().Get(team.Id, new DateOnly(2023, 11, 2))?.Counts ?? []);
    }

    [Theory]
    [InlineData("/tally 谈话 很多", "“很多”不是数量：请写0或正整数，例如46。\n请这样发送：/tally 谈话 5（设为5），或 /tally 谈话 auto（恢复按记录统计）。")]
    [InlineData("/tally 吃饭 3", "没有“吃饭”这个项目。\n更正：/tally 调阅材料 46；")]
    [InlineData("/tally 调阅材料 -5", "数量不能是负数（“-5”）：工作量只能设为0或正整数。\n请这样发送：/tally 调阅材料 5（设为5），或 /tally 调阅材料 auto（恢复按记录统计）。")]
    [InlineData("/tally 谈话 99999999", "“99999999”太大了：数量最多为100000。")]
    [InlineData("/tally 谈话", "请在“谈话”后写上数量（0或正整数），或写 auto 恢复按记录统计。")]
    public void Tally_BadInput_SaysWhatIsWrongAndWhatToTypeAndStoresNothing(string command, string expected)
    {
        using var h = Team(out var team);

        h.Send(Liaison, command);

        Assert.Contains(expected, h.LastText(Liaison), StringComparison.Ordinal);
        Assert.Empty(h.Get<DayTallyStore>().Get(team.Id, new DateOnly(2023, 11, 2))?.Counts ?? []);
    }

    [Fact]
    public async Task Report_ByTheLeader_SendsTheFeedbackWithTheAnnex()
    {
        using var h = Team(out var team);
        var f = FindingFlowTests.Record(h, Author);
        h.Clear();

        h.Send(Leader, "/report");
        await RunJobs(h);

        var text = h.AllText(Leader);
        Assert.Contains("反馈意见", text, StringComparison.Ordinal);
        Assert.Contains("三、存在的主要问题", text, StringComparison.Ordinal);
        Assert.Contains("附件1", text, StringComparison.Ordinal);
        Assert.Contains("国务院安全生产和消防工作考核巡查", text, StringComparison.Ordinal);
        var docx = h.Messages(Leader).Single(m => m.FileName?.StartsWith($"{team.Code}-feedback-", StringComparison.Ordinal) == true && m.FileName.EndsWith(".docx", StringComparison.Ordinal));
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx.FileContent!), false);
        var table = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
        Assert.Contains(f.Code, table.InnerText, StringComparison.Ordinal);
        Assert.Equal(SummaryKind.Feedback, Stored(h).Kind);
    }

    [Fact]
    public async Task LongBrief_IsSplitBelowTheTelegramLimit_AtLineBreaks()
    {
        using var h = Team(out var team);
        var store = h.Get<FindingStore>();
        for (var i = 1; i <= 120; i++)
        {
            store.Insert(new Finding
            {
                TeamId = team.Id, Number = i, Code = $"{team.Code}-{i:000}", AuthorId = Author, AuthorName = "李明",
                Aspect = Aspect.Responsibilities, Sector = Sector.HazardousChemicals, Method = Method.OnSiteInspection,
                City = "长沙市", Unit = $"长沙第{i}化工有限公司", Description = "甲类仓库与办公楼防火间距不足，约8米，规范要求不少于30米",
                Severity = Severity.GeneralHazard, Day = new DateOnly(2023, 11, 2), CreatedUtc = h.Time.GetUtcNow().UtcDateTime,
            });
        }

        h.Clear();
        h.Send(Liaison, "/summary");
        await RunJobs(h);

        var texts = h.Messages(Liaison).Where(m => m.Purpose == "summary" && m.FileName is null).ToList();
        Assert.True(texts.Count > 1, $"expected a split brief, got {texts.Count} message(s)");
        Assert.All(texts, m => Assert.True(m.Html.Length < 4096, $"{m.Html.Length} characters"));
        var all = string.Join("\n", texts.Select(m => Html.ToPlainText(m.Html)));
        foreach (var f in store.OfTeam(team.Id))
        {
            Assert.Contains(f.Code, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveningPush_At2100_GoesToLeaderAndLiaisonOnly()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        h.Clear();

        h.Get<ReminderService>().RunOnce();
        h.Time.SetUtcNow(new DateTimeOffset(2023, 11, 2, 12, 59, 0, TimeSpan.Zero));
        h.Get<ReminderService>().RunOnce();
        await RunJobs(h);
        Assert.Empty(h.Messages(Leader));

        h.Time.SetUtcNow(new DateTimeOffset(2023, 11, 2, 13, 0, 0, TimeSpan.Zero));
        h.Get<ReminderService>().RunOnce();
        await RunJobs(h);

        Assert.Contains(f.Code, h.AllText(Leader), StringComparison.Ordinal);
        Assert.Contains(f.Code, h.AllText(Liaison), StringComparison.Ordinal);
        Assert.DoesNotContain(h.Messages(Author), m => m.Purpose == "summary");
        Assert.DoesNotContain(h.Messages(Colleague), m => m.Purpose == "summary");
        Assert.All(h.Get<Core.Storage.AssistantDatabase>().Collection<Summary>(SummaryStore.CollectionName).FindAll(), s => Assert.Equal("evening", s.Trigger));

        h.Clear();
        h.Time.Advance(TimeSpan.FromMinutes(30));
        h.Get<ReminderService>().RunOnce();
        await RunJobs(h);
        Assert.Empty(h.Messages(Leader));
    }

    [Fact]
    public async Task EveningPush_OnADayWithNothingRecorded_SendsNothing()
    {
        // 11 November: the day after the visit has no itinerary; nothing recorded either.
        using var h = Team(out _, start: new DateTimeOffset(2023, 11, 10, 1, 0, 0, TimeSpan.Zero));
        h.Get<ReminderService>().RunOnce();
        h.Time.SetUtcNow(new DateTimeOffset(2023, 11, 10, 13, 5, 0, TimeSpan.Zero));
        h.Get<ReminderService>().RunOnce();
        await RunJobs(h);

        Assert.DoesNotContain(h.Messages(Leader), m => m.Purpose == "summary");
        Assert.Equal(0, StoredCount(h));
    }

    [Fact]
    public void Writer_IsOffline_WithoutAModel_OrWhenTextMustStayOnTheMachine()
    {
        using (var none = CoreHarness.Create())
        {
            Assert.IsType<OfflineWriter>(none.Get<IBriefWriter>());
        }

        using (var kept = CoreHarness.Create(settings: new Dictionary<string, string?>
        {
            ["AI:Endpoint"] = "https://api.example.com/v1",
            ["AI:Model"] = "big-model",
            ["AI:KeepTextOnThisMachine"] = "true",
        }))
        {
            Assert.IsType<OfflineWriter>(kept.Get<IBriefWriter>());
            Assert.True(kept.Logs.Contains("KeepTextOnThisMachine", Microsoft.Extensions.Logging.LogLevel.Warning));
        }

        using var local = CoreHarness.Create(settings: new Dictionary<string, string?>
        {
            ["AI:Endpoint"] = "http://localhost:11434/v1",
            ["AI:Model"] = "qwen2.5:14b",
            ["AI:KeepTextOnThisMachine"] = "true",
        });
        Assert.IsType<ModelBriefWriter>(local.Get<IBriefWriter>());
    }

    [Fact]
    public async Task Tip_IdentifyingTextIsRefused_AndTheBriefShowsOnlySubjectAndHandling()
    {
        using var h = Team(out var team);
        h.Send(Author, "王某某 13812345678 来电举报某液化气站违规充装");
        h.Press(Author, "举报线索");
        h.Press(Author, "电话");

        h.Send(Author, "王某某 13812345678 反映液化气站违规充装");
        Assert.Contains("识别举报人", h.AllText(Author), StringComparison.Ordinal);
        h.Send(Author, "长沙市某液化气站违规充装");
        h.Press(Author, "转交属地核查");

        var tip = Assert.Single(h.Get<NoteStore>().OfTeam(team.Id));
        Assert.Equal(NoteKind.Tip, tip.Kind);
        Assert.Equal(TipChannel.Phone, tip.TipChannel);
        Assert.Equal("长沙市某液化气站违规充装", tip.TipSubject);
        Assert.Equal("转交属地核查", tip.TipHandling);

        h.Clear();
        h.Send(Liaison, "/summary");
        await RunJobs(h);
        var brief = h.AllText(Liaison) + Stored(h).Markdown;
        Assert.Contains("长沙市某液化气站违规充装", brief, StringComparison.Ordinal);
        Assert.Contains("转交属地核查", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("王某某", brief, StringComparison.Ordinal);
    }

    [Fact]
    public void Handover_AddedOnTheCard_IsSavedWithTheFinding()
    {
        using var h = Team(out _);
        FindingFlowTests.WalkToReview(h, Author);
        h.Press(Author, "整改信息");
        h.Press(Author, "移交属地");
        h.Send(Author, "株洲市人民政府");
        Assert.Contains("株洲市人民政府", h.AllText(Author), StringComparison.Ordinal);
        h.Press(Author, "下一步：核对");
        h.Press(Author, "保存");

        var f = h.Get<FindingStore>().ByAuthor(h.Get<TeamStore>().GetMember(Author)!.TeamId, Author)[0];
        Assert.Equal("株洲市人民政府", f.HandedOverTo);
    }
}
