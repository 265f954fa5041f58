using Assistant.Core.Summaries.Documents;

namespace Assistant.Tests.Summaries;

/// <summary>
/// The column widths of the briefs' Word tables: what a secretary would otherwise mend by hand before sending (an item
/// number broken as "G7-00 / 1", a deadline as "2026年12月10 / 日", a status as "限期整 / 改").
/// </summary>
public sealed class BriefTableWidthsTests
{
    /// <summary>The feedback's landscape annex: A4 across, 2.5 cm margins (twips).</summary>
    private const int LandscapeTextWidth = 16838 - 2 * 1417;

    private const int TwipsPerHalfWidth = 120;

    private static readonly string[] ProblemListHeadings =
        ["序号", "编号", "被检查单位（地点）", "领域", "性质", "问题", "依据", "责任单位", "整改期限", "整改情况"];

    private static BriefTable ProblemList(params string[][] rows) => new("问题隐患清单", ProblemListHeadings, rows);

    private static readonly string[][] Rows =
    [
        ["1", "G7-001", "湖南省住房和城乡建设厅（长沙市）", "城镇燃气", "问题", "省级部门安全监管职责清单未明确瓶装燃气供应环节的监管责任", "—", "湖南省住房和城乡建设厅", "2027年1月5日", "限期整改"],
        ["2", "G7-002", "长沙某化工有限公司（长沙市望城区）", "危险化学品", "重大事故隐患", "甲类仓库与办公楼防火间距不足，约8米，规范要求不少于30米", "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》第十条", "长沙某化工有限公司", "2026年12月10日", "限期整改"],
        ["3", "G7-003", "长沙某商场（长沙市芙蓉区）", "人员密集场所", "一般隐患", "疏散通道堆放货物，安全出口指示标志损坏", "—", "长沙某商场", "2026年12月7日", "已整改销号"],
        ["6", "G7-006", "长沙市人民政府", "消防", "问题", "市政府常务会议研究安全生产工作的会议纪要未明确重点任务的责任单位和完成时限", "—", "长沙市人民政府办公厅", "2026年12月20日", "已整改待验收"],
    ];

    [Theory]
    [InlineData("G7-001", 7)]
    [InlineData("2026年12月7日", 16)]
    [InlineData("2026年12月10日", 17)]
    [InlineData("整改期限：2027年1月5日", 15)]
    [InlineData("长沙某商场", 0)]
    [InlineData("年月日", 0)]
    [InlineData("gb 50016-2014", 10)]
    public void LongestUnbreakable_CountsCodesAndDatesWithTheirUnits(string text, int expected) =>
        Assert.Equal(expected, BriefTableWidths.LongestUnbreakable(text));

    [Fact]
    public void ProblemList_CodesDatesAndStatusesStayOnOneLine_AndTheColumnsFillThePage()
    {
        var widths = BriefTableWidths.Of(ProblemList(Rows), ProblemListHeadings.Length, LandscapeTextWidth);

        Assert.Equal(LandscapeTextWidth, widths.Sum());
        // In half widths of 12 pt text (a date's units with the space around them), and two for the cell's margins.
        Assert.True(widths[1] >= (7 + 2) * TwipsPerHalfWidth, $"编号 {widths[1]}: G7-006 on one line (its capital is wide)");
        Assert.True(widths[8] >= (17 + 2) * TwipsPerHalfWidth, $"整改期限 {widths[8]}: 2026年12月20日 on one line");
        Assert.All([widths[5], widths[6]], w => Assert.True(w >= (12 + 2) * TwipsPerHalfWidth, $"the problem and its basis keep six characters a line: {string.Join(", ", widths)}"));
        Assert.True(widths[5] == widths.Max(), $"the problems, the longest texts, get the widest column: {string.Join(", ", widths)}");
    }

    [Fact]
    public void ColumnOfShortLabels_KeepsEachWhole()
    {
        // Three columns of long texts leave the state column, by its weight alone, less than 限期整改 needs.
        const string longText = "疏散通道堆放货物，安全出口指示标志损坏，消防控制室值班人员无证上岗";
        string[] headings = ["编号", "问题", "依据", "责任单位", "情况"];
        string[][] rows = [["G7-001", longText, longText, longText, "限期整改"], ["G7-002", "防火间距不足", "—", "某公司", "待整改"]];

        var widths = BriefTableWidths.Of(new BriefTable(null, headings, rows), headings.Length, 11906 - 1587 - 1474);

        Assert.True(widths[4] >= (8 + 2) * TwipsPerHalfWidth, $"情况 {widths[4]}: 限期整改 on one line");
    }

    [Fact]
    public void TooManyColumnsForThePage_ShareItOutAndStillFillItExactly()
    {
        var headings = Enumerable.Range(1, 14).Select(i => $"整改期限{i}").ToArray();
        var row = headings.Select(_ => "2026年12月10日 G7-001").ToArray();
        var table = new BriefTable(null, headings, [row]);
        const int portraitTextWidth = 11906 - 1587 - 1474;

        var widths = BriefTableWidths.Of(table, headings.Length, portraitTextWidth);

        Assert.Equal(portraitTextWidth, widths.Sum());
        Assert.All(widths, w => Assert.True(w > 0, $"a column of {w} twips"));
    }
}
