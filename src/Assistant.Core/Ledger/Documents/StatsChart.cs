using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace Assistant.Core.Ledger.Documents;

/// <summary>
/// The findings statistics as one PNG: four bar charts in a 2×2 grid (by status, sector, aspect and severity) under
/// an overall title, drawn with ScottPlot onto one SkiaSharp canvas.
/// </summary>
public static class StatsChart
{
    /// <summary>The width of the PNG in pixels.</summary>
    public const int Width = 1200;

    /// <summary>The height of the PNG in pixels.</summary>
    public const int Height = 900;

    /// <summary>More categories than this in one chart: the smallest are summed into one bar labelled "…".</summary>
    internal const int MaxBars = 12;

    private const float TitleBand = 78;
    private const float Margin = 16;
    private const int MaxLabelWidth = 24; // display width (a Chinese character counts two) before a label is cut with "…"

    /// <summary>Characters a font must have to be used for Chinese labels (common ones in the ledger's vocabulary).</summary>
    private const string ChineseProbe = "中文隐患整改验证逾期";

    // Preferred over whatever fontconfig matches first: sans-serif faces that read well at small sizes.
    private static readonly string[] ChineseCandidates =
    [
        "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
        "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Droid Sans Fallback", "AR PL UMing CN",
    ];

    private static readonly string[] LatinCandidates = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI"];

    // Muted, distinguishable colours, one per chart (status, sector, aspect, severity).
    private static readonly string[] BarColors = ["#4E79A7", "#59A14F", "#F28E2B", "#E15759"];

    private static readonly Lazy<string?> ChineseFont = new(FindChineseFont);
    private static readonly Lazy<string> LatinFont = new(FindLatinFont);

    /// <summary>
    /// True when SkiaSharp finds a font on this machine with Chinese glyphs. When false the caller passes English
    /// labels, because Chinese text would render as empty boxes. Determined once per process.
    /// </summary>
    public static bool CanRenderChinese => ChineseFont.Value is not null;

    /// <summary>The font family used for labels when <see cref="CanRenderChinese"/>; null otherwise.</summary>
    public static string? ChineseFontFamily => ChineseFont.Value;

    /// <summary>
    /// A <see cref="Width"/>×<see cref="Height"/> PNG: the overall title on top, then four bar charts each with its
    /// title and the count on every bar. Short category lists are drawn as columns, long labels as horizontal bars.
    /// Zero counts and empty lists render as empty charts.
    /// </summary>
    public static byte[] Png(StatsChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Png(data, ChineseFontFamily ?? LatinFont.Value);
    }

    /// <summary><see cref="Png(StatsChartData)"/> with the given font family (tests use it to force the Latin font).</summary>
    internal static byte[] Png(StatsChartData data, string fontFamily)
    {
        ArgumentNullException.ThrowIfNull(data);

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        DrawTitle(canvas, data.Title, fontFamily);

        var panels = new (string Title, IReadOnlyList<(string Label, int Count)> Items)[]
        {
            (data.ByStatusTitle, data.ByStatus),
            (data.BySectorTitle, data.BySector),
            (data.ByAspectTitle, data.ByAspect),
            (data.BySeverityTitle, data.BySeverity),
        };

        var cellWidth = (Width - (3 * Margin)) / 2;
        var cellHeight = (Height - TitleBand - (2 * Margin)) / 2;
        for (var i = 0; i < panels.Length; i++)
        {
            var left = Margin + ((i % 2) * (cellWidth + Margin));
            var top = TitleBand + ((i / 2) * (cellHeight + Margin));
            using var plot = BarChart(panels[i].Title, panels[i].Items ?? [], BarColors[i], fontFamily);

            // ScottPlot clears the canvas it renders on, so each chart is drawn on its own surface and copied.
            using var panel = SKSurface.Create(new SKImageInfo((int)cellWidth, (int)cellHeight, SKColorType.Rgba8888, SKAlphaType.Premul))
                ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
            plot.Render(panel);
            using var snapshot = panel.Snapshot();
            canvas.DrawImage(snapshot, left, top);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawTitle(SKCanvas canvas, string? title, string fontFamily)
    {
        using var typeface = SKTypeface.FromFamilyName(fontFamily, SKFontStyle.Bold);
        using var font = new SKFont(typeface, 30) { Embolden = !typeface.IsBold }; // CJK fonts often have no bold face
        using var paint = new SKPaint { Color = new SKColor(0x22, 0x2B, 0x38), IsAntialias = true };
        var text = (title ?? "").ReplaceLineEndings(" ").Trim();
        while (font.Size > 14 && font.MeasureText(text) > Width - (4 * Margin))
        {
            font.Size -= 1; // a long title gets smaller rather than cut
        }

        canvas.DrawText(text, Width / 2f, 48, SKTextAlign.Center, font, paint);
        using var rule = new SKPaint { Color = new SKColor(0xD0, 0xD5, 0xDD), StrokeWidth = 1.5f, IsAntialias = true };
        canvas.DrawLine(Margin * 2, TitleBand - 12, Width - (Margin * 2), TitleBand - 12, rule);
    }

    private static Plot BarChart(string? title, IReadOnlyList<(string Label, int Count)> items, string color, string fontFamily)
    {
        var bars = Condense(items);
        var labels = bars.Select(b => Shorten(b.Label)).ToArray();
        var horizontal = labels.Length > 6 || labels.Any(l => SpreadsheetText.DisplayWidth(l) > 12);
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Count);

        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;

        plot.Axes.Title.Label.Text = (title ?? "").ReplaceLineEndings(" ");
        plot.Axes.Title.Label.FontName = fontFamily;
        plot.Axes.Title.Label.FontSize = 19;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Color.FromHex("#222B38");
        plot.Axes.Title.IsVisible = true;

        // Positions run down the chart for horizontal bars, so the first category is on top.
        var positions = Enumerable.Range(0, bars.Count).Select(i => (double)(horizontal ? bars.Count - 1 - i : i)).ToArray();
        var barList = bars.Select((b, i) => new Bar
        {
            Position = positions[i],
            Value = b.Count,
            Size = 0.62,
            FillColor = Color.FromHex(color),
            LineWidth = 0,
            Label = b.Count.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        var barPlot = plot.Add.Bars(barList);
        barPlot.Horizontal = horizontal;
        barPlot.ValueLabelStyle.FontName = fontFamily;
        barPlot.ValueLabelStyle.FontSize = 14;
        barPlot.ValueLabelStyle.Bold = true;
        barPlot.ValueLabelStyle.ForeColor = Color.FromHex("#333333");

        var categoryAxis = horizontal ? (ScottPlot.AxisPanels.AxisBase)plot.Axes.Left : (ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom;
        var valueAxis = horizontal ? (ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom : (ScottPlot.AxisPanels.AxisBase)plot.Axes.Left;
        categoryAxis.SetTicks(positions, labels);
        categoryAxis.MajorTickStyle.Length = 0;
        categoryAxis.TickLabelStyle.FontName = fontFamily;
        categoryAxis.TickLabelStyle.FontSize = 14;
        categoryAxis.TickLabelStyle.ForeColor = Color.FromHex("#333333");

        valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, TargetTickCount = 5 };
        valueAxis.MinorTickStyle.Length = 0;
        valueAxis.TickLabelStyle.FontName = fontFamily;
        valueAxis.TickLabelStyle.FontSize = 12;
        valueAxis.TickLabelStyle.ForeColor = Color.FromHex("#666666");

        foreach (var axis in new IAxis[] { plot.Axes.Top, plot.Axes.Right })
        {
            axis.FrameLineStyle.Width = 0;
        }

        plot.Axes.Left.FrameLineStyle.Color = Color.FromHex("#B0B7C3");
        plot.Axes.Bottom.FrameLineStyle.Color = Color.FromHex("#B0B7C3");
        plot.Grid.MajorLineColor = Color.FromHex("#E6E9EE");
        (horizontal ? plot.Grid.YAxisStyle : plot.Grid.XAxisStyle).IsVisible = false; // no lines along the categories

        // Room above (or beside) the tallest bar for its label; at least 0..1 so an all-zero chart still has an axis.
        var valueLimit = Math.Max(1, max) * 1.18;
        var categoryMin = -0.6;
        var categoryMax = Math.Max(bars.Count, 1) - 0.4;
        if (horizontal)
        {
            plot.Axes.SetLimits(0, valueLimit, categoryMin, categoryMax);
        }
        else
        {
            plot.Axes.SetLimits(categoryMin, categoryMax, 0, valueLimit);
        }

        return plot;
    }

    /// <summary>At most <see cref="MaxBars"/> bars: beyond that, the largest keep their bar (in the given order) and the rest are summed as "…".</summary>
    internal static List<(string Label, int Count)> Condense(IReadOnlyList<(string Label, int Count)> items)
    {
        var clean = items.Select(i => ((i.Label ?? "").ReplaceLineEndings(" ").Trim(), Math.Max(0, i.Count))).ToList();
        if (clean.Count <= MaxBars)
        {
            return clean;
        }

        var keep = clean.Select((item, index) => (item, index))
            .OrderByDescending(x => x.item.Item2)
            .ThenBy(x => x.index)
            .Take(MaxBars - 1)
            .OrderBy(x => x.index)
            .Select(x => x.item)
            .ToList();
        var rest = clean.Sum(i => (long)i.Item2) - keep.Sum(i => (long)i.Item2);
        keep.Add(("…", (int)Math.Min(rest, int.MaxValue)));
        return keep;
    }

    private static string Shorten(string label)
    {
        if (SpreadsheetText.DisplayWidth(label) <= MaxLabelWidth)
        {
            return label;
        }

        var width = 0;
        var end = 0;
        while (end < label.Length)
        {
            var step = char.IsHighSurrogate(label[end]) && end + 1 < label.Length ? 2 : 1;
            var next = SpreadsheetText.DisplayWidth(label.Substring(end, step));
            if (width + next > MaxLabelWidth - 1)
            {
                break;
            }

            width += next;
            end += step;
        }

        return label[..end].TrimEnd() + "…";
    }

    /// <summary>The font used when Chinese cannot be rendered: a sans-serif face if there is one.</summary>
    internal static string LatinFontFamily => LatinFont.Value;

    private static string? FindChineseFont()
    {
        try
        {
            var manager = SKFontManager.Default;
            foreach (var family in ChineseCandidates)
            {
                using var typeface = manager.MatchFamily(family);
                if (typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase) && HasChinese(typeface))
                {
                    return typeface.FamilyName;
                }
            }

            using var match = manager.MatchCharacter('中');
            return match is not null && HasChinese(match) ? match.FamilyName : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return null; // no native SkiaSharp: the chart cannot be drawn either, but asking must not throw
        }
    }

    private static bool HasChinese(SKTypeface typeface) =>
        ChineseProbe.All(c => typeface.ContainsGlyph(c)) && typeface.ContainsGlyph('0') && typeface.ContainsGlyph('A');

    private static string FindLatinFont()
    {
        var manager = SKFontManager.Default;
        foreach (var family in LatinCandidates)
        {
            using var typeface = manager.MatchFamily(family);
            if (typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
            {
                return typeface.FamilyName;
            }
        }

        return SKTypeface.Default.FamilyName;
    }
}
