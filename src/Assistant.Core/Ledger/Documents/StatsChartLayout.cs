using SkiaSharp;

namespace Assistant.Core.Ledger.Documents;

/// <summary>What a shape on the chart is, so the renderer knows how to draw it and tests know what may touch text.</summary>
internal enum ShapeKind
{
    /// <summary>A bar of a panel.</summary>
    Bar,

    /// <summary>A rule: the baseline of a panel's bars, the line under the title block.</summary>
    Line,

    /// <summary>A rounded badge under the title; its text is drawn on it.</summary>
    Badge,

    /// <summary>The warning sign (a triangle with "!") beside a major accident hazard.</summary>
    WarningSign,
}

/// <summary>A shape at its place on the chart.</summary>
internal sealed record ChartShape(ShapeKind Kind, SKRect Rect, SKColor Fill, SKColor Stroke);

/// <summary>
/// A text at its place: drawn run by run from <see cref="Left"/> on <see cref="Baseline"/>; <see cref="Ink"/> is
/// the box its glyphs cover.
/// </summary>
internal sealed record ChartText(string Text, IReadOnlyList<TextRun> Runs, float Left, float Baseline, float Size, SKColor Color, SKRect Ink);

/// <summary>Everything the chart draws, with its size.</summary>
internal sealed record ChartLayout(int Width, int Height, IReadOnlyList<ChartShape> Shapes, IReadOnlyList<ChartText> Texts);

/// <summary>
/// Places the statistics chart for a phone: one column, the title block (team, date and total, the badges a leader
/// looks for first), then each panel as horizontal bars with the label on the left, the bar, and its count.
/// Labels sit left of the bars' baseline, so no line ever crosses them. Sizes are in pixels of a
/// <see cref="StatsChart.Width"/>-pixel-wide image; <see cref="StatsChart.MinTextSize"/> is the smallest text.
/// </summary>
internal sealed class StatsChartLayout
{
    private const float Side = 48;
    private const float Top = 40;
    private const float Bottom = 32;
    private const float TitleSize = 50;
    private const float MinTitleSize = 38;
    private const float SubtitleSize = 32;
    private const float BadgeSize = 32;
    private const float BadgeHeight = 58;
    private const float BadgePadding = 24;
    private const float PanelTitleSize = 36;
    private const float LabelSize = StatsChart.MinTextSize;
    private const float CountSize = StatsChart.MinTextSize;
    private const float RowHeight = 56;
    private const float BarThickness = 34;
    private const float SignSize = 34;
    private const float Gap = 18;

    // In the shipped font an ideograph fills its em box from 0.88 em above the baseline to 0.12 em below.
    private const float EmAscent = 0.88f;

    private const float Content = StatsChart.Width - (2 * Side);
    private const float MaxLabelColumn = Content * 0.45f;

    private static readonly SKColor Ink = new(0x1F, 0x29, 0x33);
    private static readonly SKColor Secondary = new(0x55, 0x60, 0x6E);
    private static readonly SKColor Muted = new(0x8A, 0x94, 0xA3);
    private static readonly SKColor Rule = new(0xC3, 0xCA, 0xD4);
    private static readonly SKColor None = SKColors.Transparent;

    private readonly ChartFonts fonts;
    private readonly List<ChartShape> shapes = [];
    private readonly List<ChartText> texts = [];

    private StatsChartLayout(ChartFonts fonts) => this.fonts = fonts;

    /// <summary>The colour of a bar with this accent.</summary>
    public static SKColor BarColor(ChartAccent accent) => accent switch
    {
        ChartAccent.Done => new SKColor(0x4C, 0x9A, 0x52),
        ChartAccent.Overdue => new SKColor(0xD3, 0x2F, 0x2F),
        ChartAccent.MajorHazard => new SKColor(0xF0, 0x8A, 0x24),
        _ => new SKColor(0x4E, 0x79, 0xA7),
    };

    /// <summary>The fill of the warning sign.</summary>
    public static SKColor SignColor => new(0xF6, 0xC0, 0x26);

    public static ChartLayout Build(StatsChartData data, ChartFonts fonts)
    {
        var layout = new StatsChartLayout(fonts);
        var y = layout.TitleBlock(data, Top);
        var panels = (data.Panels ?? []).Select(p => (Title: Clean(p.Title), Bars: StatsChart.Condense(p.Bars ?? []))).ToList();
        var columns = layout.Columns(panels.SelectMany(p => p.Bars));
        foreach (var (title, bars) in panels)
        {
            y = layout.Panel(title, bars, columns, y);
        }

        return new ChartLayout(StatsChart.Width, (int)Math.Ceiling(y + Bottom), layout.shapes, layout.texts);
    }

    /// <summary>A label as one line, its first letter capitalised (English catalog texts are lower case for use inside sentences).</summary>
    internal static string Clean(string? text)
    {
        var line = string.Join(' ', (text ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 0 && char.IsAsciiLetterLower(line[0]) ? char.ToUpperInvariant(line[0]) + line[1..] : line;
    }

    private float TitleBlock(StatsChartData data, float y)
    {
        var title = Clean(data.Title);
        var size = TitleSize;
        while (size > MinTitleSize && Width(title, size, bold: true) > Content)
        {
            size -= 2; // a long team name makes the title smaller before it is cut
        }

        AddText(Fit(title, size, bold: true, Content), Side, y + (EmAscent * size), size, bold: true, Ink);
        y += size + 16;
        AddText(Fit(Clean(data.Subtitle), SubtitleSize, bold: false, Content), Side, y + (EmAscent * SubtitleSize), SubtitleSize, bold: false, Secondary);
        y += SubtitleSize + 24;

        var x = Side;
        var highlights = data.Highlights ?? [];
        foreach (var highlight in highlights)
        {
            var sign = highlight.Accent == ChartAccent.MajorHazard ? SignSize + 10 : 0;
            var text = Fit(Clean(highlight.Text), BadgeSize, bold: true, Content - (2 * BadgePadding) - sign);
            var width = (2 * BadgePadding) + sign + Width(text, BadgeSize, bold: true);
            if (x > Side && x + width > Side + Content)
            {
                x = Side; // the next badge goes on a line of its own
                y += BadgeHeight + 12;
            }

            var (fill, stroke, color) = BadgeColors(highlight.Accent);
            shapes.Add(new ChartShape(ShapeKind.Badge, new SKRect(x, y, x + width, y + BadgeHeight), fill, stroke));
            var center = y + (BadgeHeight / 2);
            if (sign > 0)
            {
                shapes.Add(new ChartShape(ShapeKind.WarningSign, Square(x + BadgePadding, center, SignSize), SignColor, Ink));
            }

            AddText(text, x + BadgePadding + sign, Baseline(center, BadgeSize), BadgeSize, bold: true, color);
            x += width + 16;
        }

        if (highlights.Count > 0)
        {
            y += BadgeHeight;
        }

        y += 24;
        shapes.Add(new ChartShape(ShapeKind.Line, new SKRect(Side, y, Side + Content, y + 2), new SKColor(0xDD, 0xE2, 0xE8), None));
        return y + 30;
    }

    private (float LabelRight, float BarLeft, float BarMax) Columns(IEnumerable<StatsChartBar> bars)
    {
        var all = bars.ToList();
        var label = all.Count == 0 ? 0 : all.Max(b => Math.Min(MaxLabelColumn, LabelWidth(b)));
        var count = all.Count == 0 ? 0 : all.Max(b => Width(CountText(b.Count), CountSize, bold: true));
        var labelRight = Side + label;
        var barLeft = labelRight + 22;
        return (labelRight, barLeft, Math.Max(40, Side + Content - barLeft - count - 14));
    }

    private float Panel(string title, List<StatsChartBar> bars, (float LabelRight, float BarLeft, float BarMax) columns, float y)
    {
        AddText(Fit(title, PanelTitleSize, bold: true, Content), Side, y + (EmAscent * PanelTitleSize), PanelTitleSize, bold: true, Ink);
        y += PanelTitleSize + Gap;
        if (bars.Count == 0)
        {
            return y + Gap;
        }

        var max = Math.Max(1, bars.Max(b => b.Count));
        var first = y;
        foreach (var bar in bars)
        {
            var center = y + (RowHeight / 2);
            var accent = Accent(bar);
            var sign = accent == ChartAccent.MajorHazard ? SignSize + 10 : 0;
            var strong = accent is ChartAccent.Overdue or ChartAccent.MajorHazard;
            var label = Fit(Clean(bar.Label), LabelSize, strong, MaxLabelColumn - sign);
            var placed = AddText(label, columns.LabelRight, Baseline(center, LabelSize), LabelSize, strong, accent == ChartAccent.Overdue ? BarColor(accent) : Ink, alignRight: true);
            if (sign > 0)
            {
                shapes.Add(new ChartShape(ShapeKind.WarningSign, Square(placed.Left - 10 - SignSize, center, SignSize), SignColor, Ink));
            }

            var length = bar.Count <= 0 ? 0 : Math.Max(4, (float)bar.Count / max * columns.BarMax);
            if (length > 0)
            {
                shapes.Add(new ChartShape(ShapeKind.Bar, new SKRect(columns.BarLeft, center - (BarThickness / 2), columns.BarLeft + length, center + (BarThickness / 2)), BarColor(accent), None));
            }

            var countColor = bar.Count <= 0 ? Muted : accent == ChartAccent.Overdue ? BarColor(accent) : Ink;
            AddText(CountText(bar.Count), columns.BarLeft + length + 12, Baseline(center, CountSize), CountSize, bold: true, countColor);
            y += RowHeight;
        }

        // The bars' baseline runs down between the labels and the bars, never through a text.
        shapes.Add(new ChartShape(ShapeKind.Line, new SKRect(columns.BarLeft - 2, first + 6, columns.BarLeft, y - 6), Rule, None));
        return y + (Gap * 2);
    }

    private float LabelWidth(StatsChartBar bar)
    {
        var accent = Accent(bar);
        var strong = accent is ChartAccent.Overdue or ChartAccent.MajorHazard;
        return Width(Clean(bar.Label), LabelSize, strong) + (accent == ChartAccent.MajorHazard ? SignSize + 10 : 0);
    }

    // Nothing overdue, no major hazard: good news is not drawn as an alarm.
    private static ChartAccent Accent(StatsChartBar bar) => bar.Count > 0 ? bar.Accent : ChartAccent.None;

    private static (SKColor Fill, SKColor Stroke, SKColor Text) BadgeColors(ChartAccent accent) => accent switch
    {
        ChartAccent.Overdue => (BarColor(accent), None, SKColors.White),
        ChartAccent.MajorHazard => (new SKColor(0xFF, 0xF4, 0xD9), new SKColor(0xE0, 0xA1, 0x00), new SKColor(0x5C, 0x3B, 0x00)),
        ChartAccent.Done => (new SKColor(0xE6, 0xF4, 0xEA), None, new SKColor(0x1E, 0x6B, 0x34)),
        _ => (new SKColor(0xEE, 0xF1, 0xF5), None, new SKColor(0x3B, 0x44, 0x52)),
    };

    private static string CountText(int count) => Math.Max(0, count).ToString(CultureInfo.InvariantCulture);

    // The baseline that centres an em box of this size on the given line.
    private static float Baseline(float center, float size) => center - (size / 2) + (EmAscent * size);

    private static SKRect Square(float left, float center, float size) => new(left, center - (size / 2), left + size, center + (size / 2));

    private ChartText AddText(string text, float x, float baseline, float size, bool bold, SKColor color, bool alignRight = false)
    {
        var runs = fonts.Runs(text, bold);
        var advance = Measure(runs, size, out var ink);
        var left = alignRight ? x - advance : x;
        ink.Offset(left, baseline);
        var placed = new ChartText(text, runs, left, baseline, size, color, ink);
        texts.Add(placed);
        return placed;
    }

    private float Width(string text, float size, bool bold) => Measure(fonts.Runs(text, bold), size, out _);

    /// <summary>The text, cut with "…" at a character boundary when it is wider than <paramref name="maxWidth"/>.</summary>
    private string Fit(string text, float size, bool bold, float maxWidth)
    {
        if (Width(text, size, bold) <= maxWidth)
        {
            return text;
        }

        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        for (var keep = elements.Count - 1; keep > 0; keep--)
        {
            var cut = string.Concat(elements.Take(keep)).TrimEnd() + "…";
            if (Width(cut, size, bold) <= maxWidth)
            {
                return cut;
            }
        }

        return "…";
    }

    /// <summary>The advance width of the runs; <paramref name="ink"/> is the box their glyphs cover, from the start of the baseline.</summary>
    internal static float Measure(IReadOnlyList<TextRun> runs, float size, out SKRect ink)
    {
        var advance = 0f;
        ink = SKRect.Empty;
        foreach (var run in runs)
        {
            using var font = StatsChart.Font(run.Typeface, size);
            var width = font.MeasureText(run.Text, out var bounds);
            if (!bounds.IsEmpty)
            {
                bounds.Offset(advance, 0);
                ink = ink.IsEmpty ? bounds : SKRect.Union(ink, bounds);
            }

            advance += width;
        }

        return advance;
    }
}
