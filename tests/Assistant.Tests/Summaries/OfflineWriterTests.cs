using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Localization;
using Assistant.Core.Notes;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Documents;
using Assistant.Tests.Support;

namespace Assistant.Tests.Summaries;

/// <summary>
/// The offline writer on a fixed day and a fixed visit, against golden files in both languages
/// (tests/Assistant.Tests/Summaries/Golden; regenerate with UPDATE_GOLDEN=1 and read the diff), and the rules of the
/// form a secretary checks first.
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

    /// <summary>Every text of a document, in reading order, one per line.</summary>
    internal static string AllText(BriefDocument doc) => BriefMarkdown.Render(doc).Replace("\\", "", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Text_MatchesTheGoldenFile(string kind, string language) =>
        Golden.AssertMatches($"{kind}.{language}.md", BriefMarkdown.Render(Write(kind, language)));

    [Fact]
    public void Daily_SectionsInTheStandardOrder_UnderAMastheadWithIssueTeamAndDate()
    {
        var doc = Write("daily", "zh-CN");

        Assert.Equal(["一、当日工作情况", "二、发现问题隐患情况", "三、立查立改与移交情况", "四、举报受理情况", "五、次日工作安排"], doc.Sections.Select(s => s.Heading).ToArray());
        Assert.Equal("工作日报", doc.Title);
        Assert.Equal(new BriefMasthead("第2期", "国务院安全生产和消防工作考核巡查第七组", "2023年11月2日"), doc.Masthead);
        Assert.Equal(["报送：国务院安委会办公室"], doc.Distribution);
        Assert.Equal("内部资料　注意保存", doc.Sensitivity);
    }

    [Fact]
    public void Daily_DistributionFromTheTeamsSettings_NoSensitivityLineWithoutCovertDetails()
    {
        var facts = BriefFixtures.DayFacts with
        {
            Findings = [.. BriefFixtures.Findings.Where(f => !f.Covert)],
            Today = [.. BriefFixtures.DayFacts.Today.Where(i => !i.Covert)],
            Tomorrow = [.. BriefFixtures.DayFacts.Tomorrow.Where(i => !i.Covert)],
            Settings = BriefFixtures.DayFacts.Settings with { SubmitTo = "国务院安委会办公室、应急管理部", CopyTo = "湖南省人民政府办公厅" },
        };

        var doc = OfflineBriefWriter.Daily(facts, Zh);

        Assert.Null(doc.Sensitivity);
        Assert.Equal(["报送：国务院安委会办公室、应急管理部", "抄送：湖南省人民政府办公厅"], doc.Distribution);
    }

    [Fact]
    public void Daily_CountsSeveritiesSectorsAndFullAspectNames()
    {
        var text = AllText(Write("daily", "zh-CN"));

        Assert.Contains("听取汇报2场；调阅材料46份；个别谈话8人；走访问询部门和企业5家；实地检查生产经营单位6家，其中明查4家、暗访2家；受理举报2件", text, StringComparison.Ordinal);
        Assert.Contains("共发现问题隐患9项，其中重大事故隐患1项、一般隐患6项、问题2项。", text, StringComparison.Ordinal);
        Assert.Contains("按领域：危险化学品3项、城镇燃气2项、人员密集场所2项、消防1项、其他1项。", text, StringComparison.Ordinal);
        Assert.Contains("按方面：安全生产责任落实方面3项、重大事故隐患专项排查整治2023行动和全国城镇燃气安全专项整治等重大专项行动组织实施方面3项、基层末梢抓工作落实方面3项。", text, StringComparison.Ordinal);
        Assert.All(BriefFixtures.Findings, f => Assert.Contains(f.Code, text, StringComparison.Ordinal));
    }

    [Fact]
    public void AspectHeadings_AreTheWorkProgrammesFullNames_TheCampaignYearFromTheVisit()
    {
        var year2026 = BriefFixtures.DayFacts with
        {
            Team = BriefFixtures.Team with { VisitFrom = new DateOnly(2026, 5, 1), VisitTo = new DateOnly(2026, 5, 10) },
            Findings = [.. Enum.GetValues<Aspect>().Select((a, i) => BriefFixtures.Finding(i + 1, a, Sector.Fire, Severity.Problem, "某单位" + i, "长沙市", "问题" + i))],
        };

        var headings = OfflineBriefWriter.Daily(year2026, Zh).Sections[1].Blocks.OfType<BriefSubheading>().Select(h => h.Text).ToArray();

        Assert.Equal(
            [
                "（一）习近平总书记重要指示批示精神和党中央国务院决策部署学习贯彻方面",
                "（二）安全生产责任落实方面",
                "（三）重大事故隐患专项排查整治2026行动和全国城镇燃气安全专项整治等重大专项行动组织实施方面",
                "（四）基层末梢抓工作落实方面",
            ],
            headings);
    }

    [Fact]
    public void Daily_MajorHazardApart_GroupsOfTwoOrMoreAsYiShiErShi_ASingleItemAsOneSentence()
    {
        var facts = BriefFixtures.DayFacts with
        {
            Findings = [.. BriefFixtures.Findings.Where(f => f.Code != "G7-006")], // 安全生产责任落实 keeps one problem
        };
        var problems = OfflineBriefWriter.Daily(facts, Zh).Sections[1].Blocks;

        Assert.Equal("重大事故隐患1项：", Assert.IsType<BriefParagraph>(problems[1]).Text);
        Assert.Equal("长沙某化工有限公司（长沙市望城区）：甲类仓库与办公楼防火间距不足（G7-004）。依据：《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》第十条。整改期限：11月16日。",
            Assert.IsType<BriefParagraph>(problems[2]).Text);
        var single = problems.SkipWhile(b => b is not BriefSubheading { Text: "（一）安全生产责任落实方面（另有重大事故隐患1项见上）" }).ElementAt(1);
        Assert.Equal("湖南省住房和城乡建设厅（长沙市）：省级部门安全监管职责清单未明确瓶装燃气供应环节的监管责任（G7-001）。", Assert.IsType<BriefParagraph>(single).Text);
        var group = Assert.IsType<BriefList>(problems.SkipWhile(b => b is not BriefSubheading { Text: "（三）基层末梢抓工作落实方面" }).ElementAt(1)).Items;
        Assert.Equal(["一是", "二是", "三是"], group.Select(i => i[..2]).ToArray());
        Assert.EndsWith("（G7-003）；", group[0], StringComparison.Ordinal);
        Assert.EndsWith("（G7-008）。", group[2], StringComparison.Ordinal);
        Assert.DoesNotContain("一是", AllText(OfflineBriefWriter.Daily(facts with { Findings = [facts.Findings[0]] }, Zh)), StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_CovertFindingsMarked_ClosedOnesMarkedRectified()
    {
        var closed = BriefFixtures.Findings[1] with { Status = RectificationStatus.Closed };
        var facts = BriefFixtures.DayFacts with { Findings = [.. BriefFixtures.Findings.Select(f => f.Code == closed.Code ? closed : f)] };

        var text = AllText(OfflineBriefWriter.Daily(facts, Zh));

        Assert.Contains("株洲某液化气站（株洲市荷塘区站内充装间，暗访）：钢瓶充装前未逐瓶检查，充装记录不全（G7-005）", text, StringComparison.Ordinal);
        Assert.Contains("3处隐患未录入（G7-002，已整改销号）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_FollowUp_ReportsTheDaysClosuresAndExtensions()
    {
        var earlier = BriefFixtures.Finding(1, Aspect.Campaigns, Sector.Fire, Severity.GeneralHazard, "某商场", "长沙市", "喷淋系统故障") with { Day = BriefFixtures.Day.AddDays(-1) };
        var facts = BriefFixtures.DayFacts with
        {
            Closed = [BriefFixtures.Findings[2] with { Status = RectificationStatus.Closed }],
            Extended = [new ExtensionFact(earlier, new DateOnly(2023, 11, 5), new DateOnly(2023, 11, 20))],
        };

        var followUp = Assert.IsType<BriefParagraph>(Assert.Single(OfflineBriefWriter.Daily(facts, Zh).Sections[2].Blocks)).Text;

        Assert.Equal("现场督促整改2项（G7-003、G7-007）；明确整改期限6项，最早期限为11月9日；移交属地核查1项（G7-009，移交株洲市人民政府）；当日整改销号1项（G7-003）；延长整改期限1项（G7-001，由11月5日延至11月20日）。", followUp);
    }

    [Fact]
    public void Daily_NotesSummarisedByKind_NoAuthors_QuotesNormalised_LongNoteCutWithTheFullTextInTheAppendix()
    {
        var longNote = "座谈中，市应急局负责同志介绍了“一件事“一次办”改革”推进情况。" + string.Concat(Enumerable.Repeat("各区县均成立了专班，逐企业建立隐患台账，每周调度一次进展情况。", 100));
        var facts = BriefFixtures.DayFacts with
        {
            Notes =
            [
                new NoteFact(1, NoteKind.Meeting, "陈静", longNote),
                new NoteFact(2, NoteKind.DocumentReview, "李明", "\"抽查的12份企业安全培训档案中，有5份未见考试记录。\""),
            ],
        };

        var doc = OfflineBriefWriter.Daily(facts, Zh);

        Assert.True(longNote.Length > 3000, longNote.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var narratives = doc.Narratives.ToList();
        Assert.Equal([NarrativeSlot.DayMeetings, NarrativeSlot.DayDocuments], narratives.Select(n => n.Slot).ToArray());
        var meeting = Assert.Single(narratives[0].Paragraphs);
        Assert.StartsWith("听取汇报方面，座谈中，市应急局负责同志介绍了“一件事‘一次办’改革”推进情况。", meeting, StringComparison.Ordinal);
        Assert.True(meeting.Length <= "听取汇报方面，".Length + facts.Settings.ExcerptLength, meeting);
        Assert.EndsWith("。", meeting, StringComparison.Ordinal);
        Assert.Equal("调阅材料方面，抽查的12份企业安全培训档案中，有5份未见考试记录。", Assert.Single(narratives[1].Paragraphs));
        var body = AllText(doc with { Appendix = null });
        Assert.DoesNotContain("陈静", body, StringComparison.Ordinal);
        Assert.DoesNotContain("李明", body, StringComparison.Ordinal);
        Assert.Contains(longNote, Assert.IsType<BriefAppendix>(doc.Appendix).Entries[0], StringComparison.Ordinal);
        Assert.Contains(longNote.Replace("“一次办”", "“一次办”", StringComparison.Ordinal), BriefMarkdown.Render(doc), StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_AModelCanReplaceOneNarrativeSlot_TheRestIsComposedAsBefore()
    {
        var offline = OfflineBriefWriter.Daily(BriefFixtures.DayFacts, Zh);
        var narratives = new OfflineNarratives(150).WriteAll(NarrativePlan.Day(BriefFixtures.DayFacts), Zh).ToDictionary();
        narratives[NarrativeSlot.DayMeetings] = ["从汇报情况看，全省隐患整改率较高。"];

        var doc = BriefKinds.Daily.Write(BriefFixtures.DayFacts, Zh, narratives);

        Assert.Equal("从汇报情况看，全省隐患整改率较高。", Assert.Single(doc.Narratives.First(n => n.Slot == NarrativeSlot.DayMeetings).Paragraphs));
        Assert.Equal(offline.Narratives.Single(n => n.Slot == NarrativeSlot.DayInterviews).Paragraphs, doc.Narratives.Single(n => n.Slot == NarrativeSlot.DayInterviews).Paragraphs);
        Assert.Equal(AllText(offline with { Sections = offline.Sections.Skip(1).ToList() }), AllText(doc with { Sections = doc.Sections.Skip(1).ToList() }));
    }

    [Fact]
    public void ChineseDocuments_HaveNoHalfWidthSpaceNextToAChineseCharacter()
    {
        var spaced = BriefFixtures.DayFacts with
        {
            Findings = [.. BriefFixtures.Findings.Select(f => f with { City = f.City + " ", Place = f.Place is null ? null : " " + f.Place.Replace("区", "区 ", StringComparison.Ordinal) })],
            Notes = [new NoteFact(1, NoteKind.Meeting, "陈静", "省应急管理厅 汇报称 , 今年以来共排查重大事故隐患 1.2万项 (整改率96%)")],
        };

        foreach (var doc in new[] { OfflineBriefWriter.Daily(spaced, Zh), Write("feedback", "zh-CN") })
        {
            var text = BriefHtml.Render(doc);
            var offending = System.Text.RegularExpressions.Regex.Matches(text, @"[\p{IsCJKUnifiedIdeographs}，。：；（）] | [\p{IsCJKUnifiedIdeographs}，。：；（）]");
            Assert.True(offending.Count == 0, string.Join(" | ", offending.Select(m => m.Value)));
        }

        Assert.Contains("听取汇报方面，省应急管理厅汇报称，今年以来共排查重大事故隐患1.2万项（整改率96%）。", AllText(OfflineBriefWriter.Daily(spaced, Zh)), StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_EmptyDay_SaysSoInEverySection()
    {
        var empty = BriefFixtures.DayFacts with { Today = [], Tomorrow = [], Findings = [], Notes = [], Tips = [], Counts = ActivityCounts.Zero };

        var doc = OfflineBriefWriter.Daily(empty, Zh);

        Assert.Equal(
            ["当日未记录检查工作量。", "当日未发现问题隐患。", "当日无立行立改、限期整改或移交事项。", "当日未受理举报。", "2023年11月3日（星期五）暂无行程安排。"],
            doc.Sections.Select(s => Assert.IsType<BriefParagraph>(Assert.Single(s.Blocks)).Text).ToArray());
        Assert.Null(doc.Appendix);
    }

    [Fact]
    public void Daily_Tips_ChannelSubjectAndHandlingOnly_OneTipIsOneSentence()
    {
        var many = OfflineBriefWriter.Daily(BriefFixtures.DayFacts with { Counts = BriefFixtures.DayFacts.Counts with { Tips = 3 } }, Zh);
        var one = OfflineBriefWriter.Daily(BriefFixtures.DayFacts with { Tips = [BriefFixtures.DayFacts.Tips[0]], Counts = BriefFixtures.DayFacts.Counts with { Tips = 1 } }, Zh);

        Assert.Equal("受理举报3件，已登记处理情况2件（电话1件、邮箱1件）：", Assert.IsType<BriefParagraph>(many.Sections[3].Blocks[0]).Text);
        Assert.Equal("受理举报1件（电话1件）：反映长沙市某液化气站违规向无资质人员销售钢瓶；处理情况：转交长沙市核查，11月8日前反馈。",
            Assert.IsType<BriefParagraph>(Assert.Single(one.Sections[3].Blocks)).Text);
    }

    [Fact]
    public void Daily_OneTipAndOneItemTomorrow_RunOnAfterTheColon_ASpaceInEnglishOnly()
    {
        var facts = BriefFixtures.DayFacts with
        {
            Tips = [BriefFixtures.DayFacts.Tips[0]],
            Counts = BriefFixtures.DayFacts.Counts with { Tips = 1 },
            Tomorrow = [BriefFixtures.DayFacts.Tomorrow[0]],
        };

        var english = OfflineBriefWriter.Daily(facts, TextCatalog.Default.English);
        var chinese = OfflineBriefWriter.Daily(facts, Zh);

        string Paragraph(BriefDocument doc, int section) => Assert.IsType<BriefParagraph>(Assert.Single(doc.Sections[section].Blocks)).Text;
        Assert.Contains("(1 by phone): Reports ", Paragraph(english, 3), StringComparison.Ordinal);
        Assert.Matches(@"^Friday 3 November 2023: \S", Paragraph(english, 4));
        Assert.Contains("（电话1件）：反映", Paragraph(chinese, 3), StringComparison.Ordinal);
        Assert.Matches(@"^2023年11月3日（星期五）：\S", Paragraph(chinese, 4));
    }

    [Fact]
    public void Feedback_FourSections_SignatureThenAnnexesWithSeveritySectorAndRectification()
    {
        var doc = Write("feedback", "zh-CN");

        Assert.Equal(["一、基本情况", "二、总体评价", "三、存在的主要问题", "四、整改要求"], doc.Sections.Select(s => s.Heading).ToArray());
        Assert.Equal("关于湖南省安全生产和消防工作考核巡查情况的反馈意见", doc.Title);
        var basic = Assert.IsType<BriefParagraph>(Assert.Single(doc.Sections[0].Blocks)).Text;
        Assert.StartsWith("2023年11月1日至11月10日，国务院安全生产和消防工作考核巡查第七组对湖南省安全生产和消防工作开展了考核巡查。", basic, StringComparison.Ordinal);
        Assert.Contains("延伸检查了湘潭市、株洲市。", basic, StringComparison.Ordinal);
        Assert.Equal(["1.问题隐患清单", "2.移交问题线索清单"], doc.Signature!.AnnexList);
        Assert.Equal(("国务院安全生产和消防工作考核巡查第七组", "2023年11月10日"), (doc.Signature.Issuer, doc.Signature.Date));
        Assert.Equal(["附件1", "附件2"], doc.Annexes.Select(a => a.Label).ToArray());
        var table = Assert.IsType<BriefTable>(doc.Annexes[0].Content);
        Assert.Equal(["序号", "编号", "被检查单位（地点）", "领域", "性质", "问题", "依据", "责任单位", "整改期限", "整改情况"], table.Headings.ToArray());
        Assert.Equal(9, table.Rows.Count);
        Assert.Equal(["4", "G7-004", "长沙某化工有限公司（长沙市望城区）", "危险化学品", "重大事故隐患", "甲类仓库与办公楼防火间距不足",
            "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》第十条", "长沙某化工有限公司", "2023年11月16日", "限期整改"], table.Rows[3].ToArray());
        Assert.All(table.Rows.SelectMany(r => r), cell => Assert.False(cell.Length == 0 || cell.EndsWith('。') || cell.EndsWith('；'), cell));
        Assert.Contains("请于2023年12月10日前将整改方案报国务院安委会办公室", Assert.IsType<BriefList>(Assert.Single(doc.Sections[3].Blocks)).Items[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_FindingNumbersOnlyInTheAnnex_UnlessTheSettingAsks()
    {
        var plain = Write("feedback", "zh-CN");
        var numbered = OfflineBriefWriter.Feedback(BriefFixtures.VisitFacts with { Settings = BriefFixtures.VisitFacts.Settings with { FindingNumbersInFeedback = true } }, Zh);

        Assert.DoesNotContain("G7-", AllText(plain with { Annexes = [] }), StringComparison.Ordinal);
        Assert.Contains("G7-001", AllText(plain), StringComparison.Ordinal);
        Assert.All(BriefFixtures.Findings, f => Assert.Contains(f.Code, AllText(numbered with { Annexes = [] }), StringComparison.Ordinal));
    }

    [Fact]
    public void Feedback_ClosedItemsMarkedRectifiedInTheProblemsAndTheAnnex()
    {
        var facts = BriefFixtures.VisitFacts with
        {
            Findings = [.. BriefFixtures.Findings.Select(f => f.Code == "G7-006" ? f with { Status = RectificationStatus.Closed } : f)],
        };

        var doc = OfflineBriefWriter.Feedback(facts, Zh);

        Assert.Contains("长沙某酒店（长沙市开福区）：消防控制室值班人员未持证上岗（已整改销号）", AllText(doc with { Annexes = [] }), StringComparison.Ordinal);
        Assert.Equal("已整改销号", Assert.IsType<BriefTable>(doc.Annexes[0].Content).Rows[5][^1]);
    }

    [Fact]
    public void Feedback_AnOpenItemPastItsDeadlineOnTheDocumentsDate_IsMarkedOverdueInTheAnnex_NotToBeRectifiedByTheDeadline()
    {
        var written = BriefFixtures.VisitFacts.Written;
        FindingFact Due(FindingFact f, DateOnly deadline, RectificationStatus status) => f with { Deadline = deadline, FixedOnSpot = false, Status = status };
        var facts = BriefFixtures.VisitFacts with
        {
            Findings =
            [
                Due(BriefFixtures.Findings[0], written.AddDays(-1), RectificationStatus.Assigned),
                Due(BriefFixtures.Findings[1], written, RectificationStatus.InProgress),
                Due(BriefFixtures.Findings[2], written.AddDays(-3), RectificationStatus.Rectified),
                Due(BriefFixtures.Findings[3], written.AddDays(-3), RectificationStatus.Closed),
                Due(BriefFixtures.Findings[4], written.AddDays(-3), RectificationStatus.Open) with { FixedOnSpot = true },
            ],
        };

        string[] Column(Language language) =>
            [.. Assert.IsType<BriefTable>(OfflineBriefWriter.Feedback(facts, TextCatalog.Default.For(language)).Annexes[0].Content).Rows.Select(r => r[^1])];

        Assert.Equal(["已逾期", "限期整改", "已整改待验收", "已整改销号", "已逾期"], Column(Language.Chinese));
        Assert.Equal(["overdue", "to be rectified by the deadline", "rectified, awaiting verification", "rectified and closed", "overdue"],
            Column(Language.English));
    }

    [Fact]
    public void Feedback_AfterVisitFindings_InAPartOfTheirOwn_NeverMixedIn()
    {
        var late = BriefFixtures.Finding(10, Aspect.Grassroots, Sector.Fire, Severity.MajorHazard, "株洲某商场", "株洲市", "自动喷水灭火系统瘫痪") with { Day = new DateOnly(2023, 11, 20) };
        var facts = BriefFixtures.VisitFacts with { AfterVisit = [late] };

        var doc = OfflineBriefWriter.Feedback(facts, Zh);

        var basic = Assert.IsType<BriefParagraph>(doc.Sections[0].Blocks[0]).Text;
        Assert.Contains("考核巡查期间共发现问题隐患9项，其中重大事故隐患1项。考核巡查结束后跟踪发现问题隐患1项，其中重大事故隐患1项，单独列出。", basic, StringComparison.Ordinal);
        var problems = doc.Sections[2].Blocks;
        Assert.Equal("（五）考核巡查结束后发现的问题", problems.OfType<BriefSubheading>().Last().Text);
        Assert.Equal("（重大事故隐患）株洲某商场（株洲市）：自动喷水灭火系统瘫痪。", Assert.IsType<BriefParagraph>(problems[^1]).Text);
        Assert.DoesNotContain("株洲某商场", AllText(doc with { Sections = doc.Sections.Take(2).ToList(), Annexes = [doc.Annexes[0]] }), StringComparison.Ordinal);
        Assert.Equal(["问题隐患清单", "考核巡查结束后发现的问题隐患清单", "移交问题线索清单"], doc.Annexes.Select(a => a.Title).ToArray());
        Assert.Single(Assert.IsType<BriefTable>(doc.Annexes[1].Content).Rows);
    }

    [Fact]
    public void Feedback_Assessment_OpensWithASentenceOfItsOwn_NoHighlightsLeavesAHintOutsideTheDocument()
    {
        var with = Write("feedback", "zh-CN");
        var without = OfflineBriefWriter.Feedback(BriefFixtures.VisitFacts with { Highlights = [] }, Zh);

        Assert.Equal([NarrativeSlot.FeedbackOpening, NarrativeSlot.FeedbackHighlights], with.Narratives.Select(n => n.Slot).ToArray());
        Assert.StartsWith("考核巡查组认为，湖南省", with.Narratives.First().Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("主要做法有：一是省委省政府", with.Narratives.Last().Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal([NarrativeSlot.FeedbackOpening], without.Narratives.Select(n => n.Slot).ToArray());
        Assert.Contains("工作亮点", Assert.Single(without.Hints), StringComparison.Ordinal);
        Assert.DoesNotContain("待补充", AllText(without), StringComparison.Ordinal);
        Assert.Contains("工作亮点", BriefHtml.Render(without), StringComparison.Ordinal);
    }

    [Fact]
    public void English_UsesEnglishWordsAndKeepsChineseNames()
    {
        var text = AllText(Write("daily", "en"));

        Assert.Contains("No. 2", text, StringComparison.Ordinal);
        Assert.Contains("— 2 November 2023", text, StringComparison.Ordinal);
        Assert.Contains("9 problems and hazards found: major accident hazards: 1, general hazards: 6, problems: 2.", text, StringComparison.Ordinal);
        Assert.Contains("长沙某化工有限公司 (长沙市望城区)", text, StringComparison.Ordinal);
        Assert.Contains("14:30–17:00 covert visit (people and place notified separately)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("二是", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ChineseNumerals()
    {
        Assert.Equal(["一", "九", "十", "十一", "二十", "二十三", "九十九", "一百", "一百零五", "一百一十", "一百二十三", "九百九十九"],
            new[] { 1, 9, 10, 11, 20, 23, 99, 100, 105, 110, 123, 999 }.Select(BriefFormat.Chinese).ToArray());
    }
}

/// <summary>Golden files under tests/Assistant.Tests/Summaries/Golden: compared, or rewritten with UPDATE_GOLDEN=1.</summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Repository.PathOf("tests", "Assistant.Tests", "Summaries", "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), "Golden file missing: run UPDATE_GOLDEN=1 dotnet test --filter OfflineWriter");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
