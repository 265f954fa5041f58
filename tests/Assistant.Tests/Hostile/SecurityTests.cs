using System.Text;
using Assistant.Core.Audit;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Ledger;
using Assistant.Core.Messaging;
using Assistant.Core.Schedule;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Ledger;
using Assistant.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using static Assistant.Tests.Hostile.HostileWorld;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Hostile;

/// <summary>One test per security rule; each fails if its rule is broken.</summary>
public sealed class SecurityTests
{
    private static string Everything(CoreHarness h, long chat) => string.Join("\n", h.Messages(chat).Select(m =>
        Html.ToPlainText(m.Html) + "\n" + (m.FileContent is { } bytes ? FileText(m.FileName, bytes) : "")));

    /// <summary>A file's readable text: the body of a Word document, the strings of a workbook, UTF-8 otherwise.</summary>
    private static string FileText(string? name, byte[] bytes)
    {
        if (name?.EndsWith(".docx", StringComparison.Ordinal) == true)
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            return doc.MainDocumentPart!.Document!.Body!.InnerText;
        }

        if (name?.EndsWith(".xlsx", StringComparison.Ordinal) == true)
        {
            using var book = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            return string.Join("\n", book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? "", book.WorkbookPart.WorksheetParts.Select(p => p.Worksheet!.InnerText));
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static ScheduleItem CovertVisit(HostileWorld w) => ScheduleTests_Add(w, "暗访城区液化气站", "城区某液化气站", covert: true);

    private static ScheduleItem ScheduleTests_Add(HostileWorld w, string title, string place, bool covert)
    {
        var item = new ScheduleItem
        {
            TeamId = w.Team.Id, Kind = covert ? EventKind.CovertVisit : EventKind.SiteInspection, Title = title, Place = place,
            StartUtc = new DateTime(2023, 11, 2, 6, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2023, 11, 2, 8, 0, 0, DateTimeKind.Utc),
            Participants = [Author],
        };
        w.H.Get<ScheduleStore>().Insert(item);
        return item;
    }

    [Fact]
    public void Rule_Strangers_GetOnePoliteAnswer_AndNothingOfTheirsIsStoredButAnAuditLine()
    {
        using var w = new HostileWorld();
        var f = FindingFlowTests.Record(w.H, Author);
        var before = w.Snapshot(Stored);
        w.H.Clear();

        w.H.Send(Stranger, "你好，我想看看台账");
        w.H.Send(Stranger, "/ledger");
        w.H.Dispatch(FindingFlowTests.Photo(Stranger, "stranger-photo"));
        w.H.PressData(Stranger, $"lg:fs:{f.Id}:{f.Revision}");
        w.H.PressData(Stranger, $"fd:v:{f.Id}");

        var answers = w.H.Messages(Stranger);
        Assert.Equal(5, answers.Count);
        Assert.All(answers, m => Assert.Equal(w.H.Get<Core.Dispatching.Router>().StrangerAnswer(), m.Html));
        Assert.All(answers, m => Assert.Null(m.Keyboard));
        Assert.Contains("索取邀请码", Html.ToPlainText(answers[0].Html), StringComparison.Ordinal);
        w.AssertUnchanged(before);
        Assert.Equal(5, w.H.Get<AuditLog>().ForActor(Stranger).Count(a => a.Action == "stranger.refused"));
        Assert.Equal(RectificationStatus.Open, w.H.Get<FindingStore>().Get(f.Id)!.Status);
    }

    [Fact]
    public async Task Rule_TeamIsolation_AnotherTeamSeesNothingAndCannotAct()
    {
        using var w = new HostileWorld();
        var f = FindingFlowTests.Record(w.H, Author, "甲化工有限公司");
        w.H.Send(Author, "乙局汇报了秘密笔记内容");
        ScheduleTests_Add(w, "检查丙钢铁企业", "丙钢铁厂区", covert: false);
        var before = w.Snapshot(Stored);
        w.H.Clear();

        foreach (var command in new[] { "/finding G7-001", "/findings", "/mine", "/ledger", "/ledger 全部", "/overdue", "/stats", "/notes", "/today", "/schedule", "/schedule 11-02", "/next", "/schedule export" })
        {
            w.H.Send(OtherMember, command);
            w.H.Send(OtherLeader, command);
        }

        foreach (var command in new[] { "/export ledger", "/summary", "/report", "/tally" })
        {
            w.H.Send(OtherLeader, command);
        }

        foreach (var data in new[] { $"lg:fs:{f.Id}:{f.Revision}", $"lg:a:{f.Id}:{f.Revision}", $"lg:v:{f.Id}", $"fd:v:{f.Id}", $"fd:h:{f.Id}", $"fd:e:{f.Id}:{f.Revision}", "n:1:u", "n:1:f", "sc:v:1", "sc:x:1:1" })
        {
            w.H.PressData(OtherLeader, data);
        }

        await w.RunJobs();

        foreach (var user in new[] { OtherMember, OtherLeader })
        {
            var seen = Everything(w.H, user);
            foreach (var secret in new[] { "甲化工", "秘密笔记", "丙钢铁", f.Code })
            {
                Assert.DoesNotContain(secret, seen, StringComparison.Ordinal);
            }
        }

        w.AssertUnchanged(before);
    }

    /// <summary>Each forged press by a role the step is not for: refused, nothing changes.</summary>
    [Fact]
    public void Rule_RolesCheckedOnEveryLedgerButton_NotOnlyByHidingIt()
    {
        using var w = new HostileWorld();
        var f = FindingFlowTests.Record(w.H, Author);
        w.Finding = f;

        void Refused(long user, string code, string answer)
        {
            var before = w.Snapshot(Stored);
            w.H.Clear();
            Do(w.H, user, w.Current, code);
            Assert.Contains(answer, w.H.AllText(user), StringComparison.Ordinal);
            w.AssertUnchanged(before);
        }

        // Open.
        Refused(Colleague, "a", "由组长或联络员操作");
        Refused(Author, "x", "由组长或联络员操作");
        Refused(Contact, "a", "没有找到");
        Refused(Contact, "fs", "没有找到");
        Assign(w.H, f, "11-20");

        // Assigned to Contact.
        Refused(Colleague, "x", "由组长或联络员操作");
        Refused(OtherContact, "s", "没有找到");
        Refused(OtherContact, "f", "没有找到");
        Refused(Contact, "a", "由组长或联络员操作");
        Refused(Contact, "x", "由组长或联络员操作");
        SubmitFix(w.H, Contact, f);

        // Rectified.
        Refused(Contact, "ok", "由巡查组成员操作");
        Refused(Contact, "r", "由巡查组成员操作");
        Refused(OtherContact, "ok", "没有找到");
        Refused(OtherMember, "ok", "没有找到");
        Assert.Equal(RectificationStatus.Rectified, w.Current.Status);
    }

    [Theory]
    [InlineData("/invite 成员")]
    [InlineData("/invite 组长")]
    [InlineData("/members")]
    [InlineData("/linkgroup")]
    [InlineData("/schedule add")]
    [InlineData("/export ledger")]
    [InlineData("/summary")]
    [InlineData("/report")]
    [InlineData("/tally 谈话 5")]
    [InlineData("/stats")]
    public async Task Rule_RolesCheckedOnEveryCoordinatorCommand(string command)
    {
        using var w = new HostileWorld();
        FindingFlowTests.Record(w.H, Author);
        var before = w.Snapshot(Stored);
        var users = command is "/stats" ? new[] { Contact } : command == "/invite 组长" ? new[] { Liaison, Author, Contact } : new[] { Author, Contact };
        w.H.Clear();

        foreach (var user in users)
        {
            w.H.Send(user, command);
            var answer = w.H.LastText(user);
            Assert.True(
                answer.Contains("您的角色不能", StringComparison.Ordinal) || answer.Contains("只有", StringComparison.Ordinal) || answer.Contains("您不能邀请", StringComparison.Ordinal),
                $"{command} by {user}: {answer}");
        }

        Assert.Empty(w.H.Get<AssistantDatabase>().Collection<Job>(JobStore.CollectionName).FindAll());
        await w.RunJobs();
        w.AssertUnchanged(before);
        Assert.All(users, u => Assert.DoesNotContain(w.H.Messages(u), m => m.FileContent is not null));
    }

    [Fact]
    public async Task Rule_CovertVisitsNeverLeak_ToOtherMembersOrTheGroup()
    {
        using var w = new HostileWorld();
        CovertVisit(w);
        var covertFinding = FindingFlowTests.Record(w.H, Author, "某烟花爆竹批发部", covert: true);
        w.LinkGroup();
        w.H.Clear();

        foreach (var command in new[] { "/today", "/schedule", "/schedule 11-02", "/week", "/next", "/schedule export", "/findings", "/ledger", "/ledger 全部", "/stats", "/finding " + covertFinding.Code })
        {
            w.H.Send(Colleague, command);
            w.H.Send(Contact, command);
        }

        foreach (var command in new[] { "/today", "/schedule", "/week", "/next" })
        {
            w.H.Send(Leader, command, Group, ChatKind.Group);
        }

        await w.RunJobs();

        Assert.Contains("忙碌", Everything(w.H, Colleague), StringComparison.Ordinal);
        foreach (var chat in new[] { Colleague, Contact, Group })
        {
            var seen = Everything(w.H, chat);
            foreach (var secret in new[] { "液化气站", "烟花爆竹", covertFinding.Code })
            {
                Assert.DoesNotContain(secret, seen, StringComparison.Ordinal);
            }
        }

        // The participant and the coordinators do see them.
        w.H.Send(Author, "/today");
        Assert.Contains("暗访城区液化气站", w.H.LastText(Author), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_TipstersNeverLeak_TheTipReachesOnlyAuthorLiaisonLeader_AndTheBriefOnlyItsSubject()
    {
        using var w = new HostileWorld();
        w.H.Send(Author, "接到电话举报，举报人张三丰，电话13800138000");
        w.H.Press(Author, "举报线索");
        w.H.Press(Author, "电话");
        w.H.Send(Author, "长沙市某液化气站违规充装");
        w.H.Press(Author, "转交属地核查");
        Assert.Contains("已登记举报", w.H.AllText(Author), StringComparison.Ordinal);
        w.H.Clear();

        w.H.Send(Colleague, "/notes");
        w.H.Send(Contact, "/notes");
        w.H.Send(Leader, "/notes");
        w.H.Send(Leader, "/summary");
        await w.RunJobs();

        foreach (var chat in new[] { Colleague, Contact })
        {
            Assert.DoesNotContain("13800138000", Everything(w.H, chat), StringComparison.Ordinal);
            Assert.DoesNotContain("违规充装", Everything(w.H, chat), StringComparison.Ordinal);
        }

        Assert.Contains("13800138000", Html.ToPlainText(w.H.Messages(Leader)[0].Html), StringComparison.Ordinal);
        var brief = string.Join("\n", w.H.Messages(Leader).Skip(1).Select(m => Html.ToPlainText(m.Html) + (m.FileContent is { } b ? FileText(m.FileName, b) : "")));
        Assert.Contains(".docx", string.Join(" ", w.H.Messages(Leader).Select(m => m.FileName)), StringComparison.Ordinal);
        Assert.Contains("违规充装", brief, StringComparison.Ordinal);
        Assert.Contains("转交属地核查", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", brief, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_ExportsNeutraliseSpreadsheetFormulas()
    {
        using var w = new HostileWorld();
        string[] units = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)"];
        foreach (var unit in units)
        {
            FindingFlowTests.Record(w.H, Author, unit);
        }

        w.H.Clear();
        w.H.Send(Liaison, "/export ledger");
        await w.RunJobs();

        var files = w.H.Messages(Liaison).Where(m => m.FileContent is not null).ToList();
        using (var book = LedgerDocumentsTests.Open(files.Single(m => m.FileName!.EndsWith(".xlsx", StringComparison.Ordinal)).FileContent!))
        {
            var cells = Enumerable.Range(3, units.Length).Select(r => book.Cell("B" + r)!).ToList();
            Assert.All(cells, c => Assert.Null(c.CellFormula));
            Assert.All(cells, c => Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString, c.DataType?.Value));
            Assert.Equal(units.Order(StringComparer.Ordinal), Enumerable.Range(3, units.Length).Select(r => book.Text("B" + r)).Order(StringComparer.Ordinal));
        }

        var csv = Encoding.UTF8.GetString(files.Single(m => m.FileName!.EndsWith(".csv", StringComparison.Ordinal)).FileContent!);
        foreach (var unit in units)
        {
            Assert.Contains("'" + unit.Replace("\"", "\"\"", StringComparison.Ordinal), csv, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",+", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",@", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_ItineraryCsvExport_NeutralisesFormulas()
    {
        var item = new ScheduleItem
        {
            Id = 1, Kind = EventKind.Other, Title = "=HYPERLINK(\"http://x\",\"y\")", Place = "@SUM(1)", Notes = "+cmd|' /C calc'!A0",
            StartUtc = new DateTime(2023, 11, 2, 1, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2023, 11, 2, 2, 0, 0, DateTimeKind.Utc),
        };

        var csv = Encoding.UTF8.GetString(Core.Schedule.Files.ItineraryCsv.Write([item], ScheduleTestsZone, _ => "x"));

        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(1),", csv, StringComparison.Ordinal);
        Assert.Contains("'+cmd", csv, StringComparison.Ordinal);
    }

    /// <summary>
    /// Extends Channels.TelegramEndToEndTests.Token_NeverAppearsInAnyLogLine (outage, 429, menu failure) with a 401
    /// on polling, a refused send and a start-up failure of the command menu, all at trace level.
    /// </summary>
    [Fact]
    public async Task Rule_TheBotTokenNeverAppearsInALog_EvenOnUnauthorizedAndFailedRequests()
    {
        await using var api = await Fakes.FakeBotApi.StartAsync();
        api.FailNext("getUpdates", 1, 401, "Unauthorized");
        api.FailNext("sendMessage", 1, 400, "Bad Request: chat not found");
        api.FailNext("setMyCommands", 2, 401, "Unauthorized");
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
        api.EnqueueText(Leader, Leader, "/help");
        await Task.Delay(3000);

        var secret = api.Token[(api.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.Contains(app.Logs.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.DoesNotContain(secret, app.Logs.AllText, StringComparison.Ordinal);
    }

    private static readonly TimeZoneInfo ScheduleTestsZone = Schedule.ScheduleTests.Shanghai;
}
