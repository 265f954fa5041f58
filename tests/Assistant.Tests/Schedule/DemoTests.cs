using Assistant.Core.Demo;
using Assistant.Core.Findings;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Schedule;

public sealed class DemoTests
{
    [Fact]
    public void Demo_LoadsTeamSevenAndTheHunanItinerary()
    {
        using var h = CoreHarness.Create();

        var (team, created) = h.Get<DemoLoader>().Load();

        Assert.True(created);
        Assert.Equal("G7", team.Code);
        Assert.Equal(new DateOnly(2023, 11, 1), team.VisitFrom);
        var items = h.Get<ScheduleStore>().OfTeam(team.Id);
        Assert.True(items.Count >= 30);
        Assert.Equal(EventKind.KickOffMeeting, items[0].Kind);
        Assert.Equal(EventKind.FeedbackMeeting, items.Last(i => i.Kind != EventKind.Travel).Kind);
        Assert.Contains(items, i => i.IsCovert);
        Assert.Contains(items, i => i.Title.Contains("湘潭", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Title.Contains("株洲", StringComparison.Ordinal));
        Assert.Equal(DemoLoader.People.Count, h.Get<TeamStore>().MembersOf(team.Id).Count);
        var findings = h.Get<FindingStore>().OnDay(team.Id, new DateOnly(2023, 11, 2));
        Assert.Equal(6, findings.Count);
        Assert.Single(findings, f => f.Severity == Severity.MajorHazard);
        Assert.Single(findings, f => f.Covert);
        Assert.All(findings, f => Assert.Null(f.Deadline));
        Assert.Contains(h.Get<NoteStore>().OfTeam(team.Id), n => n.Kind == NoteKind.Tip && n.TipSubject is not null);
        Assert.False(h.Get<DemoLoader>().Load().Created);
        Assert.Equal(6, h.Get<FindingStore>().OfTeam(team.Id).Count);
    }

    [Fact]
    public void Demo_ShiftedToToday_StartsToday()
    {
        using var h = CoreHarness.Create();

        var (team, _) = h.Get<DemoLoader>().Load(shiftDays: 1);

        Assert.Equal(new DateOnly(2023, 11, 2), team.VisitFrom);
        Assert.Equal(new DateTime(2023, 11, 2, 1, 0, 0), h.Get<ScheduleStore>().OfTeam(team.Id)[0].StartUtc);
    }

    [Fact]
    public async Task Console_FirstRun_ShowsTheDemoItinerary()
    {
        using var folder = new TempFolder();

        var (code, stdout, stderr) = await AssistantProcess.RunAsync(folder.Path, ["--console"], "/schedule\n/next\n/summary 11-02\n", new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = folder.DatabasePath,
            ["Telegram__BotToken"] = "",
        });

        Assert.True(code == 0, stderr);
        Assert.Contains("第七组（湖南省）的刘组长", stdout, StringComparison.Ordinal);
        Assert.Contains("考核巡查见面会", stdout, StringComparison.Ordinal);
        Assert.Contains("★", stdout, StringComparison.Ordinal);
        Assert.Contains("工作日报", stdout, StringComparison.Ordinal);
        Assert.Contains("长沙某化工有限公司（长沙市望城区）：甲类仓库与办公楼防火间距不足", stdout, StringComparison.Ordinal);
        Assert.Contains("（G7-002）", stdout, StringComparison.Ordinal);

        // The documents are kept beside the database, in the team's folder, named by kind, day, language and version.
        var docx = Path.Combine(Path.GetDirectoryName(folder.DatabasePath)!, "documents", "G7", "G7-brief-2023-11-02-zh-CN-v1.docx");
        Assert.Contains("G7-brief-2023-11-02-zh-CN-v1.docx → " + docx, stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(docx), docx);
        Assert.DoesNotContain(Path.Combine(Path.GetTempPath(), "inspection-assistant"), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoVerb_LoadsTheDemoOnce()
    {
        using var folder = new TempFolder();
        var env = new Dictionary<string, string> { ["Storage__DatabasePath"] = folder.DatabasePath };

        var first = await AssistantProcess.RunAsync(folder.Path, ["demo"], environment: env);
        var second = await AssistantProcess.RunAsync(folder.Path, ["demo"], environment: env);
        var list = await AssistantProcess.RunAsync(folder.Path, ["team", "list"], environment: env);

        Assert.Contains("Loaded the demo: team 第七组 (G7)", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("exists already", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("G7\t第七组\t湖南省\t2023-11-01..2023-11-10", list.Stdout, StringComparison.Ordinal);
    }
}
