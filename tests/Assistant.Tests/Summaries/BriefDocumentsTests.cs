using System.Text;
using Assistant.Core.Summaries.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Tests.Summaries;

public sealed class BriefDocumentsTests
{
    private static readonly string[] DailyHeadings =
    [
        "一、当日工作情况", "二、发现的主要问题", "三、下步工作建议", "四、需协调解决的事项", "五、次日工作安排",
    ];

    private static readonly string[] AnnexHeadings = ["序号", "被检查单位", "问题", "依据", "责任单位", "整改期限"];

    private static readonly string[][] AnnexRows =
    [
        ["1", "长沙某化工有限公司", "甲类仓库与办公楼防火间距不足, 存在\"重大\"事故隐患", "《建筑设计防火规范》GB 50016-2014（2018年版）第3.5.1条", "长沙经开区应急管理局", "2023-11-30"],
        ["2", "株洲某烟花爆竹厂", "药物混合工房防静电设施失效\n接地电阻超标（实测 4Ω）", "AQ 4128 | 第5.3条", "醴陵市应急管理局", "2023-12-15"],
        ["3", "湘潭某钢铁公司", "煤气柜区域*未设置*可燃气体报警<b>装置</b>", "", "湘潭市应急管理局", "立即整改"],
        ["4", "岳阳某商场", "疏散通道堵塞，'安全出口'标志损坏", "《中华人民共和国消防法》第二十八条", "岳阳市消防救援支队", "2023-11-20"],
    ];

    private static BriefDocument DailyBrief => new(
        "国务院安全生产和消防工作考核巡查第七组工作日报",
        "（2023年11月3日）",
        [
            new BriefSection(DailyHeadings[0],
            [
                new BriefParagraph("11月3日，巡查组分两个小组赴长沙市、株洲市开展明查暗访，共检查企业6家，召开座谈会1次。"),
                new BriefSubheading("（一）安全生产责任落实方面"),
                new BriefList(["一是部分企业主要负责人安全生产第一责任人意识不强。", "二是全员安全生产责任制未层层落实到岗位。"]),
            ]),
            new BriefSection(DailyHeadings[1],
            [
                new BriefParagraph("共发现问题隐患15项，其中重大事故隐患2项。\n已现场移交属地政府督促整改。"),
            ]),
            new BriefSection(DailyHeadings[2],
            [
                new BriefList(["1. 督促企业立即整改重大事故隐患。", "2. 深入开展“打非治违”专项行动。"]),
            ]),
            new BriefSection(DailyHeadings[3], []),
            new BriefSection(DailyHeadings[4], [new BriefParagraph("赴湘潭市开展暗查暗访。")]),
        ],
        "本日报由离线模板生成，请核对后报送。",
        "zh-CN");

    private static BriefDocument Feedback => new(
        "国务院安全生产和消防工作考核巡查第七组\n对湖南省考核巡查情况的反馈意见",
        null,
        [
            new BriefSection("一、基本情况", [new BriefParagraph("11月1日至10日，巡查组对湖南省开展了考核巡查。")]),
            new BriefSection("二、存在的主要问题", [new BriefParagraph("部分地区重大事故隐患排查整治不到位。")]),
            new BriefSection("三、整改要求", [new BriefParagraph("请于30日内报送整改方案。")]),
            new BriefSection("附件", [new BriefTable("问题隐患清单", AnnexHeadings, AnnexRows)]),
        ],
        null,
        "zh-CN");

    private static BriefDocument English => new(
        "Inspection Team 7 — Daily Brief",
        "3 November 2023",
        [
            new BriefSection("1. Work of the day", [new BriefParagraph("The team inspected six companies in Changsha and Zhuzhou.")]),
            new BriefSection("2. Main problems",
            [
                new BriefSubheading("(1) Responsibilities"),
                new BriefList(["1. Fire exits blocked at a shopping mall.", "2. Gas alarms missing."]),
                new BriefTable("Annex: problems", ["No.", "Unit", "Problem"], [["1", "Yueyang mall", "Exit \"A\" blocked"]]),
            ]),
        ],
        "Written by the offline template.",
        "en");

    private static BriefDocument Signed => Feedback with
    {
        Sections = [.. Feedback.Sections.Take(3)],
        Signature = new BriefSignature(["1. 问题隐患清单", "2. 移交线索清单"], "国务院安全生产和消防工作考核巡查第七组", "2023年11月10日"),
    };

    // ---------------------------------------------------------------- Word: structure and validity

    [Theory]
    [InlineData("daily")]
    [InlineData("feedback")]
    [InlineData("english")]
    [InlineData("signed")]
    public void Docx_EveryDocument_OpensAndPassesOpenXmlValidation(string which)
    {
        var doc = which switch { "daily" => DailyBrief, "feedback" => Feedback, "signed" => Signed, _ => English };
        using var stream = new MemoryStream(BriefDocx.Render(doc));
        using var word = WordprocessingDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.NotNull(word.MainDocumentPart!.StyleDefinitionsPart);
    }

    [Fact]
    public void Docx_DailyBrief_HeadingsInOrderWithHeadingStyles()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(DailyBrief));

        var headings = word.Paragraphs
            .Where(p => word.StyleOf(p) is "Heading1" or "Heading2")
            .Select(p => (word.StyleOf(p), WordReadBack.Text(p)))
            .ToList();

        Assert.Equal(
            [
                ("Heading1", "一、当日工作情况"), ("Heading2", "（一）安全生产责任落实方面"), ("Heading1", "二、发现的主要问题"),
                ("Heading1", "三、下步工作建议"), ("Heading1", "四、需协调解决的事项"), ("Heading1", "五、次日工作安排"),
            ],
            headings);
    }

    [Fact]
    public void Docx_HeadingStyles_OutlineLevelsAndOfficialFonts()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(DailyBrief));

        var heading1 = word.Style("Heading1");
        Assert.Equal("heading 1", heading1.StyleName!.Val!.Value);
        Assert.Equal(0, heading1.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("黑体", heading1.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", heading1.StyleRunProperties.FontSize!.Val!.Value);

        var heading2 = word.Style("Heading2");
        Assert.Equal(1, heading2.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("楷体_GB2312", heading2.StyleRunProperties!.RunFonts!.EastAsia!.Value);

        foreach (var id in new[] { "Title", "Heading1", "Heading2", "BodyText", "ListItem", "Note" })
        {
            var style = word.Style(id);
            Assert.Equal(StyleValues.Paragraph, style.Type!.Value);
            Assert.Equal("Times New Roman", style.StyleRunProperties!.RunFonts!.Ascii!.Value);
            Assert.Equal("Times New Roman", style.StyleRunProperties.RunFonts.HighAnsi!.Value);
        }
    }

    [Fact]
    public void Docx_Title_FirstParagraphStyledTitleCentredInXiaobiaosong22pt()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(DailyBrief));

        var title = word.Paragraphs[0];
        Assert.Equal("Title", word.StyleOf(title));
        Assert.Equal("国务院安全生产和消防工作考核巡查第七组工作日报", WordReadBack.Text(title));
        var style = word.Style("Title");
        Assert.Equal(JustificationValues.Center, style.StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("方正小标宋简体", style.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("44", style.StyleRunProperties.FontSize!.Val!.Value);

        var subtitle = word.Paragraphs[1];
        Assert.Equal("Subtitle", word.StyleOf(subtitle));
        Assert.Equal("（2023年11月3日）", WordReadBack.Text(subtitle));
        Assert.Equal(JustificationValues.Center, word.Style("Subtitle").StyleParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public void Docx_Note_KaiTiParagraphBeforeTheFirstSection()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(DailyBrief));

        Assert.Equal("Note", word.StyleOf(word.Paragraphs[2]));
        Assert.Equal("本日报由离线模板生成，请核对后报送。", WordReadBack.Text(word.Paragraphs[2]));
        Assert.Equal("Heading1", word.StyleOf(word.Paragraphs[3]));
        Assert.Equal("楷体_GB2312", word.Style("Note").StyleRunProperties!.RunFonts!.EastAsia!.Value);
    }

    [Fact]
    public void Docx_BodyAndListParagraphs_StyledWithIndentAndExactLineSpacing()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(DailyBrief));

        var first = word.Paragraphs.Single(p => WordReadBack.Text(p).StartsWith("11月3日", StringComparison.Ordinal));
        Assert.Equal("BodyText", word.StyleOf(first));
        var broken = word.Paragraphs.Single(p => WordReadBack.Text(p).StartsWith("共发现", StringComparison.Ordinal));
        Assert.Equal("BodyText", word.StyleOf(broken));
        Assert.Equal("共发现问题隐患15项，其中重大事故隐患2项。\n已现场移交属地政府督促整改。", WordReadBack.Text(broken));
        Assert.Single(broken.Descendants<Break>());

        var items = word.Paragraphs.Where(p => word.StyleOf(p) == "ListItem").Select(WordReadBack.Text).ToList();
        Assert.Equal(
            ["一是部分企业主要负责人安全生产第一责任人意识不强。", "二是全员安全生产责任制未层层落实到岗位。", "1. 督促企业立即整改重大事故隐患。", "2. 深入开展“打非治违”专项行动。"],
            items);
        Assert.Empty(word.Body.Descendants<NumberingProperties>());

        var body = word.Style("BodyText");
        Assert.Equal(200, body.StyleParagraphProperties!.Indentation!.FirstLineChars!.Value);
        Assert.Equal("560", body.StyleParagraphProperties.SpacingBetweenLines!.Line!.Value);
        Assert.Equal(LineSpacingRuleValues.Exact, body.StyleParagraphProperties.SpacingBetweenLines.LineRule!.Value);
        Assert.Equal("仿宋_GB2312", body.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", body.StyleRunProperties.FontSize!.Val!.Value);
    }

    [Fact]
    public void Docx_EmptySection_KeepsItsHeadingFollowedByTheNext()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(DailyBrief));

        var index = word.Paragraphs.FindIndex(p => WordReadBack.Text(p) == "四、需协调解决的事项");
        Assert.Equal("五、次日工作安排", WordReadBack.Text(word.Paragraphs[index + 1]));
    }

    // ---------------------------------------------------------------- Word: the annex table

    [Fact]
    public void Docx_AnnexTable_HeaderAndRowsReadBackExactly()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(Feedback));

        var table = Assert.Single(word.Body.Elements<Table>());
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(1 + AnnexRows.Length, rows.Count);
        Assert.Equal(AnnexHeadings, Cells(rows[0]));
        for (var i = 0; i < AnnexRows.Length; i++)
        {
            Assert.Equal(AnnexRows[i], Cells(rows[i + 1]));
        }

        Assert.Equal("药物混合工房防静电设施失效\n接地电阻超标（实测 4Ω）", Cells(rows[2])[2]);
        Assert.Single(rows[2].Elements<TableCell>().ElementAt(2).Descendants<Break>());
        Assert.Equal("煤气柜区域*未设置*可燃气体报警<b>装置</b>", Cells(rows[3])[2]);
    }

    [Fact]
    public void Docx_AnnexTable_HeaderRowRepeatsAndIsBold()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(Feedback));

        var rows = word.Body.Descendants<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));

        var headerStyles = rows[0].Descendants<Paragraph>().Select(word.StyleOf).Distinct();
        Assert.Equal("TableHeading", Assert.Single(headerStyles));
        Assert.NotNull(word.Style("TableHeading").StyleRunProperties!.Bold);
        Assert.Null(word.Style("TableText").StyleRunProperties!.Bold);
        Assert.All(rows[1].Descendants<Paragraph>(), p => Assert.Equal("TableText", word.StyleOf(p)));
    }

    [Fact]
    public void Docx_AnnexTable_FullWidthSingleBordersAndBoldCaptionAbove()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(Feedback));

        var table = word.Body.Elements<Table>().Single();
        var properties = table.GetFirstChild<TableProperties>()!;
        Assert.Equal(TableWidthUnitValues.Pct, properties.TableWidth!.Type!.Value);
        Assert.Equal("5000", properties.TableWidth.Width!.Value);
        var borders = properties.TableBorders!.ChildElements.OfType<BorderType>().ToList();
        Assert.Equal(6, borders.Count);
        Assert.All(borders, b =>
        {
            Assert.Equal(BorderValues.Single, b.Val!.Value);
            Assert.Equal(4U, b.Size!.Value);
        });
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, grid.Count);
        Assert.Equal(11906 - 1587 - 1474, grid.Sum());
        Assert.True(grid[2] > grid[0], "the problem column is wider than the number column");

        var caption = Assert.IsType<Paragraph>(table.PreviousSibling());
        Assert.Equal("Caption", word.StyleOf(caption));
        Assert.Equal("问题隐患清单", WordReadBack.Text(caption));
        Assert.NotNull(word.Style("Caption").StyleRunProperties!.Bold);
    }

    [Fact]
    public void Docx_ControlCharacters_RemovedEverywhereAndStillValid()
    {
        var doc = new BriefDocument(
            "日报\u0007标题",
            "2023年\u000B11月",
            [
                new BriefSection("一、\u0001情况", [new BriefParagraph("防火\u0000间距\uFFFE不足\r\n第二行\u001F")]),
                new BriefSection("附件", [new BriefTable("清\u0008单", ["序号", "问\u0002题"], [["1", "长沙\u001B某\uD800公司\t甲类"]])]),
            ],
            null,
            "zh-CN");
        var bytes = BriefDocx.Render(doc);

        using var word = WordReadBack.Open(bytes);
        var texts = word.Body.Descendants<Paragraph>().Select(WordReadBack.Text).Where(t => t.Length > 0).ToList();
        Assert.Equal(["日报标题", "2023年11月", "一、情况", "防火间距不足\n第二行", "附件", "清单", "序号", "问题", "1", "长沙某公司\t甲类"], texts);
        Assert.Equal("日报标题", word.Document.PackageProperties.Title);
        Assert.Empty(new OpenXmlValidator().Validate(word.Document));
    }

    // ---------------------------------------------------------------- Word: page, footer, properties, English

    [Fact]
    public void Docx_Page_A4WithOfficialDocumentMargins()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(DailyBrief));

        var section = Assert.Single(word.Body.Elements<SectionProperties>());
        Assert.Same(word.Body.LastChild, section);
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906U, 16838U), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal(2098, margin.Top!.Value); // 3.7 cm
        Assert.Equal(1984, margin.Bottom!.Value); // 3.5 cm
        Assert.Equal(1587U, margin.Left!.Value); // 2.8 cm
        Assert.Equal(1474U, margin.Right!.Value); // 2.6 cm
    }

    [Fact]
    public void Docx_Footer_CentredPageFieldBetweenDashes()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(DailyBrief));

        var reference = word.Body.Elements<SectionProperties>().Single().GetFirstChild<FooterReference>()!;
        Assert.Equal(HeaderFooterValues.Default, reference.Type!.Value);
        var footer = ((FooterPart)word.Document.MainDocumentPart!.GetPartById(reference.Id!.Value!)).Footer!;
        Assert.Equal("PAGE", Assert.Single(footer.Descendants<FieldCode>()).Text.Trim());
        Assert.Equal(3, footer.Descendants<FieldChar>().Count()); // begin, separate, end
        Assert.Equal("— 1 —", string.Concat(footer.Descendants<Text>().Select(t => t.Text)));
        var paragraph = footer.Elements<Paragraph>().Single();
        Assert.Equal(JustificationValues.Center, word.Style(word.StyleOf(paragraph)!).StyleParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public void Docx_Properties_TitleCreatorAndLanguage()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(Feedback));

        var properties = word.Document.PackageProperties;
        Assert.Equal("国务院安全生产和消防工作考核巡查第七组 对湖南省考核巡查情况的反馈意见", properties.Title);
        Assert.Equal("Inspection Assistant", properties.Creator);
        Assert.Equal("zh-CN", properties.Language);
        var defaults = word.Styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("zh-CN", defaults.Languages!.Val!.Value);
        Assert.Equal("国务院安全生产和消防工作考核巡查第七组\n对湖南省考核巡查情况的反馈意见", WordReadBack.Text(word.Paragraphs[0]));
    }

    [Fact]
    public void Docx_English_TimesNewRomanEverywhereWithEnglishSizes()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(English));

        var fonts = word.Styles.Descendants<RunFonts>().ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f =>
        {
            Assert.Equal("Times New Roman", f.Ascii!.Value);
            Assert.Equal("Times New Roman", f.HighAnsi!.Value);
            Assert.Equal("Times New Roman", f.EastAsia!.Value);
        });
        Assert.Empty(word.Body.Descendants<RunFonts>()); // nothing overrides the styles

        Assert.Equal(("32", true), SizeAndBold(word.Style("Title")));
        Assert.Equal(("28", true), SizeAndBold(word.Style("Heading1")));
        Assert.Equal(("24", false), SizeAndBold(word.Style("BodyText")));
        Assert.NotNull(word.Style("Note").StyleRunProperties!.Italic);
        Assert.Equal("en-US", word.Document.PackageProperties.Language);
        Assert.Equal("en-US", word.Styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages!.Val!.Value);
        Assert.Equal(["Title", "Subtitle", "Note", "Heading1", "BodyText", "Heading1", "Heading2", "ListItem", "ListItem", "Caption"],
            word.Paragraphs.Take(10).Select(word.StyleOf));
    }

    [Fact]
    public void Docx_EnglishDates_HeldTogetherByNoBreakSpaces()
    {
        var doc = English with
        {
            Masthead = new BriefMasthead("No. 2", "State Council Safety and Fire Assessment Inspection, Team 7 (G7)", "8 December 2026"),
            Sections = [new BriefSection("3. Deadlines", [new BriefParagraph("Given a deadline: 4, the earliest 11 December; 2 units named, 12 Decembers apart.")])],
        };
        using var word = WordReadBack.Open(BriefDocx.Render(doc));

        var issuer = Assert.Single(word.Paragraphs, p => word.StyleOf(p) == BriefDocxStyles.IssuerLine);
        Assert.Equal("State Council Safety and Fire Assessment Inspection, Team 7 (G7)\t8\u00A0December\u00A02026", WordReadBack.Text(issuer));
        Assert.Contains(word.Paragraphs, p => WordReadBack.Text(p) == "Given a deadline: 4, the earliest 11\u00A0December; 2 units named, 12 Decembers apart.");
    }

    [Fact]
    public void Docx_Signature_KeptOnOnePageWithTheLastLinesOfTheText()
    {
        using var word = WordReadBack.Open(BriefDocx.Render(Signed));

        var texts = word.Paragraphs.Select(WordReadBack.Text).ToList();
        var last = texts.IndexOf("请于30日内报送整改方案。");
        var date = texts.IndexOf("2023年11月10日");
        Assert.Equal(["请于30日内报送整改方案。", "", "附件：1. 问题隐患清单", "\u3000\u3000\u30002. 移交线索清单", "", "国务院安全生产和消防工作考核巡查第七组", "2023年11月10日"], texts[last..(date + 1)]);

        // Each keeps with the next, from the text's last paragraph to the issuer: a page break can fall only before them.
        Assert.All(word.Paragraphs.Skip(last).Take(date - last), p => Assert.NotNull(p.ParagraphProperties?.KeepNext));
        Assert.Null(word.Paragraphs[date].ParagraphProperties?.KeepNext);
    }

    [Fact]
    public void Docx_EnglishDatesInATable_MayWrapAtTheirSpaces()
    {
        var doc = English with { Sections = [new BriefSection("Annex", [new BriefTable("Problem list", ["No.", "Deadline"], [["1", "11 December 2026"]])])] };
        using var word = WordReadBack.Open(BriefDocx.Render(doc));

        var cells = word.Body.Descendants<TableCell>().Select(WordReadBack.Text).ToList();
        Assert.Contains("11 December 2026", cells);
    }

    // ---------------------------------------------------------------- Markdown

    [Fact]
    public void Markdown_SmallDocument_ExactOutput()
    {
        var doc = new BriefDocument(
            "第七组 工作日报",
            "2023年11月3日",
            [
                new BriefSection("一、当日工作情况",
                [
                    new BriefParagraph("检查企业6家。"),
                    new BriefSubheading("（一）责任落实方面"),
                    new BriefList(["一是责任不实。", "二是培训不足。"]),
                ]),
                new BriefSection("二、发现的主要问题", [new BriefTable("问题清单", ["序号", "问题"], [["1", "通道堵塞"], ["2", "灭火器过期"]])]),
                new BriefSection("三、需协调事项", []),
            ],
            "离线模板生成",
            "zh-CN");

        const string Expected =
            "# 第七组 工作日报\n\n" +
            "**2023年11月3日**\n\n" +
            "> 离线模板生成\n\n" +
            "## 一、当日工作情况\n\n" +
            "检查企业6家。\n\n" +
            "### （一）责任落实方面\n\n" +
            "一是责任不实。\n\n" +
            "二是培训不足。\n\n" +
            "## 二、发现的主要问题\n\n" +
            "**问题清单**\n\n" +
            "| 序号 | 问题 |\n" +
            "| --- | --- |\n" +
            "| 1 | 通道堵塞 |\n" +
            "| 2 | 灭火器过期 |\n\n" +
            "## 三、需协调事项\n";
        Assert.Equal(Expected, BriefMarkdown.Render(doc));
    }

    [Theory]
    [InlineData("a*b*c", "a\\*b\\*c")]
    [InlineData("snake_case_name", "snake\\_case\\_name")]
    [InlineData("# 不是标题", "\\# 不是标题")]
    [InlineData("甲|乙", "甲\\|乙")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("<b>粗体</b>", "\\<b\\>粗体\\</b\\>")]
    [InlineData("[链接](http://x)", "\\[链接\\](http://x)")]
    [InlineData("> 引用", "\\> 引用")]
    [InlineData("~~删除~~", "\\~\\~删除\\~\\~")]
    [InlineData("C:\\temp", "C:\\\\temp")]
    [InlineData("&amp; $x$", "\\&amp; \\$x\\$")]
    [InlineData("- 不是列表", "\\- 不是列表")]
    [InlineData("+ 不是列表", "\\+ 不是列表")]
    [InlineData("===", "\\===")]
    [InlineData("普通文字，“引号”、（括号）", "普通文字，“引号”、（括号）")]
    public void Markdown_SpecialCharacters_EscapedSoTheyStayText(string text, string expected)
    {
        var markdown = BriefMarkdown.Render(OneParagraph(text));

        Assert.Equal("# 标题\n\n## 一、情况\n\n" + expected + "\n", markdown);
    }

    [Theory]
    [InlineData("1. 督促企业整改。", "1\\. 督促企业整改。")]
    [InlineData("12. 第十二项", "12\\. 第十二项")]
    [InlineData("3) 第三项", "3\\) 第三项")]
    [InlineData("2023. 年份在前", "2023\\. 年份在前")]
    [InlineData("一是加强监管。", "一是加强监管。")]
    [InlineData("第1. 项", "第1. 项")]
    public void Markdown_NumberedListItem_NotTurnedIntoAnOrderedList(string item, string expected)
    {
        var doc = new BriefDocument("标题", null, [new BriefSection("三、建议", [new BriefList([item, "2. 第二项"])])], null, "zh-CN");

        Assert.Equal("# 标题\n\n## 三、建议\n\n" + expected + "\n\n2\\. 第二项\n", BriefMarkdown.Render(doc));
    }

    [Fact]
    public void Markdown_HeadingsAndTitle_EscapedOnOneLine()
    {
        var doc = new BriefDocument("A*B #1\n第二行", "**粗**", [new BriefSection("1. 概况_一", [new BriefSubheading("<i>小标题</i>")])], "`注`", "zh-CN");

        Assert.Equal(
            "# A\\*B \\#1 第二行\n\n**\\*\\*粗\\*\\***\n\n> \\`注\\`\n\n## 1. 概况\\_一\n\n### \\<i\\>小标题\\</i\\>\n",
            BriefMarkdown.Render(doc));
    }

    [Fact]
    public void Markdown_Table_PipesEscapedNewlinesAsBreaksAndShortRowsPadded()
    {
        var doc = new BriefDocument("标题", null, [new BriefSection("附件", [new BriefTable("附件：问题清单", AnnexHeadings, AnnexRows.Append(["5"]).ToArray())])], null, "zh-CN");

        var lines = BriefMarkdown.Render(doc).Split('\n');

        var start = Array.IndexOf(lines, "**附件：问题清单**");
        Assert.Equal("", lines[start + 1]);
        Assert.Equal("| 序号 | 被检查单位 | 问题 | 依据 | 责任单位 | 整改期限 |", lines[start + 2]);
        Assert.Equal("| --- | --- | --- | --- | --- | --- |", lines[start + 3]);
        Assert.Equal("| 1 | 长沙某化工有限公司 | 甲类仓库与办公楼防火间距不足, 存在\"重大\"事故隐患 | 《建筑设计防火规范》GB 50016-2014（2018年版）第3.5.1条 | 长沙经开区应急管理局 | 2023-11-30 |", lines[start + 4]);
        Assert.Equal("| 2 | 株洲某烟花爆竹厂 | 药物混合工房防静电设施失效<br>接地电阻超标（实测 4Ω） | AQ 4128 \\| 第5.3条 | 醴陵市应急管理局 | 2023-12-15 |", lines[start + 5]);
        Assert.Equal("| 3 | 湘潭某钢铁公司 | 煤气柜区域\\*未设置\\*可燃气体报警\\<b\\>装置\\</b\\> |  | 湘潭市应急管理局 | 立即整改 |", lines[start + 6]);
        Assert.Equal("| 5 |  |  |  |  |  |", lines[start + 8]);
        Assert.Equal("", lines[start + 9]);
        Assert.Equal(start + 10, lines.Length); // the table ends the file, followed by the single final newline
    }

    [Fact]
    public void Markdown_LineBreaksAndControlCharacters_LfHardBreaksAndOneFinalNewline()
    {
        var markdown = BriefMarkdown.Render(OneParagraph("第一行\r\n- 第二行\u0001\r\n\r\n  第三行  "));

        Assert.Equal("# 标题\n\n## 一、情况\n\n第一行\\\n\\- 第二行\\\n第三行\n", markdown);
        Assert.DoesNotContain('\r', markdown);
        Assert.EndsWith("\n", markdown, StringComparison.Ordinal);
        Assert.False(markdown.EndsWith("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_EmptySectionsAndBlankBlocks_HeadingsStayNothingElseAdded()
    {
        var doc = new BriefDocument("标题", "  ", [new BriefSection("一、情况", [new BriefParagraph(" "), new BriefList([])]), new BriefSection("二、问题", [])], null, "zh-CN");

        Assert.Equal("# 标题\n\n## 一、情况\n\n## 二、问题\n", BriefMarkdown.Render(doc));
    }

    [Fact]
    public void Markdown_DailyBrief_AllSectionHeadingsInOrder()
    {
        var headings = BriefMarkdown.Render(DailyBrief).Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]);

        Assert.Equal(DailyHeadings, headings);
    }

    // ---------------------------------------------------------------- helpers

    private static BriefDocument OneParagraph(string text) =>
        new("标题", null, [new BriefSection("一、情况", [new BriefParagraph(text)])], null, "zh-CN");

    private static string[] Cells(TableRow row) =>
        row.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(WordReadBack.Text))).ToArray();

    private static (string Size, bool Bold) SizeAndBold(Style style) =>
        (style.StyleRunProperties!.FontSize!.Val!.Value!, style.StyleRunProperties.Bold is not null);

    /// <summary>A .docx read back with the Open XML SDK: its body paragraphs and style lookups.</summary>
    private sealed class WordReadBack : IDisposable
    {
        private readonly MemoryStream _stream;

        private WordReadBack(byte[] bytes)
        {
            _stream = new MemoryStream(bytes);
            Document = WordprocessingDocument.Open(_stream, false);
            Body = Document.MainDocumentPart!.Document!.Body!;
            Styles = Document.MainDocumentPart.StyleDefinitionsPart!.Styles!;
            Paragraphs = Body.Elements<Paragraph>().ToList();
        }

        public WordprocessingDocument Document { get; }

        public Body Body { get; }

        public Styles Styles { get; }

        /// <summary>The paragraphs directly in the body (not those in table cells).</summary>
        public List<Paragraph> Paragraphs { get; }

        public static WordReadBack Open(byte[] bytes) => new(bytes);

        /// <summary>The text as a reader sees it: breaks as LF, tabs as tab characters.</summary>
        public static string Text(OpenXmlElement paragraph)
        {
            var builder = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text text:
                        builder.Append(text.Text);
                        break;
                    case Break:
                        builder.Append('\n');
                        break;
                    case TabChar:
                        builder.Append('\t');
                        break;
                }
            }

            return builder.ToString();
        }

        public string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

        public Style Style(string id) => Styles.Elements<Style>().Single(s => s.StyleId?.Value == id);

        public void Dispose()
        {
            Document.Dispose();
            _stream.Dispose();
        }
    }
}
