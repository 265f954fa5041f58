using System.Text.RegularExpressions;
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
public static partial class BriefDocx
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
            AppendSignature(body, signature, chinese: !BriefDocxStyles.IsEnglish(doc.Language));
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
                AppendEach(body, BriefDocxStyles.BodyText, narrative.Paragraphs);
                break;
            case BriefSubheading subheading:
                body.Append(StyledParagraph(BriefDocxStyles.Heading2, subheading.Text));
                break;
            case BriefList list:
                AppendEach(body, BriefDocxStyles.ListItem, list.Items);
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

    /// <summary>A paragraph of the style for each text that has something to show.</summary>
    private static void AppendEach(Body body, string styleId, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            AppendIfAny(body, styleId, text);
        }
    }

    /// <summary>
    /// The list of annexes and the signature (issuer, date), kept on one page with the last lines of the text: a page
    /// never holds the signature alone, nor its date without the issuer (GB/T 9704).
    /// </summary>
    private static void AppendSignature(Body body, BriefSignature signature, bool chinese)
    {
        // The text's last paragraph, when the text ends in one (not a table): read from the end, not found by a walk.
        if (body.LastChild is Paragraph last)
        {
            KeepWithNext(last);
        }

        if (signature.AnnexList.Count > 0)
        {
            body.Append(KeepWithNext(StyledParagraph(BriefDocxStyles.BodyText, null)));
            for (var i = 0; i < signature.AnnexList.Count; i++)
            {
                var lead = chinese ? (i == 0 ? "附件：" : "\u3000\u3000\u3000") : (i == 0 ? "Annexes: " : "\t");
                body.Append(KeepWithNext(StyledParagraph(BriefDocxStyles.BodyText, lead + signature.AnnexList[i])));
            }
        }

        body.Append(KeepWithNext(StyledParagraph(BriefDocxStyles.BodyText, null)));
        body.Append(KeepWithNext(StyledParagraph(BriefDocxStyles.Signature, signature.Issuer)));
        body.Append(StyledParagraph(BriefDocxStyles.Signature, signature.Date));
    }

    private static Paragraph KeepWithNext(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties ??= new ParagraphProperties();
        properties.KeepNext ??= new KeepNext();
        return paragraph;
    }

    /// <summary>A paragraph only when the text has something to show.</summary>
    private static void AppendIfAny(Body body, string styleId, string? text)
    {
        if (!string.IsNullOrWhiteSpace(Clean(text)))
        {
            body.Append(StyledParagraph(styleId, text));
        }
    }

    /// <summary>A paragraph of the body: an English date in it held together (<see cref="HoldDatesTogether"/>).</summary>
    private static Paragraph StyledParagraph(string styleId, string? text) => ParagraphOf(styleId, HoldDatesTogether(text));

    private static Paragraph ParagraphOf(string styleId, string? text)
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

        var widths = BriefTableWidths.Of(source, columns, textWidth);
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
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = BriefTableWidths.CellMargin, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = BriefTableWidths.CellMargin, Type = TableWidthValues.Dxa })),
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
                ParagraphOf(styleId, i < texts.Count ? texts[i] : null)));
        }
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
    private static string Clean(string? text) => XmlText.Clean(text);

    /// <summary>
    /// An English date held together by no-break spaces ("11 December", "8 December 2026"), as a Chinese one is by its
    /// units: a line of the body never ends inside it, and a long issuer moves the masthead's date to the next line
    /// whole. Not in a table's cells: there a date may wrap at its spaces ("11 December / 2026") rather than take its
    /// width from the problems' column.
    /// </summary>
    private static string? HoldDatesTogether(string? text) =>
        text is null ? null : EnglishDate().Replace(text, m => m.Value.Replace(' ', '\u00A0'));

    [GeneratedRegex(@"(?<![\w.])\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)(?![A-Za-z])(?: \d{4}(?!\d))?")]
    private static partial Regex EnglishDate();

    private static string OneLine(string? text) =>
        string.Join(" ", Clean(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
