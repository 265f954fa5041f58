using System.Text;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Localization;
using Assistant.Core.Messaging;
using Assistant.Core.Notes;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Documents;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Summaries;

/// <summary>
/// What the QA trial with the demo team found in the documents a secretary sends as they are: a tip left half-done,
/// two extensions on one day, one sector with two names, aspect counts that disagree with their lists, and the
/// cosmetics (emoji, a doubled verb, English numbering and grammar, Chinese notes in the English brief).
/// </summary>
public sealed class QaTrialBriefTests
{
    private static readonly Texts Zh = TextCatalog.Default.Chinese;
    private static readonly Texts En = TextCatalog.Default.English;

    private static string SectionText(BriefSection section) => string.Join("\n", section.Blocks.SelectMany(b => b switch
    {
        BriefParagraph p => [p.Text],
        BriefList l => l.Items,
        BriefSubheading s => [s.Text],
        BriefNarrative n => n.Paragraphs,
        _ => Array.Empty<string>(),
    }));

    /// <summary>The record state /cancel leaves after [举报线索] → [电话] → a refused text: a tip note, no channel, subject or handling saved.</summary>
    private static readonly TipFact HalfDoneTip = new(43, null, null, null);

    [Fact]
    public void Daily_TipLeftHalfDone_IsCountedButNotListed_NoPlaceholder_AndTheLeaderIsToldOutsideTheDocument()
    {
        var facts = BriefFixtures.DayFacts with
        {
            Tips = [.. BriefFixtures.DayFacts.Tips, HalfDoneTip],
            Counts = BriefFixtures.DayFacts.Counts with { Tips = 3 },
        };

        var zh = OfflineBriefWriter.Daily(facts, Zh);
        var en = OfflineBriefWriter.Daily(facts, En);

        var tips = SectionText(zh.Sections[3]);
        Assert.StartsWith("受理举报3件，已登记处理情况2件（电话1件、邮箱1件）：", tips, StringComparison.Ordinal);
        Assert.DoesNotContain("待登记", OfflineWriterTests.AllText(zh), StringComparison.Ordinal);
        Assert.DoesNotContain("其他", tips, StringComparison.Ordinal);
        Assert.Equal(2, zh.Sections[3].Blocks.OfType<BriefList>().Single().Items.Count);
        Assert.DoesNotContain("not recorded", OfflineWriterTests.AllText(en), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(zh.Hints, h => h.Contains("1件举报线索", StringComparison.Ordinal));
        Assert.Contains(en.Hints, h => h.Contains("1 tip", StringComparison.Ordinal));
        Assert.DoesNotContain("1件举报线索", Encoding.UTF8.GetString(BriefDocx.Render(zh)), StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_OnlyTipLeftHalfDone_IsOneSentenceWithoutAList()
    {
        var facts = BriefFixtures.DayFacts with { Tips = [HalfDoneTip], Counts = BriefFixtures.DayFacts.Counts with { Tips = 1 } };

        var doc = OfflineBriefWriter.Daily(facts, Zh);

        Assert.Equal("受理举报1件。", Assert.IsType<BriefParagraph>(Assert.Single(doc.Sections[3].Blocks)).Text);
    }

    [Fact]
    public async Task Summary_AfterATipCancelledHalfWay_HasNoPlaceholder_AndTellsTheLeaderInChat()
    {
        using var h = Team(out var team);
        h.Send(Author, "群众电话反映某烟花仓库超量储存");
        h.Press(Author, "举报线索");
        h.Press(Author, "电话");
        h.Send(Author, "举报人张三，电话13912345678");
        Assert.Contains("能识别举报人", h.AllText(Author), StringComparison.Ordinal);
        h.Send(Author, "/cancel");
        Assert.Equal(NoteKind.Tip, Assert.Single(h.Get<NoteStore>().OfTeam(team.Id)).Kind);
        h.Clear();

        h.Send(Leader, "/summary");
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        var text = Html.ToPlainText(h.Messages(Leader).Single(m => m.Purpose == "summary" && m.FileName is null).Html);
        Assert.Contains("四、举报受理情况\n受理举报1件。\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("待登记", text, StringComparison.Ordinal);
        Assert.DoesNotContain("其他1件", text, StringComparison.Ordinal);
        Assert.Contains("1件举报线索", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_TwoExtensionsOnOneDay_FromTheDaysFirstOldDeadlineToTheLastNewOne_AndEachConfirmationSaysWhatChanged()
    {
        using var h = Team(out _);
        var f = FindingFlowTests.Record(h, Author);
        Assign(h, f, "11-20");
        Extend(h, f, "2023-12-31");
        Assert.Contains($"✅ {f.Code}：整改期限2023年11月20日 → 2023年12月31日", h.AllText(Liaison), StringComparison.Ordinal);
        Extend(h, f, "2024-01-20");
        Assert.Contains($"✅ {f.Code}：整改期限2023年12月31日 → 2024年1月20日", h.AllText(Liaison), StringComparison.Ordinal);
        Assert.DoesNotContain("已指派 → 已指派", h.AllText(Liaison), StringComparison.Ordinal);
        h.Clear();

        h.Send(Leader, "/summary");
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        var text = Html.ToPlainText(h.Messages(Leader).Single(m => m.Purpose == "summary" && m.FileName is null).Html);
        Assert.Contains($"延长整改期限1项（{f.Code}，由11月20日延至2024年1月20日）", text, StringComparison.Ordinal);
    }

    private static void Extend(CoreHarness h, Finding f, string to)
    {
        Do(h, Liaison, f, "x");
        h.Send(Liaison, to);
        h.Send(Liaison, "设备到货延迟");
        h.Press(Liaison, "确认");
    }

    private static FindingFact OtherSector => BriefFixtures.Finding(10, Aspect.Responsibilities, Sector.Other, Severity.Problem, "湖南省应急管理厅", "长沙市",
        "综合监管职责交叉，牵头部门不明确") with { SectorOther = "综合监管" };

    [Fact]
    public void Sector_TypedInAsOther_IsOtherEverywhere_WithItsNameInBrackets_InTheReadersLanguage()
    {
        var visit = BriefFixtures.VisitFacts with { Findings = [.. BriefFixtures.VisitFacts.Findings, OtherSector] };
        var day = BriefFixtures.DayFacts with { Findings = [OtherSector] };

        var zhAnnex = OfflineWriterTests.AllText(OfflineBriefWriter.Feedback(visit, Zh));
        var enAnnex = OfflineWriterTests.AllText(OfflineBriefWriter.Feedback(visit, En));
        var zhDay = OfflineWriterTests.AllText(OfflineBriefWriter.Daily(day, Zh));

        Assert.Contains("| 其他（综合监管） |", zhAnnex, StringComparison.Ordinal);
        Assert.Contains("| Other (综合监管) |", enAnnex, StringComparison.Ordinal);
        Assert.DoesNotContain("| 综合监管 |", enAnnex, StringComparison.Ordinal);
        Assert.Contains("按领域：其他1项", zhDay, StringComparison.Ordinal);
        Assert.Equal("其他（综合监管）", SectorNames.Label(Zh, Sector.Other, "综合监管"));
        Assert.Equal("Other (综合监管)", SectorNames.Label(En, Sector.Other, "综合监管"));
        Assert.Equal("Fire", SectorNames.Label(En, Sector.Fire, "综合监管"));
    }

    [Fact]
    public void FindingCard_SectorTypedInAsOther_IsLabelledOtherInTheReadersLanguage()
    {
        var finding = new Finding { Code = "G7-007", Sector = Sector.Other, SectorOther = "综合监管", Unit = "湖南省应急管理厅", City = "长沙市", Description = "职责交叉" };

        Assert.Contains("Other (综合监管)", Html.ToPlainText(FindingCard.Render(En, finding)), StringComparison.Ordinal);
        Assert.Contains("其他（综合监管）", Html.ToPlainText(FindingCard.Render(Zh, finding)), StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_AspectWithAMajorHazardListedAbove_ItsHeadingSaysSo_SoTheCountAgreesWithTheList()
    {
        var zh = OfflineBriefWriter.Daily(BriefFixtures.DayFacts, Zh);
        var en = OfflineBriefWriter.Daily(BriefFixtures.DayFacts, En);

        var headings = zh.Sections[1].Blocks.OfType<BriefSubheading>().Select(s => s.Text).ToList();
        Assert.Equal("（一）安全生产责任落实方面（另有重大事故隐患1项见上）", headings[0]);
        Assert.DoesNotContain("见上", headings[1], StringComparison.Ordinal);
        Assert.Contains("(1) Carrying out safety-production responsibilities (plus 1 major accident hazard above)",
            en.Sections[1].Blocks.OfType<BriefSubheading>().Select(s => s.Text));
    }

    [Fact]
    public void Daily_EmojiStrippedFromNotes_ANoteOfOnlyEmojiIsDropped_InTheDocx()
    {
        var facts = BriefFixtures.DayFacts with
        {
            Notes = [new NoteFact(51, NoteKind.General, "李明", "😀😀😀"), new NoteFact(52, NoteKind.General, "李明", "现场👍检查消防通道畅通")],
        };

        var doc = OfflineBriefWriter.Daily(facts, Zh);
        using var word = WordprocessingDocument.Open(new MemoryStream(BriefDocx.Render(doc)), false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();

        Assert.DoesNotContain(paragraphs, p => p.Contains("😀", StringComparison.Ordinal) || p.Contains("👍", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("现场检查消防通道畅通。", StringComparison.Ordinal));
        Assert.Single(doc.Appendix!.Entries);
    }

    [Fact]
    public void Daily_TipWhoseTextAlreadySaysFanying_IsNotPrefixedWithIt()
    {
        var facts = BriefFixtures.DayFacts with
        {
            Tips = [new TipFact(44, TipChannel.Phone, "举报群众反映某烟花仓库超量储存", "转交长沙市核查"), BriefFixtures.DayFacts.Tips[1]],
        };

        var text = SectionText(OfflineBriefWriter.Daily(facts, Zh).Sections[3]);

        Assert.Contains("1.举报群众反映某烟花仓库超量储存；处理情况：转交长沙市核查。", text, StringComparison.Ordinal);
        Assert.Contains("2.反映株洲市某企业违规储存烟花爆竹；", text, StringComparison.Ordinal);
    }

    [Fact]
    public void English_ItemsUnderANumberedGroupAreLettered_AndOneMajorHazardIsSingular()
    {
        var daily = OfflineBriefWriter.Daily(BriefFixtures.DayFacts, En);
        var feedback = OfflineWriterTests.AllText(OfflineBriefWriter.Feedback(BriefFixtures.VisitFacts, En));

        var items = daily.Sections[1].Blocks.OfType<BriefList>().SelectMany(l => l.Items).ToList();
        Assert.All(items, i => Assert.Matches(@"^\([a-z]\) ", i));
        Assert.Contains("1 of them a major accident hazard.", feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("1 of them major accident hazards", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void English_OtherNotes_ChineseNotesKeepTheirOwnPunctuation()
    {
        var facts = BriefFixtures.DayFacts with
        {
            Notes = [new NoteFact(51, NoteKind.General, "李明", "现场检查发现消防通道堵塞"), new NoteFact(52, NoteKind.General, "张伟", "企业负责人未到场")],
        };

        var text = SectionText(OfflineBriefWriter.Daily(facts, En).Sections[0]);

        Assert.Contains("Other notes: 现场检查发现消防通道堵塞。企业负责人未到场。", text, StringComparison.Ordinal);
    }
}
