using Assistant.Core.Localization;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Documents;
using Assistant.Tests.Support;

namespace Assistant.Tests.Summaries;

/// <summary>
/// The offline writer on a fixed day and a fixed visit, against golden files in both languages
/// (tests/Assistant.Tests/Summaries/Golden; regenerate with UPDATE_GOLDEN=1 and read the diff).
/// </summary>
public sealed class OfflineWriterTests
{
    private static readonly Texts Zh = TextCatalog.Default.Chinese;
    private static readonly Texts En = TextCatalog.Default.English;

    public static TheoryData<string, string> Documents => new()
    {
        { "daily", "zh-CN" },
        { "daily", "en" },
        { "feedback", "zh-CN" },
        { "feedback", "en" },
    };

    private static BriefDocument Write(string kind, string language)
    {
        var t = language == "en" ? En : Zh;
        return kind == "daily" ? OfflineBriefWriter.Daily(BriefFixtures.DayFacts, t) : OfflineBriefWriter.Feedback(BriefFixtures.VisitFacts, t);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Text_MatchesTheGoldenFile(string kind, string language)
    {
        var markdown = BriefMarkdown.Render(Write(kind, language));
        var path = Repository.PathOf("tests", "Assistant.Tests", "Summaries", "Golden", $"{kind}.{language}.md");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, markdown);
        }

        Assert.True(File.Exists(path), "Golden file missing: run UPDATE_GOLDEN=1 dotnet test --filter OfflineWriter");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), markdown);
    }

    [Fact]
    public void Daily_SectionsInTheStandardOrder()
    {
        var doc = Write("daily", "zh-CN");

        Assert.Equal(["一、当日工作情况", "二、发现问题隐患情况", "三、立查立改与移交情况", "四、举报受理情况", "五、次日工作安排"], doc.Sections.Select(s => s.Heading).ToArray());
        Assert.Equal("国务院安全生产和消防工作考核巡查第七组 工作日报", doc.Title);
        Assert.Equal("2023年11月2日（星期四）", doc.Subtitle);
    }

    [Fact]
    public void Daily_CountsSeveritiesSectorsAspectsAndEveryFindingOnce()
    {
        var text = BriefMarkdown.Render(Write("daily", "zh-CN"));

        Assert.Contains("听取汇报2场；调阅材料46份；个别谈话8人；走访问询部门和企业5家；实地检查生产经营单位6家，其中明查4家、暗访2家；受理举报2件", text, StringComparison.Ordinal);
        Assert.Contains("共发现问题隐患9项，其中重大事故隐患1项、一般隐患6项、问题2项。", text, StringComparison.Ordinal);
        Assert.Contains("按领域：危险化学品3项、城镇燃气2项、人员密集场所2项、消防1项、其他1项。", text, StringComparison.Ordinal);
        Assert.Contains("按方面：安全生产责任落实3项、重大专项行动组织实施3项、基层末梢抓工作落实3项。", text, StringComparison.Ordinal);
        foreach (var f in BriefFixtures.Findings)
        {
            Assert.Contains(f.Code, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Daily_MajorHazardApart_ProblemsGroupedByAspectAsYiShiErShi()
    {
        var doc = Write("daily", "zh-CN");
        var problems = doc.Sections[1].Blocks;

        var majors = problems.OfType<BriefList>().First();
        Assert.Equal("1. G7-004 长沙某化工有限公司（长沙市 望城区）：甲类仓库与办公楼防火间距不足。依据：《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》第十条。整改期限：11月16日。", Assert.Single(majors.Items));
        Assert.Equal(["（一）安全生产责任落实方面", "（二）重大专项行动组织实施方面", "（三）基层末梢抓工作落实方面"], problems.OfType<BriefSubheading>().Select(h => h.Text).ToArray());
        var responsibilities = problems.OfType<BriefList>().ElementAt(1).Items;
        Assert.StartsWith("一是湖南省住房和城乡建设厅（长沙市）：", responsibilities[0], StringComparison.Ordinal);
        Assert.EndsWith("（G7-001）；", responsibilities[0], StringComparison.Ordinal);
        Assert.StartsWith("二是长沙某酒店", responsibilities[1], StringComparison.Ordinal);
        Assert.EndsWith("（G7-006）。", responsibilities[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_FollowUpTipsAndTomorrow()
    {
        var doc = Write("daily", "zh-CN");

        Assert.Equal("现场督促整改2项（G7-003、G7-007）；明确整改期限6项，最早期限为11月9日；移交属地核查1项（G7-009，移交株洲市人民政府）。",
            Assert.IsType<BriefParagraph>(Assert.Single(doc.Sections[2].Blocks)).Text);
        Assert.Equal("受理举报2件（电话1件、邮箱1件）：", Assert.IsType<BriefParagraph>(doc.Sections[3].Blocks[0]).Text);
        Assert.Equal("1. 反映长沙市某液化气站违规向无资质人员销售钢瓶；处理情况：转交长沙市核查，11月8日前反馈。", Assert.IsType<BriefList>(doc.Sections[3].Blocks[1]).Items[0]);
        var tomorrow = Assert.IsType<BriefList>(doc.Sections[4].Blocks[1]).Items;
        Assert.Contains("14:30—17:00 暗访（人员与地点另行通知）", tomorrow);
        Assert.Contains("08:30—10:00 汇报会：延伸湘潭市，听取市政府汇报（湘潭市人民政府）", tomorrow);
    }

    [Fact]
    public void Daily_NotesQuotedExactly()
    {
        var items = Write("daily", "zh-CN").Sections[0].Blocks.OfType<BriefList>().Last().Items;

        Assert.Equal("（会议）陈静：“省应急管理厅汇报称今年以来共排查重大事故隐患1.2万项，整改率96%。”", items[0]);
    }

    [Fact]
    public void Daily_EmptyDay_SaysSoInEverySection()
    {
        var empty = BriefFixtures.DayFacts with { Today = [], Tomorrow = [], Findings = [], Notes = [], Tips = [], Counts = ActivityCounts.Zero };

        var doc = OfflineBriefWriter.Daily(empty, Zh);

        Assert.Equal(
            ["当日未记录检查工作量。", "当日未发现问题隐患。", "当日无立行立改、限期整改或移交事项。", "当日未受理举报。", "2023年11月3日（星期五）暂无行程安排。"],
            doc.Sections.Select(s => Assert.IsType<BriefParagraph>(Assert.Single(s.Blocks)).Text).ToArray());
    }

    [Fact]
    public void Daily_TipsTalliedBeyondTheRecords_SaysHowManyAreRecorded()
    {
        var facts = BriefFixtures.DayFacts with { Counts = BriefFixtures.DayFacts.Counts with { Tips = 3 } };

        var doc = OfflineBriefWriter.Daily(facts, Zh);

        Assert.Equal("受理举报3件，已登记处理情况2件（电话1件、邮箱1件）：", Assert.IsType<BriefParagraph>(doc.Sections[3].Blocks[0]).Text);
    }

    [Fact]
    public void Feedback_SectionsProblemsRequirementsAndAnnexTable()
    {
        var doc = Write("feedback", "zh-CN");

        Assert.Equal(["一、基本情况", "二、总体评价", "三、存在的主要问题", "四、整改要求", "五、附件"], doc.Sections.Select(s => s.Heading).ToArray());
        var basic = Assert.IsType<BriefParagraph>(Assert.Single(doc.Sections[0].Blocks)).Text;
        Assert.StartsWith("2023年11月1日至2023年11月10日，考核巡查第七组对湖南省安全生产和消防工作开展了考核巡查。", basic, StringComparison.Ordinal);
        Assert.Contains("延伸检查了长沙市、湘潭市、株洲市。", basic, StringComparison.Ordinal);
        Assert.Equal("（一）重大事故隐患", doc.Sections[2].Blocks.OfType<BriefSubheading>().First().Text);
        Assert.Contains("请于2023年12月10日前将整改方案报国务院安委会办公室", Assert.IsType<BriefList>(Assert.Single(doc.Sections[3].Blocks)).Items[3], StringComparison.Ordinal);
        var table = doc.Sections[4].Blocks.OfType<BriefTable>().First();
        Assert.Equal(["序号", "编号", "被检查单位", "问题", "依据", "责任单位", "整改期限"], table.Headings.ToArray());
        Assert.Equal(9, table.Rows.Count);
        Assert.Equal(["4", "G7-004", "长沙某化工有限公司（长沙市 望城区）", "甲类仓库与办公楼防火间距不足", "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》第十条", "长沙某化工有限公司", "2023年11月16日"],
            table.Rows[3].ToArray());
        Assert.Equal(2, doc.Sections[4].Blocks.OfType<BriefTable>().Last().Rows.Count);
    }

    [Fact]
    public void Feedback_NoHighlights_AsksForThemInsteadOfInventingPraise()
    {
        var doc = OfflineBriefWriter.Feedback(BriefFixtures.VisitFacts with { Highlights = [] }, Zh);

        Assert.Contains("工作亮点", Assert.IsType<BriefParagraph>(Assert.Single(doc.Sections[1].Blocks)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void English_UsesEnglishWordsAndKeepsChineseNames()
    {
        var text = BriefMarkdown.Render(Write("daily", "en"));

        Assert.Contains("Thursday 2 November 2023", text, StringComparison.Ordinal);
        Assert.Contains("9 problem(s) and hazard(s) found: major accident hazards: 1, general hazards: 6, problems: 2.", text, StringComparison.Ordinal);
        Assert.Contains("长沙某化工有限公司", text, StringComparison.Ordinal);
        Assert.Contains("14:30–17:00 covert visit (people and place notified separately)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("二是", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NeverNamesATipsterOrACovertVisitsTarget()
    {
        foreach (var (kind, language) in new[] { ("daily", "zh-CN"), ("daily", "en"), ("feedback", "zh-CN") })
        {
            var text = BriefMarkdown.Render(Write(kind, language));
            Assert.DoesNotContain(BriefFixtures.TipsterPhone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("举报人", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ChineseNumerals()
    {
        Assert.Equal(["一", "九", "十", "十一", "二十", "二十三", "九十九", "一百", "一百零五", "一百一十", "一百二十三", "九百九十九"],
            new[] { 1, 9, 10, 11, 20, 23, 99, 100, 105, 110, 123, 999 }.Select(BriefFormat.Chinese).ToArray());
    }
}
