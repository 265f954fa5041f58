using Assistant.Core.Demo;
using Assistant.Core.Jobs;
using Assistant.Core.Localization;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Model;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Summaries;

/// <summary>
/// The demo's second day asked for with /summary while a stand-in Ollama server answers as a real model does (bold
/// headings ending in "：", its own wording, a closing sentence): the brief carries the model's narrative with the
/// document's lead-ins, and every part composed from the records is the offline writer's. Set
/// <c>BRIEF_SAMPLE_DIR</c> to keep the Word document there, to look at it.
/// </summary>
public sealed class DemoBriefThroughAModelTests
{
    private const long Leader = 700;

    /// <summary>The demo day's three notes (a briefing, an interview, a highlight) as Qwen2.5-14B writes them.</summary>
    private const string Answer = """
        **一、听取汇报：**
        省应急管理厅汇报，今年以来全省共排查重大事故隐患1.2万项，整改率达96%，隐患排查整治工作总体有序推进。

        **二、个别谈话：**
        望城区应急局同志反映，乡镇安全监管力量较为薄弱，每个乡镇仅配备1名兼职安全员，基层监管能力有待加强。下一步，考核巡查组将继续关注基层监管力量配备情况。

        **三、工作亮点：**
        省委省政府主要负责同志定期专题研究安全生产工作，建立了省级领导包保重点企业制度，领导责任压得较实。
        """;

    [Fact]
    public async Task DemoDay_WrittenThroughAStandInModel_HasTheModelsNarrative_AndEveryComposedPartIntact()
    {
        await using var model = await FakeModelServer.StartAsync(ModelServerFamily.Ollama);
        model.Reply(_ => Answer);
        using var h = CoreHarness.Create(settings: new Dictionary<string, string?>
        {
            ["AI:Endpoint"] = model.BaseUrl.ToString(),
            ["AI:Model"] = FakeModelServer.ListedModel,
        });
        var (team, created) = h.Get<DemoLoader>().Load(leaderId: Leader);
        Assert.True(created);
        var day = team.VisitFrom.AddDays(1);
        var zh = TextCatalog.Default.Chinese;

        // The document as the writer makes it: the model's narrative, everything else as composed offline.
        var facts = h.Get<FactsBuilder>().Day(team, day);
        var written = await h.Get<ModelBriefWriter>().DailyAsync(facts, zh, null, CancellationToken.None);
        Assert.True(written.FallbackReason is null, written.FallbackReason);
        Assert.Equal("model:" + FakeModelServer.ListedModel, written.Writer);
        var offline = OfflineBriefWriter.Daily(facts, zh);
        Assert.Equal(ModelWriterTests.Composed(offline), ModelWriterTests.Composed(written.Document));
        Assert.Equal(
            [
                "听取汇报方面，省应急管理厅汇报，今年以来全省共排查重大事故隐患1.2万项，整改率达96%，隐患排查整治工作总体有序推进。",
                "个别谈话方面，望城区应急局同志反映，乡镇安全监管力量较为薄弱，每个乡镇仅配备1名兼职安全员，基层监管能力有待加强。下一步，考核巡查组将继续关注基层监管力量配备情况。",
            ],
            written.Document.Narratives.Where(n => n.Slot is NarrativeSlot.DayMeetings or NarrativeSlot.DayInterviews).SelectMany(n => n.Paragraphs));

        // The same through /summary: the chat and the Word document carry it.
        h.Clear();
        h.Send(Leader, "/summary " + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        var text = h.AllText(Leader);
        Assert.Contains("个别谈话方面，望城区应急局同志反映，乡镇安全监管力量较为薄弱", text, StringComparison.Ordinal);
        Assert.DoesNotContain("离线生成", text, StringComparison.Ordinal);
        Assert.Contains("二、发现问题隐患情况", text, StringComparison.Ordinal);
        var docx = Assert.Single(h.Messages(Leader), m => m.FileName?.EndsWith(".docx", StringComparison.Ordinal) == true);
        if (Environment.GetEnvironmentVariable("BRIEF_SAMPLE_DIR") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            await File.WriteAllBytesAsync(Path.Combine(keep, docx.FileName!), docx.FileContent!);
        }
    }
}
