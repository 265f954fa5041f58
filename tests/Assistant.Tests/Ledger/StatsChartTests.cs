using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Ledger.Documents;
using Assistant.Core.Localization;
using Assistant.Core.Teams;
using SkiaSharp;

namespace Assistant.Tests.Ledger;

/// <summary>
/// The statistics chart drawn as on the CI machine, which has no font installed: <see cref="ChartFonts.ShippedOnly"/>
/// leaves the system's fonts out, so every test here sees what a fresh server draws.
/// </summary>
public sealed class StatsChartTests
{
    private static readonly DateOnly Today = new(2023, 11, 20);
    private static readonly Team Team7 = new() { Name = "第七组", Code = "G7" };

    public static TheoryData<Language> Languages => new() { Language.Chinese, Language.English };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Layout_EveryLabelOfTheCatalog_DrawnByTheShippedFontWithoutAMissingGlyph(Language language)
    {
        var data = Data(language, EveryCategory());

        var layout = StatsChart.Layout(data, ChartFonts.ShippedOnly);

        var drawn = layout.Texts.Select(t => t.Text).ToList();
        Assert.Contains(language == Language.English ? "Of which overdue" : "其中逾期", drawn);
        Assert.Contains(language == Language.English ? "Grassroots follow-through" : "基层末梢抓工作落实", drawn);
        Assert.Contains(language == Language.English ? "Water transport" : "水上运输", drawn);
        foreach (var text in layout.Texts)
        {
            Assert.DoesNotContain(ChartFonts.Missing, text.Text, StringComparison.Ordinal); // so a white square below means a missing glyph
            var drawnAs = string.Concat(text.Runs.Select(r => r.Text));
            Assert.True(drawnAs == text.Text, $"\"{text.Text}\" is drawn as \"{drawnAs}\": the shipped font lacks a character; run tools/chart-font/subset.py");
            foreach (var run in text.Runs)
            {
                Assert.True(run.Typeface == ChartFonts.Shipped(bold: false) || run.Typeface == ChartFonts.Shipped(bold: true), $"\"{text.Text}\" uses {run.Typeface.FamilyName}");
                Assert.All(run.Text.EnumerateRunes(), c => Assert.True(run.Typeface.ContainsGlyph(c.Value), $"the shipped font lacks '{c}' of \"{text.Text}\""));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Png_LargestChart_PhoneSizedAndWithinTheBudget(Language language)
    {
        var data = Data(language, EveryCategory()); // every sector has findings: the tallest chart there is

        var png = StatsChart.Png(data, ChartFonts.ShippedOnly);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(StatsChart.Width, bitmap.Width);
        Assert.InRange(bitmap.Height, 1200, 2100); // one column a phone scrolls, 1 : 2 at most
        Assert.InRange(png.Length, 20_000, 256 * 1024);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Png_TextOnAPhone_AtLeastTenPointsAndInkAsTallAsTheFontSays(Language language)
    {
        var data = Data(language, EveryCategory());
        var layout = StatsChart.Layout(data, ChartFonts.ShippedOnly);

        // Shown full width on a phone 360 points wide, the smallest text is at least 10 points.
        Assert.True(StatsChart.MinTextSize * 360f / StatsChart.Width >= 10f);
        Assert.All(layout.Texts, t => Assert.True(t.Size >= StatsChart.MinTextSize, $"\"{t.Text}\" is {t.Size} px"));

        // In the image itself: the glyphs of each bar label are as tall as a 32-pixel face draws them.
        using var bitmap = SKBitmap.Decode(StatsChart.Png(data, ChartFonts.ShippedOnly));
        var label = layout.Texts.Single(t => t.Text == (language == Language.English ? "Closed" : "已销号"));
        Assert.InRange(InkHeight(bitmap, label.Ink), language == Language.English ? 22 : 27, 40);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Layout_NoTextCrossedByALineABarOrAnotherText(Language language)
    {
        var layout = StatsChart.Layout(Data(language, EveryCategory()), ChartFonts.ShippedOnly);

        var obstacles = layout.Shapes.Where(s => s.Kind is ShapeKind.Bar or ShapeKind.Line or ShapeKind.WarningSign).ToList();
        Assert.Contains(obstacles, s => s.Kind == ShapeKind.Line && s.Rect.Height > s.Rect.Width); // the bars' baselines are there
        foreach (var text in layout.Texts)
        {
            Assert.False(text.Ink.IsEmpty, text.Text);
            Assert.All(obstacles, s => Assert.False(s.Rect.IntersectsWith(text.Ink), $"{s.Kind} at {s.Rect} crosses \"{text.Text}\" at {text.Ink}"));
            Assert.All(layout.Texts.Where(o => o != text), o => Assert.False(o.Ink.IntersectsWith(text.Ink), $"\"{o.Text}\" overlaps \"{text.Text}\""));
            Assert.InRange(text.Ink.Left, 0, StatsChart.Width);
            Assert.InRange(text.Ink.Right, 0, StatsChart.Width);
        }
    }

    [Fact]
    public void Png_OverdueItems_RedBarRedCountAndRedBadge()
    {
        var findings = EveryCategory();
        var data = Data(Language.Chinese, findings);
        var layout = StatsChart.Layout(data, ChartFonts.ShippedOnly);
        var overdueRed = StatsChartLayout.BarColor(ChartAccent.Overdue);

        var overdue = findings.Count(f => f.DaysOverdue(Today) > 0);
        Assert.InRange(overdue, 1, findings.Count - 1);
        Assert.Contains(new StatsChartHighlight($"逾期未销号{overdue}项", ChartAccent.Overdue), data.Highlights);
        var count = layout.Texts.Single(t => t.Color == overdueRed && t.Text == overdue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(layout.Shapes, s => s.Kind == ShapeKind.Bar && s.Fill == overdueRed && s.Rect.MidY > count.Ink.Top && s.Rect.MidY < count.Ink.Bottom);
        Assert.Contains(layout.Shapes, s => s.Kind == ShapeKind.Badge && s.Fill == overdueRed);

        using var bitmap = SKBitmap.Decode(StatsChart.Png(data, ChartFonts.ShippedOnly));
        Assert.True(CountNear(bitmap, overdueRed) > 3000, "the red bar and badge are in the image");
    }

    [Fact]
    public void Png_NothingOverdue_NoRedAnywhere()
    {
        var findings = EveryCategory();
        findings.ForEach(f => f.Deadline = Today.AddDays(30));
        var data = Data(Language.Chinese, findings);

        using var bitmap = SKBitmap.Decode(StatsChart.Png(data, ChartFonts.ShippedOnly));

        Assert.Contains(new StatsChartHighlight("逾期未销号0项", ChartAccent.None), data.Highlights);
        Assert.Equal(0, CountNear(bitmap, StatsChartLayout.BarColor(ChartAccent.Overdue)));
    }

    [Fact]
    public void Layout_MajorAccidentHazards_MarkedWithTheWarningSignAndTheirOwnColour()
    {
        var findings = EveryCategory();
        var major = findings.Count(f => f.Severity == Severity.MajorHazard);
        var data = Data(Language.Chinese, findings);

        var layout = StatsChart.Layout(data, ChartFonts.ShippedOnly);

        Assert.Contains(new StatsChartHighlight($"重大事故隐患{major}项", ChartAccent.MajorHazard), data.Highlights);
        var label = layout.Texts.Single(t => t.Text == "重大事故隐患");
        var sign = Assert.Single(layout.Shapes, s => s.Kind == ShapeKind.WarningSign && s.Rect.MidY > label.Ink.Top && s.Rect.MidY < label.Ink.Bottom);
        Assert.True(sign.Rect.Right < label.Ink.Left, "the sign stands before the label");
        Assert.Contains(layout.Shapes, s => s.Kind == ShapeKind.Bar && s.Fill == StatsChartLayout.BarColor(ChartAccent.MajorHazard) && s.Rect.MidY > label.Ink.Top && s.Rect.MidY < label.Ink.Bottom);
        Assert.Equal(2, layout.Shapes.Count(s => s.Kind == ShapeKind.WarningSign)); // the bar and the badge

        using var bitmap = SKBitmap.Decode(StatsChart.Png(data, ChartFonts.ShippedOnly));
        Assert.True(CountNear(bitmap, StatsChartLayout.SignColor) > 300, "the yellow signs are in the image");
    }

    [Fact]
    public void ChartData_TitleNamesTheTeamAndTheDate_FourPanelsWithTheOverdueBar()
    {
        var findings = EveryCategory();

        var chinese = Data(Language.Chinese, findings);
        var english = Data(Language.English, findings);

        Assert.Equal("第七组问题统计", chinese.Title);
        Assert.Equal($"截至2023年11月20日，共{findings.Count}项", chinese.Subtitle);
        Assert.Equal("第七组: findings", english.Title);
        Assert.Equal($"As of 20 Nov 2023, {findings.Count} in all", english.Subtitle);
        Assert.Equal(["按状态", "按领域", "按方面", "按性质"], chinese.Panels.Select(p => p.Title));
        Assert.Equal(["By status", "By sector", "By aspect", "By severity"], english.Panels.Select(p => p.Title));
        var overdue = chinese.Panels[0].Bars[^1];
        Assert.Equal(("其中逾期", findings.Count(f => f.DaysOverdue(Today) > 0), ChartAccent.Overdue), (overdue.Label, overdue.Count, overdue.Accent));
        Assert.All(chinese.Panels, p => Assert.Equal(findings.Count, p.Bars.Where(b => b.Accent != ChartAccent.Overdue).Sum(b => b.Count)));
        Assert.Equal(12, chinese.Panels[1].Bars.Count);
    }

    [Fact]
    public void ChartData_TeamNameNoFontCanDraw_TitleNamesTheTeamByItsCode()
    {
        // U+0378 is unassigned: no font anywhere has it, with or without CJK fonts installed.
        var team = new Team { Name = "第七组\u0378", Code = "G7" };

        var data = LedgerJobs.ChartData(TextCatalog.Default.Chinese, team, EveryCategory(), Today, overdue: 0);

        Assert.False(StatsChart.CanDraw(team.Name));
        Assert.True(StatsChart.CanDraw("第七组"));
        Assert.Equal("G7问题统计", data.Title);
    }

    [Fact]
    public void Runs_CharactersOutsideTheSubset_AnInstalledFontThatHasThemOrTheWhiteSquare()
    {
        const string city = "湘潭市雨湖区";

        // No font installed (CI): the white square in place of each character the subset lacks, never an empty glyph.
        var bare = ChartFonts.ShippedOnly.Runs("第七组" + city, bold: false);
        Assert.Equal("第七组□□□□□□", string.Concat(bare.Select(r => r.Text)));
        Assert.All(bare, r => Assert.Same(ChartFonts.Shipped(bold: false), r.Typeface));

        // With the machine's fonts: whatever draws a character has its glyph (an installed CJK font, or the square again).
        var runs = ChartFonts.Default.Runs(city, bold: true);
        Assert.All(runs, r => Assert.All(r.Text.EnumerateRunes(), c => Assert.True(r.Typeface.ContainsGlyph(c.Value), $"'{c}' in {r.Typeface.FamilyName}")));
        Assert.Equal(StatsChart.CanDraw(city), !string.Concat(runs.Select(r => r.Text)).Contains(ChartFonts.Missing, StringComparison.Ordinal));
    }

    [Fact]
    public void Png_BrokenTextAndHugeCounts_StillRenders()
    {
        var data = new StatsChartData(
            "\uD800\t" + new string('长', 80), "\r\n",
            [
                new("", []),
                new("按状态", [new("待整改\n第二行", int.MaxValue), new("\u0378", -5), new("", 0, ChartAccent.Overdue)]),
            ])
        { Highlights = [new(new string('期', 60), ChartAccent.MajorHazard)] };

        var layout = StatsChart.Layout(data, ChartFonts.ShippedOnly);
        using var bitmap = SKBitmap.Decode(StatsChart.Png(data, ChartFonts.ShippedOnly));

        Assert.Equal(StatsChart.Width, bitmap.Width);
        Assert.All(layout.Texts, t => Assert.InRange(t.Ink.Right, 0, StatsChart.Width - 40));
        Assert.Contains(layout.Texts, t => t.Text == "待整改 第二行");
        Assert.Contains(layout.Texts, t => t.Text == "0"); // a negative count is drawn as none
        Assert.EndsWith("…", layout.Texts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Condense_MoreThanTwelveCategories_KeepsLargestAndSumsTheRest()
    {
        var bars = Enumerable.Range(1, 15).Select(i => new StatsChartBar("行业" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i)).ToList();

        var kept = StatsChart.Condense(bars);

        Assert.Equal(StatsChart.MaxBars, kept.Count);
        Assert.Equal(new StatsChartBar("…", 1 + 2 + 3 + 4), kept[^1]);
        Assert.Equal("行业5", kept[0].Label); // the kept bars stay in the given order
        Assert.Equal(bars.Sum(b => b.Count), kept.Sum(b => b.Count));
    }

    // ---------------------------------------------------------------- helpers

    private static StatsChartData Data(Language language, List<Finding> findings) =>
        LedgerJobs.ChartData(TextCatalog.Default.For(language), Team7, findings, Today, findings.Count(f => f.DaysOverdue(Today) > 0));

    /// <summary>Every status, sector, aspect and severity at least once; some deadlines past, some not.</summary>
    private static List<Finding> EveryCategory()
    {
        var statuses = Enum.GetValues<RectificationStatus>();
        var aspects = Enum.GetValues<Aspect>();
        var severities = Enum.GetValues<Severity>();
        return [.. Enum.GetValues<Sector>().SelectMany((sector, i) => Enumerable.Range(0, 1 + (i % 4)).Select(j => new Finding
        {
            Sector = sector,
            Status = statuses[(i + j) % statuses.Length],
            Aspect = aspects[(i + j) % aspects.Length],
            Severity = severities[(i + (2 * j)) % severities.Length],
            Deadline = Today.AddDays(((i + j) % 3) - 1),
        }))];
    }

    private static int InkHeight(SKBitmap bitmap, SKRect area)
    {
        var rows = Enumerable.Range((int)area.Top - 4, (int)area.Height + 8)
            .Where(y => Enumerable.Range((int)area.Left, (int)area.Width).Any(x => bitmap.GetPixel(x, y).Red < 128))
            .ToList();
        return rows.Count == 0 ? 0 : rows[^1] - rows[0] + 1;
    }

    private static int CountNear(SKBitmap bitmap, SKColor color) =>
        bitmap.Pixels.Count(p => Math.Abs(p.Red - color.Red) + Math.Abs(p.Green - color.Green) + Math.Abs(p.Blue - color.Blue) < 24);
}
