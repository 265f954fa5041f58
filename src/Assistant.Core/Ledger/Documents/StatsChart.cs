using SkiaSharp;

namespace Assistant.Core.Ledger.Documents;

/// <summary>
/// The findings statistics as one PNG for a phone: the team, the date and the figures a leader looks for first on
/// top, then one bar chart per panel, drawn with SkiaSharp in the shipped font (<see cref="ChartFonts"/>), so the
/// chart is in the reader's language on any machine.
/// </summary>
public static class StatsChart
{
    /// <summary>The width of the PNG in pixels; the height follows the number of bars.</summary>
    public const int Width = 1080;

    /// <summary>
    /// The smallest text on the chart, in pixels: shown full width on a phone 360 points wide, about 10.7 points,
    /// the size of a chat message's small print.
    /// </summary>
    public const float MinTextSize = 32;

    /// <summary>More categories than this in one chart: the smallest are summed into one bar labelled "…".</summary>
    internal const int MaxBars = 12;

    /// <summary>
    /// The PNG: the title block, then each panel's bars with their counts. Zero counts and empty panels are drawn
    /// too; characters no font has come out as the font's empty box, never an error.
    /// </summary>
    public static byte[] Png(StatsChartData data) => Png(data, ChartFonts.Default);

    /// <summary>
    /// True when every character of <paramref name="text"/> can be drawn: by the shipped font or by a font installed
    /// on this machine. The caller puts something else in its place when not (the team's code for its name).
    /// </summary>
    public static bool CanDraw(string text) => ChartFonts.Default.CanDraw(text);

    internal static byte[] Png(StatsChartData data, ChartFonts fonts) => Render(Layout(data, fonts));

    internal static ChartLayout Layout(StatsChartData data, ChartFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(data);
        return StatsChartLayout.Build(data, fonts);
    }

    /// <summary>At most <see cref="MaxBars"/> bars: beyond that, the largest keep their bar (in the given order) and the rest are summed as "…".</summary>
    internal static List<StatsChartBar> Condense(IReadOnlyList<StatsChartBar> bars)
    {
        var clean = bars.Select(b => b with { Count = Math.Max(0, b.Count) }).ToList();
        if (clean.Count <= MaxBars)
        {
            return clean;
        }

        var keep = clean.Select((bar, index) => (bar, index))
            .OrderByDescending(x => x.bar.Count)
            .ThenBy(x => x.index)
            .Take(MaxBars - 1)
            .OrderBy(x => x.index)
            .Select(x => x.bar)
            .ToList();
        var rest = clean.Sum(b => (long)b.Count) - keep.Sum(b => (long)b.Count);
        keep.Add(new StatsChartBar("…", (int)Math.Min(rest, int.MaxValue)));
        return keep;
    }

    internal static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.Slight };

    private static byte[] Render(ChartLayout layout)
    {
        var info = new SKImageInfo(layout.Width, layout.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { IsAntialias = true };
        foreach (var shape in layout.Shapes)
        {
            Draw(canvas, shape, paint);
        }

        foreach (var text in layout.Texts)
        {
            paint.Style = SKPaintStyle.Fill;
            paint.Color = text.Color;
            var x = text.Left;
            foreach (var run in text.Runs)
            {
                using var font = Font(run.Typeface, text.Size);
                canvas.DrawText(run.Text, x, text.Baseline, SKTextAlign.Left, font, paint);
                x += font.MeasureText(run.Text);
            }
        }

        // Opaque, so the PNG has no alpha channel; zlib's default level (zlib 9 saved 3 % and took three times as long).
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("SkiaSharp could not encode the chart as PNG.");
        return png.ToArray();
    }

    private static void Draw(SKCanvas canvas, ChartShape shape, SKPaint paint)
    {
        var rect = shape.Rect;
        switch (shape.Kind)
        {
            case ShapeKind.Bar:
                Fill(paint, shape.Fill, () => canvas.DrawRoundRect(rect, 3, 3, paint));
                break;
            case ShapeKind.Line:
                Fill(paint, shape.Fill, () => canvas.DrawRect(rect, paint));
                break;
            case ShapeKind.Badge:
                var radius = rect.Height / 2;
                Fill(paint, shape.Fill, () => canvas.DrawRoundRect(rect, radius, radius, paint));
                Stroke(paint, shape.Stroke, 2, () => canvas.DrawRoundRect(rect, radius, radius, paint));
                break;
            case ShapeKind.WarningSign:
                DrawWarningSign(canvas, rect, shape.Fill, shape.Stroke, paint);
                break;
        }
    }

    // The warning sign of GB 2894: a yellow triangle, a dark border and an exclamation mark, drawn as shapes (no glyph needed).
    private static void DrawWarningSign(SKCanvas canvas, SKRect rect, SKColor fill, SKColor ink, SKPaint paint)
    {
        var inset = rect.Width * 0.06f;
        using var triangle = new SKPath();
        triangle.MoveTo(rect.MidX, rect.Top + inset);
        triangle.LineTo(rect.Right - inset, rect.Bottom - inset);
        triangle.LineTo(rect.Left + inset, rect.Bottom - inset);
        triangle.Close();
        Fill(paint, fill, () => canvas.DrawPath(triangle, paint));
        Stroke(paint, ink, rect.Width * 0.08f, () => canvas.DrawPath(triangle, paint));
        var stem = rect.Width * 0.09f;
        Fill(paint, ink, () =>
        {
            canvas.DrawRoundRect(new SKRect(rect.MidX - (stem / 2), rect.Top + (rect.Height * 0.36f), rect.MidX + (stem / 2), rect.Top + (rect.Height * 0.68f)), stem / 2, stem / 2, paint);
            canvas.DrawCircle(rect.MidX, rect.Top + (rect.Height * 0.79f), stem * 0.65f, paint);
        });
    }

    private static void Fill(SKPaint paint, SKColor color, Action draw)
    {
        if (color.Alpha == 0)
        {
            return;
        }

        paint.Style = SKPaintStyle.Fill;
        paint.Color = color;
        draw();
    }

    private static void Stroke(SKPaint paint, SKColor color, float width, Action draw)
    {
        if (color.Alpha == 0)
        {
            return;
        }

        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = width;
        paint.StrokeJoin = SKStrokeJoin.Round;
        paint.Color = color;
        draw();
    }
}
