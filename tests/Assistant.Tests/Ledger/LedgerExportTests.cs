using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Ledger;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Ledger;

/// <summary>/export ledger and /stats, end to end: the command, the background job, the files that reach the chat.</summary>
public sealed class LedgerExportTests
{
    private static async Task RunJobs(CoreHarness h) => await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

    private static List<OutboxItem> Files(CoreHarness h, long chat) => [.. h.Messages(chat).Where(m => m.FileContent is not null)];

    /// <summary>Three findings: one overdue (assigned, deadline 11-05), one assigned later, one covert and open; six days pass.</summary>
    private static CoreHarness Ledger(out Finding late, out Finding later, out Finding covert)
    {
        var h = Team(out _, start: new DateTimeOffset(2023, 11, 2, 1, 0, 0, TimeSpan.Zero));
        late = FindingFlowTests.Record(h, Author, "逾期单位");
        later = FindingFlowTests.Record(h, Author, "远期单位");
        covert = FindingFlowTests.Record(h, Author, "暗访单位", covert: true);
        Assign(h, late, "11-05");
        Assign(h, later, "12-30");
        h.Time.Advance(TimeSpan.FromDays(6));
        h.Clear();
        return h;
    }

    [Fact]
    public async Task Export_ByTheLiaison_SendsAWorkbookAndACsvWithEveryFinding()
    {
        using var h = Ledger(out var late, out var later, out var covert);

        h.Send(Liaison, "/export ledger");
        Assert.Contains("正在生成台账", h.LastText(Liaison), StringComparison.Ordinal);
        await RunJobs(h);

        var files = Files(h, Liaison);
        Assert.Equal(2, files.Count);
        Assert.Equal(
            "内部资料　注意保存\n整改台账：共 3 项，其中逾期 1 项（Excel 可筛选；CSV 供其他系统使用）。\n含暗访问题 1 项，文件已标注“内部资料　注意保存”，请勿转发到群聊。",
            Html.ToPlainText(files[0].Html));
        Assert.EndsWith(".xlsx", files[0].FileName, StringComparison.Ordinal);
        Assert.EndsWith(".csv", files[1].FileName, StringComparison.Ordinal);

        // The covert finding puts the sensitivity line above the title (ExportNamingACovertUnit_* below).
        using var book = LedgerDocumentsTests.Open(files[0].FileContent!);
        Assert.Contains("第七组", book.Text("A2"), StringComparison.Ordinal);
        Assert.Equal("编号", book.Text("A3"));
        Assert.Equal("被检查单位", book.Text("B3"));
        Assert.Equal("逾期天数", book.Text("R3"));
        var rows = Enumerable.Range(4, 3).ToDictionary(r => book.Text("A" + r), r => r);
        Assert.Equal([late.Code, later.Code, covert.Code], rows.Keys.Order(StringComparer.Ordinal).ToArray());
        var lateRow = rows[late.Code];
        Assert.Equal("逾期单位", book.Text("B" + lateRow));
        Assert.Equal("望城区应急管理局", book.Text("J" + lateRow));
        Assert.Equal("王责任人", book.Text("K" + lateRow));
        Assert.Equal("已指派", book.Text("M" + lateRow));
        Assert.Equal("3", book.Cell("R" + lateRow)!.CellValue!.Text);
        Assert.Equal("待整改", book.Text("M" + rows[covert.Code]));
        Assert.Null(book.Cell("A7"));

        var csv = LedgerDocumentsTests.ReadCsv(files[1].FileContent!);
        Assert.Equal(4, csv.Count);
        Assert.Equal("编号", csv[0][0]);
        Assert.Contains(csv, r => r[0] == late.Code && r[1] == "逾期单位" && r[11] == "2023-11-05" && r[17] == "3");
    }

    [Fact]
    public async Task Export_ClosedItem_HasTheVerifierTheOpinionAndTheTimeInTeamTime()
    {
        // 16:30 UTC on the 2nd is 00:30 on the 3rd in Changsha.
        using var h = Team(out _, start: new DateTimeOffset(2023, 11, 2, 16, 30, 0, TimeSpan.Zero));
        var f = FindingFlowTests.Record(h, Author);
        Do(h, Author, f, "fs");
        Verify(h, Colleague, f, "=复核合格，同意销号");
        h.Clear();

        h.Send(Liaison, "/export ledger");
        await RunJobs(h);

        var files = Files(h, Liaison);
        using var book = LedgerDocumentsTests.Open(files[0].FileContent!);
        Assert.Equal("验收意见", book.Text("Q2"));
        Assert.Equal("张伟", book.Text("O3"));
        Assert.Equal(new DateTime(2023, 11, 3, 0, 30, 0).ToOADate(), double.Parse(book.Cell("P3")!.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal("=复核合格，同意销号", book.Text("Q3")); // text, never a formula
        var row = LedgerDocumentsTests.ReadCsv(files[1].FileContent!)[1];
        Assert.Equal(["张伟", "2023-11-03 00:30", "'=复核合格，同意销号"], row[14..17]);
    }

    [Fact]
    public async Task Export_ByAMember_IsRefusedAndAudited_NoJobRuns()
    {
        using var h = Ledger(out _, out _, out _);

        h.Send(Colleague, "/export ledger");
        await RunJobs(h);

        Assert.StartsWith("您的角色不能进行此操作（需要：组长、联络员）", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Empty(Files(h, Colleague));
        Assert.Contains(h.Get<Core.Audit.AuditLog>().ForActor(Colleague), e => e.Action == "denied" && e.Detail == "/export needs Export");
    }

    [Fact]
    public async Task Export_WithAnotherWord_ExplainsBothExportsAndQueuesNothing()
    {
        using var h = Ledger(out _, out _, out _);

        h.Send(Liaison, "/export schedule");
        await RunJobs(h);

        Assert.Contains("/schedule export", h.LastText(Liaison), StringComparison.Ordinal);
        Assert.Empty(Files(h, Liaison));
    }

    [Fact]
    public async Task Export_RoleTakenAwayBeforeTheJobRuns_SendsNothing()
    {
        using var h = Ledger(out _, out _, out _);

        h.Send(Liaison, "/export ledger");
        var member = h.Get<TeamStore>().GetMember(Liaison)!;
        member.Role = Role.Member;
        h.Get<TeamStore>().Upsert(member);
        await RunJobs(h);

        Assert.Empty(Files(h, Liaison));
    }

    [Fact]
    public async Task Export_InEnglish_HasEnglishHeadingsAndStatuses()
    {
        using var h = Ledger(out var late, out _, out _);
        h.Send(Liaison, "/lang en");

        h.Send(Liaison, "/export ledger");
        await RunJobs(h);

        var files = Files(h, Liaison);
        Assert.StartsWith("Internal — handle with care\nRectification ledger: 3 items, 1 overdue", Html.ToPlainText(files[0].Html), StringComparison.Ordinal);
        using var book = LedgerDocumentsTests.Open(files[0].FileContent!);
        Assert.Equal("Number", book.Text("A3"));
        Assert.Equal("Days overdue", book.Text("R3"));
        var lateRow = Enumerable.Range(4, 3).Single(r => book.Text("A" + r) == late.Code);
        Assert.Equal("assigned", book.Text("M" + lateRow));
    }

    [Theory]
    [InlineData("zh", "内部资料　注意保存", "检查方式", "明查", "暗访")]
    [InlineData("en", "Internal — handle with care", "Open/covert", "Open", "Covert")]
    public async Task ExportNamingACovertUnit_MarkedInternal_WithTheOpennessColumn(string language, string marking, string heading, string open, string covertValue)
    {
        using var h = Ledger(out var late, out var later, out var covert);
        h.Send(Liaison, "/lang " + language);

        h.Send(Liaison, "/export ledger");
        await RunJobs(h);

        var files = Files(h, Liaison);
        Assert.Equal(2, files.Count);
        Assert.EndsWith("-ledger-20231108-internal.xlsx", files[0].FileName, StringComparison.Ordinal);
        Assert.EndsWith("-ledger-20231108-internal.csv", files[1].FileName, StringComparison.Ordinal);
        Assert.StartsWith(marking + "\n", Html.ToPlainText(files[0].Html), StringComparison.Ordinal);
        Assert.Equal(marking, Html.ToPlainText(files[1].Html)); // the CSV's message carries the marking too

        // The sheet: the marking, the title, the header, then the rows; the column sits beside the unit.
        using var book = LedgerDocumentsTests.Open(files[0].FileContent!);
        Assert.Equal(marking, book.Text("A1"));
        Assert.NotNull(book.Font(book.Cell("A1")!).Bold);
        Assert.Contains("第七组", book.Text("A2"), StringComparison.Ordinal);
        Assert.Equal(heading, book.Text("C3"));
        var rows = Enumerable.Range(4, 3).ToDictionary(r => book.Text("A" + r), r => r);
        Assert.Equal(open, book.Text("C" + rows[late.Code]));
        Assert.Equal(open, book.Text("C" + rows[later.Code]));
        Assert.Equal(covertValue, book.Text("C" + rows[covert.Code]));
        Assert.Equal("暗访单位", book.Text("B" + rows[covert.Code]));
        Assert.Equal(["A1:R1", "A2:R2"], book.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.MergeCell>().Select(m => m.Reference!.Value!));

        // Filters, the frozen rows and the print titles follow the header down one row.
        var table = book.SheetPart.TableDefinitionParts.Single().Table!;
        Assert.Equal("A3:R6", table.Reference!.Value);
        Assert.Equal("A3:R6", table.AutoFilter!.Reference!.Value);
        Assert.Equal(heading, table.TableColumns!.Elements<DocumentFormat.OpenXml.Spreadsheet.TableColumn>().ElementAt(2).Name!.Value);
        var pane = Assert.Single(book.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>());
        Assert.Equal(3, pane.VerticalSplit!.Value);
        Assert.Equal("A4", pane.TopLeftCell!.Value);
        var printTitles = book.Document.WorkbookPart!.Workbook!.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles");
        Assert.EndsWith("!$1:$3", printTitles.Text, StringComparison.Ordinal);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(book.Document));

        // The CSV: the header stays the first row (no marking row for a parser to trip on); each row says open or covert.
        var csv = LedgerDocumentsTests.ReadCsv(files[1].FileContent!);
        Assert.Equal(4, csv.Count);
        Assert.Equal(heading, csv[0][2]);
        Assert.Equal(18, csv[0].Length);
        Assert.Equal(covertValue, csv.Single(r => r[0] == covert.Code)[2]);
        Assert.Equal(open, csv.Single(r => r[0] == late.Code)[2]);
        Assert.DoesNotContain(marking, System.Text.Encoding.UTF8.GetString(files[1].FileContent!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportWithoutACovertUnit_NotMarked_ColumnSaysOpen()
    {
        using var h = Team(out _, start: new DateTimeOffset(2023, 11, 2, 1, 0, 0, TimeSpan.Zero));
        var f = FindingFlowTests.Record(h, Author, "明查单位");
        h.Clear();

        h.Send(Liaison, "/export ledger");
        await RunJobs(h);

        var files = Files(h, Liaison);
        Assert.Equal(["G7-ledger-20231102.xlsx", "G7-ledger-20231102.csv"], files.Select(m => m.FileName));
        Assert.Equal("整改台账：共 1 项，其中逾期 0 项（Excel 可筛选；CSV 供其他系统使用）。", Html.ToPlainText(files[0].Html));
        Assert.Equal("", files[1].Html);
        using var book = LedgerDocumentsTests.Open(files[0].FileContent!);
        Assert.Contains("第七组", book.Text("A1"), StringComparison.Ordinal);
        Assert.Equal("检查方式", book.Text("C2"));
        Assert.Equal(f.Code, book.Text("A3"));
        Assert.Equal("明查", book.Text("C3"));
        Assert.DoesNotContain("内部资料", book.Document.WorkbookPart!.SharedStringTablePart!.SharedStringTable!.InnerText, StringComparison.Ordinal);
        Assert.Equal("明查", LedgerDocumentsTests.ReadCsv(files[1].FileContent!)[1][2]);
    }

    /// <summary>
    /// Only coordinators may export, and they see every covert finding; the job still reads the ledger as the reader
    /// sees it (<see cref="LedgerQueries.All"/>, the rule of <c>/ledger</c>), and checks the role again when it runs.
    /// </summary>
    [Fact]
    public async Task Export_JobForAMember_SendsNothing_AndTheLedgerItReadsHidesOthersCovertFindings()
    {
        using var h = Ledger(out var late, out var later, out var covert);
        var now = h.Time.GetUtcNow().UtcDateTime;
        h.Get<JobStore>().Enqueue(LedgerJobs.JobKind, new LiteDB.BsonDocument { ["what"] = "export", ["user"] = Colleague, ["chat"] = Colleague }, now);

        await RunJobs(h);

        Assert.Empty(Files(h, Colleague));
        Assert.DoesNotContain("暗访单位", h.AllText(Colleague), StringComparison.Ordinal);
        var today = new DateOnly(2023, 11, 8);
        var teams = h.Get<TeamStore>();
        string[] Read(long user) => [.. h.Get<LedgerQueries>().All(new LedgerQuery { Scope = LedgerScope.All }, teams.GetMember(user)!, today).Select(f => f.Code).Order(StringComparer.Ordinal)];
        Assert.Equal(new[] { late.Code, later.Code }.Order(StringComparer.Ordinal), Read(Colleague));
        Assert.Contains(covert.Code, Read(Author)); // its author
        Assert.Contains(covert.Code, Read(Liaison));
        Assert.Contains(covert.Code, Read(Leader));
    }

    [Fact]
    public async Task Stats_CountsByStatusAndListsTheOverdue_WithAChart()
    {
        using var h = Ledger(out var late, out _, out _);

        h.Send(Colleague, "/stats");
        await RunJobs(h);

        var messages = h.Messages(Colleague);
        var text = Html.ToPlainText(messages.Single(m => m.Html.Contains("问题统计", StringComparison.Ordinal)).Html);
        // The colleague does not see the covert finding: two items, not three.
        Assert.Contains("问题统计（共 2 项", text, StringComparison.Ordinal);
        Assert.Contains("待整改：0", text, StringComparison.Ordinal);
        Assert.Contains("已指派：2", text, StringComparison.Ordinal);
        Assert.Contains("逾期未销号：1 项", text, StringComparison.Ordinal);
        Assert.Contains(late.Code, text, StringComparison.Ordinal);
        Assert.DoesNotContain("暗访单位", text, StringComparison.Ordinal);

        var chart = Assert.Single(Files(h, Colleague));
        Assert.True(chart.FileAsPhoto);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.FileContent![..4]);
        using var bitmap = SkiaSharp.SKBitmap.Decode(chart.FileContent);
        Assert.Equal(Core.Ledger.Documents.StatsChart.Width, bitmap.Width);
        var red = Core.Ledger.Documents.StatsChartLayout.BarColor(Core.Ledger.Documents.ChartAccent.Overdue);
        Assert.Contains(red, bitmap.Pixels.Take(bitmap.Width * 300)); // the overdue badge under the title
    }

    [Fact]
    public async Task Stats_ForTheLeader_IncludeTheCovertFinding()
    {
        using var h = Ledger(out _, out _, out _);

        h.Send(Leader, "/stats");
        await RunJobs(h);

        Assert.Contains("问题统计（共 3 项", h.AllText(Leader), StringComparison.Ordinal);
        Assert.Contains("待整改：1", h.AllText(Leader), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_ForAContact_AreRefused()
    {
        using var h = Ledger(out _, out _, out _);

        h.Send(Contact, "/stats");
        await RunJobs(h);

        Assert.DoesNotContain("问题统计", h.AllText(Contact), StringComparison.Ordinal);
        Assert.Empty(Files(h, Contact));
    }

    [Theory]
    [InlineData("/export ledger")]
    [InlineData("/stats")]
    public async Task EmptyLedger_SaysSoAndSendsNoFile(string command)
    {
        using var h = Team(out _);

        h.Send(Leader, command);
        await RunJobs(h);

        Assert.Contains("台账里还没有问题", h.LastText(Leader), StringComparison.Ordinal);
        Assert.Empty(Files(h, Leader));
    }

    [Fact]
    public async Task Stats_InEnglish_ChartInEnglishWithTheOverdueCount()
    {
        using var h = Ledger(out _, out _, out _);
        h.Send(Leader, "/language en");
        h.Clear();

        h.Send(Leader, "/stats");
        await RunJobs(h);

        // The job drew exactly this: the reader's language, the team and the day in its time zone, the overdue count
        // the text gives.
        var team = h.Get<TeamStore>().GetTeam(h.Get<TeamStore>().GetMember(Leader)!.TeamId)!;
        var all = h.Get<FindingStore>().OfTeam(team.Id).ToList();
        var data = LedgerJobs.ChartData(h.Get<Core.Localization.TextCatalog>().English, team, all, new DateOnly(2023, 11, 8), overdue: 1);
        Assert.Contains("Overdue and not closed: 1", Html.ToPlainText(h.AllText(Leader)), StringComparison.Ordinal);
        Assert.Equal("第七组: findings", data.Title);
        Assert.Equal("As of 8 Nov 2023, 3 in all", data.Subtitle);
        Assert.Equal(["By status", "By sector", "By aspect", "By severity"], data.Panels.Select(p => p.Title));
        Assert.Equal(new Core.Ledger.Documents.StatsChartBar("of which overdue", 1, Core.Ledger.Documents.ChartAccent.Overdue), data.Panels[0].Bars[^1]);
        Assert.Contains(new Core.Ledger.Documents.StatsChartHighlight("1 overdue", Core.Ledger.Documents.ChartAccent.Overdue), data.Highlights);
        Assert.Equal(Core.Ledger.Documents.StatsChart.Png(data), Assert.Single(Files(h, Leader)).FileContent);
    }
}
