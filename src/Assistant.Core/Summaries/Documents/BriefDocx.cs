using Assistant.Core.Ledger.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Core.Summaries.Documents;

/// <summary>
/// A <see cref="BriefDocument"/> as a Word document laid out like a Chinese official document (公文, GB/T 9704):
/// A4 with the standard margins, the title centred in 方正小标宋简体, section headings in 黑体, sub-headings in
/// 楷体_GB2312, text in 仿宋_GB2312 at 三号 on a fixed 28 pt line with a two-character first-line indent, the page
/// number centred in the footer as "— 1 —". An English document uses Times New Roman throughout.
/// </summary>
/// <remarks>
/// Everything is formatted through paragraph styles (<see cref="BriefDocxStyles"/>) so that a reader can restyle the
/// document and headings show in Word's navigation pane. Characters XML forbids are removed; a line break inside a
/// text becomes a <c>w:br</c>, a tab a <c>w:tab</c>.
/// </remarks>
public static class BriefDocx
{
    /// <summary>A4 portrait, in twips.</summary>
    internal const int PageWidth = 11906;

    internal const int PageHeight = 16838;

    /// <summary>Margins in twips: 3.7 cm top, 3.5 cm bottom, 2.8 cm left, 2.6 cm right.</summary>
    internal const int MarginTop = 2098;

    internal const int MarginBottom = 1984;

    internal const int MarginLeft = 1587;

    internal const int MarginRight = 1474;

    /// <summary>The value of the creator document property.</summary>
    internal const string Creator = "Inspection Assistant";

    private const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>The portrait text width in twips (where the issuer line's right tab stops).</summary>
    internal const int BodyTextWidth = TextWidth;

    /// <summary>The annexes' landscape pages: 2.5 cm margins all round.</summary>
    private const int LandscapeMargin = 1417;

    private const int LandscapeTextWidth = PageHeight - 2 * LandscapeMargin;

    /// <summary>Column widths follow the widest text of each column, within these bounds (in character widths).</summary>
    private const int NarrowestColumn = 4;

    private const int WidestColumn = 30;

    /// <summary>A half-width character of table text (12 pt) is about 6 pt: 120 twips; a cell's margins take about two more.</summary>
    private const int TwipsPerHalfWidth = 120;

    private const int CellPadding = 2;

    /// <summary>The document as the bytes of a .docx file.</summary>
    public static byte[] Render(BriefDocument doc)
    {
        var chinese = !BriefDocxStyles.IsEnglish(doc.Language);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = BriefDocxStyles.Styles(chinese);
            main.AddNewPart<FontTablePart>().Fonts = BriefDocxStyles.FontTable(chinese);
            main.AddNewPart<DocumentSettingsPart>().Settings = BriefDocxStyles.Settings(chinese);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();

            var body = new Body();
            var footerId = main.GetIdOfPart(footer);
            AppendContent(body, doc, footerId);
            body.Append(PageSetup(footerId, landscape: doc.Annexes.Count > 0));
            main.Document = new Document(body);

            word.PackageProperties.Title = OneLine(doc.Title);
            word.PackageProperties.Language = BriefDocxStyles.LanguageTag(chinese);
            word.PackageProperties.Creator = Creator;
        }

        return stream.ToArray();
    }

    private static void AppendContent(Body body, BriefDocument doc, string footerId)
    {
        AppendIfAny(body, BriefDocxStyles.Sensitivity, doc.Sensitivity);
        if (doc.Masthead is { } masthead)
        {
            body.Append(StyledParagraph(BriefDocxStyles.Masthead, doc.Title));
            AppendIfAny(body, BriefDocxStyles.Issue, masthead.Issue);
            body.Append(StyledParagraph(BriefDocxStyles.IssuerLine, masthead.Issuer + "\t" + masthead.Date));
        }
        else
        {
            body.Append(StyledParagraph(BriefDocxStyles.Title, doc.Title));
            AppendIfAny(body, BriefDocxStyles.Subtitle, doc.Subtitle);
        }

        AppendIfAny(body, BriefDocxStyles.Note, doc.Note);

        foreach (var section in doc.Sections)
        {
            body.Append(StyledParagraph(BriefDocxStyles.Heading1, section.Heading));
            foreach (var block in section.Blocks)
            {
                AppendBlock(body, block, TextWidth);
            }
        }

        if (doc.Signature is { } signature)
        {
            var chinese = !BriefDocxStyles.IsEnglish(doc.Language);
            if (signature.AnnexList.Count > 0)
            {
                body.Append(StyledParagraph(BriefDocxStyles.BodyText, null));
                for (var i = 0; i < signature.AnnexList.Count; i++)
                {
                    var lead = chinese ? (i == 0 ? "附件：" : "\u3000\u3000\u3000") : (i == 0 ? "Annexes: " : "\t");
                    body.Append(StyledParagraph(BriefDocxStyles.BodyText, lead + signature.AnnexList[i]));
                }
            }

            body.Append(StyledParagraph(BriefDocxStyles.BodyText, null));
            body.Append(StyledParagraph(BriefDocxStyles.Signature, signature.Issuer));
            body.Append(StyledParagraph(BriefDocxStyles.Signature, signature.Date));
        }

        for (var i = 0; i < doc.Distribution.Count; i++)
        {
            body.Append(DistributionLine(doc.Distribution[i], first: i == 0, last: i == doc.Distribution.Count - 1));
        }

        if (doc.Annexes.Count == 0)
        {
            return;
        }

        // The body ends its portrait section here; the annexes' tables get landscape pages of their own.
        body.Append(new Paragraph(new ParagraphProperties(SectionProperties(footerId, landscape: false))));
        for (var i = 0; i < doc.Annexes.Count; i++)
        {
            var annex = doc.Annexes[i];
            var label = StyledParagraph(BriefDocxStyles.AnnexLabel, annex.Label);
            if (i > 0)
            {
                label.ParagraphProperties!.Append(new PageBreakBefore());
            }

            body.Append(label);
            body.Append(StyledParagraph(BriefDocxStyles.AnnexTitle, annex.Title));
            AppendBlock(body, annex.Content, LandscapeTextWidth);
        }
    }

    /// <summary>A paragraph of 1 pt: what must follow a table, too small to spill onto a page of its own.</summary>
    private static Paragraph Spacer() =>
        new(new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
            new ParagraphMarkRunProperties(new FontSize { Val = "2" })));

    /// <summary>A line of the distribution (版记): a rule above the first and below the last.</summary>
    private static Paragraph DistributionLine(string text, bool first, bool last)
    {
        var paragraph = StyledParagraph(BriefDocxStyles.Distribution, text);
        var borders = new ParagraphBorders();
        if (first)
        {
            borders.Append(Border(new TopBorder()));
        }

        if (last)
        {
            borders.Append(Border(new BottomBorder()));
        }

        if (borders.HasChildren)
        {
            paragraph.ParagraphProperties!.Append(borders);
        }

        return paragraph;
    }

    private static void AppendBlock(Body body, BriefBlock block, int textWidth)
    {
        switch (block)
        {
            case BriefParagraph paragraph:
                AppendIfAny(body, BriefDocxStyles.BodyText, paragraph.Text);
                break;
            case BriefNarrative narrative:
                foreach (var paragraph in narrative.Paragraphs)
                {
                    AppendIfAny(body, BriefDocxStyles.BodyText, paragraph);
                }

                break;
            case BriefSubheading subheading:
                body.Append(StyledParagraph(BriefDocxStyles.Heading2, subheading.Text));
                break;
            case BriefList list:
                foreach (var item in list.Items)
                {
                    AppendIfAny(body, BriefDocxStyles.ListItem, item);
                }

                break;
            case BriefTable table:
                AppendIfAny(body, BriefDocxStyles.Caption, table.Caption);
                if (BuildTable(table, textWidth) is { } built)
                {
                    body.Append(built);
                    body.Append(Spacer()); // keeps a following table apart and ends the body with a paragraph
                }

                break;
            default:
                throw new ArgumentException("Unknown brief block " + block.GetType().Name, nameof(block));
        }
    }

    /// <summary>A paragraph only when the text has something to show.</summary>
    private static void AppendIfAny(Body body, string styleId, string? text)
    {
        if (!string.IsNullOrWhiteSpace(Clean(text)))
        {
            body.Append(StyledParagraph(styleId, text));
        }
    }

    private static Paragraph StyledParagraph(string styleId, string? text)
    {
        var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = styleId } });
        var run = TextRun(text);
        if (run.HasChildren)
        {
            paragraph.Append(run);
        }

        return paragraph;
    }

    /// <summary>One run holding the cleaned text, with line breaks as <c>w:br</c> and tabs as <c>w:tab</c>.</summary>
    private static Run TextRun(string? text)
    {
        var run = new Run();
        var lines = Clean(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            var pieces = lines[i].Split('\t');
            for (var k = 0; k < pieces.Length; k++)
            {
                if (k > 0)
                {
                    run.Append(new TabChar());
                }

                if (pieces[k].Length > 0)
                {
                    run.Append(new Text(pieces[k]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
        }

        return run;
    }

    /// <summary>A bordered, full-width table whose first row is a header repeated on every page; null without columns.</summary>
    private static Table? BuildTable(BriefTable source, int textWidth)
    {
        var columns = Math.Max(source.Headings.Count, source.Rows.Count == 0 ? 0 : source.Rows.Max(r => r.Count));
        if (columns == 0)
        {
            return null;
        }

        var widths = ColumnWidths(source, columns, textWidth);
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    Border(new TopBorder()),
                    Border(new LeftBorder()),
                    Border(new BottomBorder()),
                    Border(new RightBorder()),
                    Border(new InsideHorizontalBorder()),
                    Border(new InsideVerticalBorder())),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        AppendCells(header, source.Headings, widths, BriefDocxStyles.TableHeading);
        table.Append(header);
        foreach (var cells in source.Rows)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit())); // a row is read whole: never split across pages
            AppendCells(row, cells, widths, BriefDocxStyles.TableText);
            table.Append(row);
        }

        return table;
    }

    private static T Border<T>(T border)
        where T : BorderType
    {
        border.Val = BorderValues.Single;
        border.Size = 4;
        border.Space = 0;
        border.Color = "auto";
        return border;
    }

    private static void AppendCells(TableRow row, IReadOnlyList<string> texts, int[] widths, string styleId)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            row.Append(new TableCell(
                new TableCellProperties(
                    new TableCellWidth { Width = Twips(widths[i]), Type = TableWidthUnitValues.Dxa },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                StyledParagraph(styleId, i < texts.Count ? texts[i] : null)));
        }
    }

    /// <summary>The text width shared out by the widest line of each column, bounded so no column starves.</summary>
    private static int[] ColumnWidths(BriefTable source, int columns, int textWidth)
    {
        var weights = new int[columns];
        var least = new int[columns];
        for (var i = 0; i < columns; i++)
        {
            var texts = source.Rows.Where(r => i < r.Count).Select(r => Clean(r[i])).Prepend(i < source.Headings.Count ? Clean(source.Headings[i]) : "").ToList();
            weights[i] = Math.Clamp(texts.Max(SpreadsheetText.DisplayWidth), NarrowestColumn, WidestColumn);

            // A code, a number or a date must not break inside ("G7-0 / 01"), nor a two-character heading ("序 / 号").
            var unbreakable = texts.Max(LongestUnbreakable);
            var heading = i < source.Headings.Count ? Math.Min(SpreadsheetText.DisplayWidth(Clean(source.Headings[i])), 8) : 0;
            least[i] = (Math.Max(unbreakable, heading) + CellPadding) * TwipsPerHalfWidth;
        }

        var total = weights.Sum();
        var widths = weights.Select((w, i) => Math.Max(least[i], textWidth * w / total)).ToArray();
        var excess = widths.Sum() - textWidth;
        if (excess > 0)
        {
            // Take the excess from the columns above their least width, in proportion to what each has to spare.
            var spare = widths.Select((w, i) => w - least[i]).ToArray();
            var spareTotal = Math.Max(1, spare.Sum());
            widths = [.. widths.Select((w, i) => w - (int)((long)excess * spare[i] / spareTotal))];
        }

        widths[^1] += textWidth - widths.Sum();
        return widths;
    }

    /// <summary>The display width of the longest run of Latin letters, digits and their punctuation (where no line may break).</summary>
    private static int LongestUnbreakable(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c < 0x2E80 && !char.IsWhiteSpace(c) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>"— 1 —" centred, the number a PAGE field.</summary>
    private static Footer PageNumberFooter() =>
        new(new Paragraph(
            new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = BriefDocxStyles.Footer } },
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));

    private static SectionProperties PageSetup(string footerId, bool landscape) => SectionProperties(footerId, landscape);

    /// <summary>A4 with the footer: portrait with the 公文 margins, or landscape (the annexes' tables).</summary>
    private static SectionProperties SectionProperties(string footerId, bool landscape) =>
        new(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            landscape
                ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            landscape
                ? new PageMargin { Top = LandscapeMargin, Bottom = LandscapeMargin, Left = LandscapeMargin, Right = LandscapeMargin, Header = 851, Footer = 850, Gutter = 0 }
                : new PageMargin
                {
                    Top = MarginTop,
                    Bottom = MarginBottom,
                    Left = MarginLeft,
                    Right = MarginRight,
                    Header = 851,
                    Footer = 1304, // the page number sits about 7 mm below the text block
                    Gutter = 0,
                });

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>XML-safe text: forbidden characters removed, CR and CRLF read as LF; null is empty.</summary>
    private static string Clean(string? text) => SpreadsheetText.Clean(text, int.MaxValue);

    private static string OneLine(string? text) =>
        string.Join(" ", Clean(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>
/// The styles, font table and settings of a <see cref="BriefDocx"/> document: one set for Chinese (公文 fonts and
/// sizes, fixed 28 pt lines), one for English (Times New Roman).
/// </summary>
internal static class BriefDocxStyles
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string BodyText = "BodyText";
    public const string ListItem = "ListItem";
    public const string Note = "Note";
    public const string Caption = "Caption";
    public const string TableText = "TableText";
    public const string TableHeading = "TableHeading";
    public const string Footer = "Footer";
    public const string Sensitivity = "Sensitivity";
    public const string Masthead = "Masthead";
    public const string Issue = "Issue";
    public const string IssuerLine = "IssuerLine";
    public const string Signature = "Signature";
    public const string AnnexLabel = "AnnexLabel";
    public const string AnnexTitle = "AnnexTitle";
    public const string Distribution = "Distribution";

    /// <summary>The red of a 简报 masthead and the rule under it.</summary>
    public const string MastheadRed = "C00000";

    /// <summary>The Latin font of both languages, and every font of an English document.</summary>
    public const string LatinFont = "Times New Roman";

    public const string TitleFont = "方正小标宋简体";
    public const string HeadingFont = "黑体";
    public const string SubheadingFont = "楷体_GB2312";
    public const string BodyFont = "仿宋_GB2312";
    public const string PageNumberFont = "宋体";

    /// <summary>One line of 公文 text: exactly 28 pt.</summary>
    public const int ChineseLine = 560;

    /// <summary>Each Chinese font with the font Word substitutes when it is not installed (the Windows standard ones).</summary>
    private static readonly (string Name, string Fallback)[] ChineseFonts =
    [
        (TitleFont, "宋体"), (HeadingFont, "SimHei"), (SubheadingFont, "楷体"), (BodyFont, "仿宋"), (PageNumberFont, "SimSun"),
    ];

    private static readonly StyleSpec[] ChineseStyles =
    [
        new(Normal, "Normal", null, BodyFont, 32) { Align = Both, Line = ChineseLine, Exact = true },
        new(Title, "Title", Normal, TitleFont, 44) { Align = Center, Line = 700, Exact = true, After = 280, Next = BodyText },
        new(Subtitle, "Subtitle", Normal, SubheadingFont, 32) { Align = Center, Line = ChineseLine, Exact = true, After = 280, Next = BodyText },
        new(Heading1, "heading 1", Normal, HeadingFont, 32) { Align = Both, Indent = true, Line = ChineseLine, Exact = true, KeepNext = true, Outline = 0, Next = BodyText },
        new(Heading2, "heading 2", Normal, SubheadingFont, 32) { Align = Both, Indent = true, Line = ChineseLine, Exact = true, KeepNext = true, Outline = 1, Next = BodyText },
        new(BodyText, "Body Text", Normal, BodyFont, 32) { Align = Both, Indent = true, Line = ChineseLine, Exact = true },
        new(ListItem, "List Item", BodyText, BodyFont, 32) { Align = Both, Indent = true, Line = ChineseLine, Exact = true },
        new(Note, "Note", Normal, SubheadingFont, 32) { Align = Both, Indent = true, Line = ChineseLine, Exact = true },
        new(Caption, "caption", Normal, HeadingFont, 32) { Bold = true, Align = Center, Line = ChineseLine, Exact = true, Before = 280, KeepNext = true },
        new(TableText, "Table Text", Normal, BodyFont, 24) { Align = Left, Line = 240 },
        new(TableHeading, "Table Heading", TableText, HeadingFont, 24) { Bold = true, Align = Center, Line = 240 },
        new(Footer, "footer", Normal, PageNumberFont, 28) { Align = Center, Line = 240 },
        new(Sensitivity, "Sensitivity", Normal, HeadingFont, 32) { Align = Left, Line = ChineseLine, Exact = true, After = 280 },
        new(Masthead, "Masthead", Normal, TitleFont, 88) { Align = Center, Line = 360, Before = 240, After = 120, Color = MastheadRed, Next = Issue },
        new(Issue, "Issue", Normal, BodyFont, 32) { Align = Center, Line = ChineseLine, Exact = true, After = 240 },
        new(IssuerLine, "Issuer Line", Normal, BodyFont, 28) { Align = Left, Line = ChineseLine, Exact = true, After = 360, RightTab = true, RuleColor = MastheadRed },
        new(Signature, "Signature", Normal, BodyFont, 32) { Align = Right, Line = ChineseLine, Exact = true, RightIndentChars = 4 },
        new(AnnexLabel, "Annex Label", Normal, HeadingFont, 32) { Align = Left, Line = ChineseLine, Exact = true },
        new(AnnexTitle, "Annex Title", Normal, TitleFont, 36) { Align = Center, Line = 480, After = 240, KeepNext = true },
        new(Distribution, "Distribution", Normal, BodyFont, 28) { Align = Left, Line = ChineseLine, Exact = true, LeftIndentChars = 1 },
    ];

    private static readonly StyleSpec[] EnglishStyles =
    [
        new(Normal, "Normal", null, LatinFont, 24) { Align = Left, Line = 276, After = 120 },
        new(Title, "Title", Normal, LatinFont, 32) { Bold = true, Align = Center, Line = 276, After = 120, Next = BodyText },
        new(Subtitle, "Subtitle", Normal, LatinFont, 24) { Align = Center, Line = 276, After = 240, Next = BodyText },
        new(Heading1, "heading 1", Normal, LatinFont, 28) { Bold = true, Align = Left, Line = 276, Before = 240, After = 120, KeepNext = true, Outline = 0, Next = BodyText },
        new(Heading2, "heading 2", Normal, LatinFont, 24) { Bold = true, Align = Left, Line = 276, Before = 120, After = 60, KeepNext = true, Outline = 1, Next = BodyText },
        new(BodyText, "Body Text", Normal, LatinFont, 24) { Align = Both, Line = 276, After = 120 },
        new(ListItem, "List Item", BodyText, LatinFont, 24) { Align = Both, Line = 276, After = 60 },
        new(Note, "Note", Normal, LatinFont, 24) { Italic = true, Align = Left, Line = 276, After = 120 },
        new(Caption, "caption", Normal, LatinFont, 24) { Bold = true, Align = Left, Line = 276, Before = 120, After = 120, KeepNext = true },
        new(TableText, "Table Text", Normal, LatinFont, 20) { Align = Left, Line = 240 },
        new(TableHeading, "Table Heading", TableText, LatinFont, 20) { Bold = true, Align = Center, Line = 240 },
        new(Footer, "footer", Normal, LatinFont, 20) { Align = Center, Line = 240 },
        new(Sensitivity, "Sensitivity", Normal, LatinFont, 24) { Bold = true, Align = Left, Line = 276, After = 120 },
        new(Masthead, "Masthead", Normal, LatinFont, 48) { Bold = true, Align = Center, Line = 276, After = 120, Color = MastheadRed, Next = Issue },
        new(Issue, "Issue", Normal, LatinFont, 24) { Align = Center, Line = 276, After = 120 },
        new(IssuerLine, "Issuer Line", Normal, LatinFont, 24) { Align = Left, Line = 276, After = 240, RightTab = true, RuleColor = MastheadRed },
        new(Signature, "Signature", Normal, LatinFont, 24) { Align = Right, Line = 276 },
        new(AnnexLabel, "Annex Label", Normal, LatinFont, 24) { Bold = true, Align = Left, Line = 276 },
        new(AnnexTitle, "Annex Title", Normal, LatinFont, 28) { Bold = true, Align = Center, Line = 276, After = 240, KeepNext = true },
        new(Distribution, "Distribution", Normal, LatinFont, 22) { Align = Left, Line = 276 },
    ];

    private static JustificationValues Both => JustificationValues.Both;

    private static JustificationValues Center => JustificationValues.Center;

    private static JustificationValues Left => JustificationValues.Left;

    private static JustificationValues Right => JustificationValues.Right;

    /// <summary>Whether a <see cref="BriefDocument.Language"/> asks for the English layout ("en", "en-US", …).</summary>
    public static bool IsEnglish(string? language) =>
        language is not null && (language.Equals("en", StringComparison.OrdinalIgnoreCase) || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase));

    /// <summary>The language of the text, as Word and the document properties name it.</summary>
    public static string LanguageTag(bool chinese) => chinese ? "zh-CN" : "en-US";

    public static Styles Styles(bool chinese)
    {
        var specs = chinese ? ChineseStyles : EnglishStyles;
        var normal = specs[0];
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle
                {
                    RunFonts = Fonts(normal.EastAsia),
                    FontSize = new FontSize { Val = Number(normal.HalfPoints) },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = Number(normal.HalfPoints) },
                    Languages = new Languages { Val = LanguageTag(chinese), EastAsia = "zh-CN" },
                }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
                {
                    SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0" },
                })));
        styles.Append(specs.Select(Style));
        return styles;
    }

    /// <summary>The fonts the document names, with their script and, for the Chinese ones, the font to use instead.</summary>
    public static Fonts FontTable(bool chinese)
    {
        var fonts = new Fonts(new Font
        {
            Name = LatinFont,
            FontCharSet = new FontCharSet { Val = "00" },
            FontFamily = new FontFamily { Val = FontFamilyValues.Roman },
            Pitch = new Pitch { Val = FontPitchValues.Variable },
        });
        if (chinese)
        {
            fonts.Append(ChineseFonts.Select(f => new Font
            {
                Name = f.Name,
                AltName = new AltName { Val = f.Fallback },
                FontCharSet = new FontCharSet { Val = "86" }, // GB2312
                FontFamily = new FontFamily { Val = FontFamilyValues.Auto },
                Pitch = new Pitch { Val = FontPitchValues.Variable },
            }));
        }

        return fonts;
    }

    /// <summary>Word 2013+ layout (no compatibility mode) and the languages of theme fonts.</summary>
    public static Settings Settings(bool chinese) =>
        new(
            new DefaultTabStop { Val = chinese ? (short)420 : (short)720 },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }),
            new ThemeFontLanguages { Val = LanguageTag(chinese), EastAsia = "zh-CN" });

    private static Style Style(StyleSpec spec)
    {
        var style = new Style
        {
            Type = StyleValues.Paragraph,
            StyleId = spec.Id,
            StyleName = new StyleName { Val = spec.Name },
            PrimaryStyle = new PrimaryStyle(),
            StyleParagraphProperties = new StyleParagraphProperties
            {
                KeepNext = spec.KeepNext ? new KeepNext() : null,
                SpacingBetweenLines = new SpacingBetweenLines
                {
                    Before = Number(spec.Before),
                    After = Number(spec.After),
                    Line = Number(spec.Line),
                    LineRule = spec.Exact ? LineSpacingRuleValues.Exact : LineSpacingRuleValues.Auto,
                },
                Tabs = spec.RightTab ? new Tabs(new TabStop { Val = TabStopValues.Right, Position = BriefDocx.BodyTextWidth }) : null,
                ParagraphBorders = spec.RuleColor is { } rule
                    ? new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 4, Color = rule })
                    : null,
                Indentation = Indentation(spec),
                Justification = new Justification { Val = spec.Align },
                OutlineLevel = spec.Outline is { } level ? new OutlineLevel { Val = level } : null,
            },
            StyleRunProperties = new StyleRunProperties
            {
                RunFonts = Fonts(spec.EastAsia),
                Bold = spec.Bold ? new Bold() : null,
                BoldComplexScript = spec.Bold ? new BoldComplexScript() : null,
                Italic = spec.Italic ? new Italic() : null,
                ItalicComplexScript = spec.Italic ? new ItalicComplexScript() : null,
                Color = spec.Color is { } color ? new Color { Val = color } : null,
                FontSize = new FontSize { Val = Number(spec.HalfPoints) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = Number(spec.HalfPoints) },
            },
        };
        if (spec.Id == Normal)
        {
            style.Default = true;
        }

        if (spec.BasedOn is { } basedOn)
        {
            style.BasedOn = new BasedOn { Val = basedOn };
        }

        if (spec.Next is { } next)
        {
            style.NextParagraphStyle = new NextParagraphStyle { Val = next };
        }

        return style;
    }

    /// <summary>A two-character first-line indent, or a right or left indent of whole characters (one character: the font's size).</summary>
    private static Indentation? Indentation(StyleSpec spec)
    {
        var character = spec.HalfPoints * 10;
        if (spec.Indent)
        {
            return new Indentation { FirstLineChars = 200, FirstLine = Number(2 * character) };
        }

        if (spec.RightIndentChars > 0)
        {
            return new Indentation { Right = Number(spec.RightIndentChars * character) };
        }

        if (spec.LeftIndentChars > 0)
        {
            return new Indentation { Left = Number(spec.LeftIndentChars * character) };
        }

        return null;
    }

    private static RunFonts Fonts(string eastAsia) =>
        new() { Ascii = LatinFont, HighAnsi = LatinFont, ComplexScript = LatinFont, EastAsia = eastAsia };

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A paragraph style: fonts and size (half-points), alignment, line spacing (twips, exact or in 240ths of a line),
    /// space before and after (twips), a two-character first-line indent, and the outline level of headings.
    /// </summary>
    private sealed record StyleSpec(string Id, string Name, string? BasedOn, string EastAsia, int HalfPoints)
    {
        public bool Bold { get; init; }

        public bool Italic { get; init; }

        public JustificationValues Align { get; init; } = JustificationValues.Left;

        public bool Indent { get; init; }

        public int Line { get; init; } = 240;

        public bool Exact { get; init; }

        public int Before { get; init; }

        public int After { get; init; }

        public bool KeepNext { get; init; }

        public int? Outline { get; init; }

        public string? Next { get; init; }

        /// <summary>The text's colour (hex RGB), e.g. the red of a masthead.</summary>
        public string? Color { get; init; }

        /// <summary>A right-aligned tab stop at the text's right edge (the issuer left, the date right).</summary>
        public bool RightTab { get; init; }

        /// <summary>A rule under the paragraph in this colour.</summary>
        public string? RuleColor { get; init; }

        public int RightIndentChars { get; init; }

        public int LeftIndentChars { get; init; }
    }
}
