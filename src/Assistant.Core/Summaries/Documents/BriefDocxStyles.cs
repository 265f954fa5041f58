using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Core.Summaries.Documents;

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
