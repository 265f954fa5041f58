using Assistant.Core.Jobs;
using Assistant.Core.Messaging;
using Assistant.Core.Plan;
using Assistant.Core.Reminders;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Assistant.Tests.Ledger;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Plan;

/// <summary>The province's rectification plan after /report: record, flow, reminders, digest, export sheet; time moved with FakeTimeProvider.</summary>
public sealed class PlanTests
{
    private const long Inspector = Assistant.Tests.Ledger.LedgerTests.Author;

    private static readonly DateOnly FeedbackDue = new(2023, 12, 10); // the visit ends 10 November; the feedback gives 30 days

    private static CoreHarness Reported(out Team team)
    {
        var h = Team(out team);
        FindingFlowTests.Record(h, Inspector);
        h.Send(Liaison, "/report");
        h.Clear();
        return h;
    }

    private static RectificationPlan Plan(CoreHarness h, Team team) => h.Get<PlanStore>().ForTeam(team.Id)!;

    /// <summary>Moves time day by day (at 10:00 team time) to the given date, running the reminder service each day.</summary>
    private static void Through(CoreHarness h, int year, int month, int day) =>
        DeadlineReminderTests.Through(h, new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(8)));

    private static List<string> Texts(CoreHarness h, long chat, string fragment) =>
        [.. h.Messages(chat).Select(m => Html.ToPlainText(m.Html)).Where(m => m.Contains(fragment, StringComparison.Ordinal))];

    private static void SendFile(CoreHarness h, long user, FileKind kind, string? name) => h.Dispatch(CoreHarness.Text(user, "") with
    {
        Text = null,
        Files = [new IncomingFile(kind, "file-" + name, name, null, 1000)],
    });

    private static void RecordReceived(CoreHarness h)
    {
        h.Send(Liaison, "/plan");
        h.Press(Liaison, "登记收到整改方案");
        SendFile(h, Liaison, FileKind.Document, "湖南省整改方案.pdf");
    }

    [Fact]
    public void Report_CreatesThePlan_WithTheDateTheFeedbackNames()
    {
        using var h = Reported(out var team);

        var plan = Plan(h, team);
        Assert.Equal(FeedbackDue, plan.PlanDue);
        Assert.Equal(FeedbackDue, h.Get<Assistant.Core.Summaries.FactsBuilder>().Visit(team, new DateOnly(2023, 11, 2)).PlanDue);
        Assert.Null(plan.ReceivedOn);
        Assert.Equal("20231210", plan.NextDueKey);

        h.Send(Leader, "/plan");
        var card = h.LastText(Leader);
        Assert.Contains("方案报送期限：2023年12月10日", card, StringComparison.Ordinal);
        Assert.Contains("尚未收到", card, StringComparison.Ordinal);
        Assert.Equal(["修改方案报送期限", "设定报告周期", "设定回头看日期"], h.LatestButtons(Leader).Select(b => b.Label).ToArray());

        h.Send(Liaison, "/plan");
        Assert.Equal(["登记收到整改方案"], h.LatestButtons(Liaison).Select(b => b.Label).ToArray());
    }

    [Fact]
    public void NoReport_NoPlan_AndAnotherTeamSeesNothing()
    {
        using var h = Reported(out _);
        var other = h.CreateTeam("第八组", "湖北省", "T8");
        h.AddMember(other, 950, Role.Leader, "别组组长");

        h.Send(950, "/plan");
        Assert.Contains("还没有整改方案记录", h.LastText(950), StringComparison.Ordinal);
        h.PressData(950, "pl:a:Due");
        Assert.Contains("还没有整改方案记录", h.LastText(950), StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_AreCheckedOnTheServer()
    {
        using var h = Reported(out var team);

        h.Send(Inspector, "/plan");
        Assert.DoesNotContain("方案报送期限", h.LastText(Inspector), StringComparison.Ordinal);
        h.PressData(Inspector, "pl:a:Received");
        Assert.DoesNotContain("请把文件发给我", h.LastText(Inspector), StringComparison.Ordinal);
        h.PressData(Leader, "pl:a:Received");
        Assert.Equal("只有联络员可以登记收到整改方案。", h.LastText(Leader));
        h.PressData(Liaison, "pl:a:Due");
        Assert.Equal("只有组长可以修改方案报送期限。", h.LastText(Liaison));
        h.PressData(Liaison, "pl:a:Interval");
        Assert.Equal("只有组长可以设定进展报告周期。", h.LastText(Liaison));
        h.PressData(Liaison, "pl:a:Report");
        Assert.Contains("不适用", h.LastText(Liaison), StringComparison.Ordinal); // the plan has not arrived yet
        Assert.Null(Plan(h, team).ReceivedOn);
        Assert.Equal(FeedbackDue, Plan(h, team).PlanDue);
    }

    [Fact]
    public void BadInput_IsAnsweredAndNothingIsLost()
    {
        using var h = Reported(out var team);

        h.Clear();
        h.Send(Liaison, "/plan");
        h.Press(Liaison, "登记收到整改方案");
        h.Clear();
        h.Send(Liaison, "收到了");
        Assert.Contains("这里需要文件", h.AllText(Liaison), StringComparison.Ordinal);
        h.Clear();
        SendFile(h, Liaison, FileKind.Photo, null);
        Assert.Contains("这不是文档", h.AllText(Liaison), StringComparison.Ordinal);
        h.Clear();
        SendFile(h, Liaison, FileKind.Document, "照片.jpg");
        Assert.Contains("这不是文档", h.AllText(Liaison), StringComparison.Ordinal);
        Assert.Null(Plan(h, team).ReceivedOn);
        h.Clear();
        SendFile(h, Liaison, FileKind.Document, "湖南省整改方案.pdf");
        Assert.Contains("已记录", h.AllText(Liaison), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 11, 2), Plan(h, team).ReceivedOn);
        Assert.Equal("湖南省整改方案.pdf", Plan(h, team).PlanDocument!.FileName);

        h.Press(Liaison, "登记进展报告");
        h.Clear();
        SendFile(h, Liaison, FileKind.Document, "第一次进展.docx");
        h.Clear();
        SendFile(h, Liaison, FileKind.Document, "又一个.docx");
        Assert.Contains("这一步需要文字回答", h.AllText(Liaison), StringComparison.Ordinal);
        Assert.Contains("请用一两句话概括", h.AllText(Liaison), StringComparison.Ordinal);
        Assert.Empty(Plan(h, team).Reports);
        h.Clear();
        h.Send(Liaison, "已完成12项整改，其余按计划推进");
        var report = Assert.Single(Plan(h, team).Reports);
        Assert.Equal("第一次进展.docx", report.Document.FileName);
        Assert.Equal("已完成12项整改，其余按计划推进", report.Summary);
        Assert.Contains("已收到进展报告1份：\n1. 2023年11月2日：已完成12项整改，其余按计划推进（第一次进展.docx）", h.AllText(Liaison), StringComparison.Ordinal);

        h.Clear();
        h.Send(Leader, "/plan");
        h.Press(Leader, "设定回头看日期");
        h.Clear();
        h.Send(Leader, "2023-10-01");
        Assert.Contains("已经过去", h.AllText(Leader), StringComparison.Ordinal);
        h.Clear();
        h.Send(Leader, "明天的明天的后天");
        Assert.Contains("没看懂日期", h.AllText(Leader), StringComparison.Ordinal);
        h.Clear();
        h.Send(Leader, "2024-03-01");
        Assert.Equal(new DateOnly(2024, 3, 1), Plan(h, team).LookBackOn);
    }

    [Fact]
    public void Reminders_BeforeAndWhenMissed_EachOnce_ThenTheNextReport()
    {
        using var h = Reported(out var team);

        Through(h, 2023, 12, 20);

        Assert.Single(Texts(h, Liaison, "整改方案报送提醒"));
        Assert.Contains("还有 3 天", Texts(h, Liaison, "整改方案报送提醒")[0], StringComparison.Ordinal);
        Assert.Single(Texts(h, Liaison, "整改方案未按期报送"));
        Assert.Empty(Texts(h, Leader, "整改方案报送提醒"));
        Assert.Empty(Texts(h, Inspector, "整改方案"));

        RecordReceived(h);
        h.Clear();
        Assert.Equal(new DateOnly(2024, 1, 20), Plan(h, team).NextDue);
        Through(h, 2024, 1, 25);
        Assert.Single(Texts(h, Liaison, "进展报告提醒"));
        Assert.Single(Texts(h, Liaison, "整改进展报告未按期报送"));
        Assert.Empty(Texts(h, Liaison, "整改方案未按期报送"));
    }

    [Fact]
    public void AcrossARestart_EachReminderIsSentOnce()
    {
        using var folder = new TempFolder();
        using (var h = Team(out _, folder: folder))
        {
            FindingFlowTests.Record(h, Inspector);
            h.Send(Liaison, "/report");
            Through(h, 2023, 12, 8);
            Assert.Single(Texts(h, Liaison, "整改方案报送提醒"));
        }

        using var restarted = CoreHarness.Create(folder, new DateTimeOffset(2023, 12, 8, 10, 0, 0, TimeSpan.FromHours(8)));
        restarted.Get<ReminderService>().RunOnce();
        Through(restarted, 2023, 12, 13);

        // The outbox keeps every message (no sender runs here): counts are over both runs.
        Assert.Single(Texts(restarted, Liaison, "整改方案报送提醒"));
        Assert.Single(Texts(restarted, Liaison, "整改方案未按期报送"));
        Assert.Single(Texts(restarted, Leader, "每周提示"));
    }

    [Fact]
    public void Reminder_WaitsForTheEndOfQuietHours()
    {
        using var h = Reported(out _);
        h.Send(Liaison, "/quiet 08:00-12:00");
        Through(h, 2023, 12, 6);
        h.Clear();

        Through(h, 2023, 12, 7);
        Assert.Empty(Texts(h, Liaison, "整改方案报送提醒"));
        h.Time.Advance(TimeSpan.FromHours(2.5));
        h.Get<ReminderService>().RunOnce();
        Assert.Single(Texts(h, Liaison, "整改方案报送提醒"));
    }

    [Fact]
    public void LeaderDigest_WeeklyOnlyWhileOverdue()
    {
        using var h = Reported(out _);

        Through(h, 2023, 12, 10);
        Assert.Empty(Texts(h, Leader, "每周提示"));
        Through(h, 2023, 12, 26);
        // Overdue from 11 December: the weeks of 11, 18 and 25 December.
        Assert.Equal(3, Texts(h, Leader, "每周提示").Count);
        Assert.Contains("已逾期1天", Texts(h, Leader, "每周提示")[0], StringComparison.Ordinal);
        Assert.Empty(Texts(h, Liaison, "每周提示"));

        RecordReceived(h);
        h.Clear();
        Through(h, 2024, 1, 19);
        Assert.Empty(Texts(h, Leader, "每周提示"));
    }

    [Fact]
    public void LeaderChangesTheDueDate_RemindersFollowTheNewDate()
    {
        using var h = Reported(out var team);
        h.Send(Leader, "/plan");
        h.Press(Leader, "修改方案报送期限");
        h.Send(Leader, "2023-12-20");
        Assert.Equal(new DateOnly(2023, 12, 20), Plan(h, team).PlanDue);

        Through(h, 2023, 12, 15);
        Assert.Empty(Texts(h, Liaison, "整改方案未按期报送"));
        Assert.Empty(Texts(h, Liaison, "整改方案报送提醒"));
        Through(h, 2023, 12, 21);
        Assert.Single(Texts(h, Liaison, "整改方案报送提醒"));
        Assert.Single(Texts(h, Liaison, "整改方案未按期报送"));
    }

    [Fact]
    public void Interval_SetByTheLeader_MovesTheNextReport_AndEnglishReadersGetEnglish()
    {
        using var h = Reported(out var team);
        h.Send(Liaison, "/lang en");
        h.Send(Liaison, "/plan");
        Assert.Contains("Plan due by: ", h.LastText(Liaison), StringComparison.Ordinal);
        h.Press(Liaison, "Record the plan received");
        SendFile(h, Liaison, FileKind.Document, "plan.pdf");
        Assert.Equal(new DateOnly(2023, 12, 2), Plan(h, team).NextDue);

        h.Send(Leader, "/plan");
        h.Press(Leader, "设定报告周期");
        h.Press(Leader, "每3个月");
        Assert.Equal(3, Plan(h, team).IntervalMonths);
        Assert.Equal(new DateOnly(2024, 2, 2), Plan(h, team).NextDue);
        Assert.Equal("20240202", Plan(h, team).NextDueKey);
        h.Clear();

        Through(h, 2024, 2, 3);
        // The reminders planned for 2 December were skipped when they fell due: the date no longer held.
        var before = Assert.Single(Texts(h, Liaison, "Progress report reminder: the next progress report is due by"));
        Assert.Contains("in 3 days", before, StringComparison.Ordinal);
        Assert.Single(Texts(h, Liaison, "The progress report is late"));
        Assert.Empty(Texts(h, Liaison, "进展报告"));
    }

    [Fact]
    public void LaterReport_KeepsTheDateTheLeaderSet()
    {
        using var h = Reported(out var team);
        h.Send(Leader, "/plan");
        h.Press(Leader, "修改方案报送期限");
        h.Send(Leader, "2023-12-31");
        h.Time.Advance(TimeSpan.FromDays(20));
        h.Send(Liaison, "/report");
        Assert.Equal(new DateOnly(2023, 12, 31), Plan(h, team).PlanDue);
    }

    [Fact]
    public async Task Export_HasThePlanSheet()
    {
        using var h = Reported(out _);
        RecordReceived(h);
        h.Press(Liaison, "登记进展报告");
        SendFile(h, Liaison, FileKind.Document, "第一次进展.docx");
        h.Send(Liaison, "已完成12项整改");
        h.Clear();

        h.Send(Liaison, "/export ledger");
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);
        var xlsx = h.Messages(Liaison).First(m => m.FileName?.EndsWith(".xlsx", StringComparison.Ordinal) == true).FileContent!;

        var rows = SheetRows(xlsx, "整改方案");
        Assert.Equal(["事项", "期限", "收到日期", "文件", "概要/说明"], rows[0]);
        Assert.Equal(["整改方案", "2023年12月10日", "2023年11月2日", "湖南省整改方案.pdf", ""], rows[1]);
        Assert.Equal(["第1份进展报告", "", "2023年11月2日", "第一次进展.docx", "已完成12项整改"], rows[2]);
        Assert.Equal(["下一份进展报告", "2023年12月2日", "", "", ""], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    private static List<string[]> SheetRows(byte[] xlsx, string name)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? "").ToArray())];
    }
}
