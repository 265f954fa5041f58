using System.Collections.Concurrent;
using SkiaSharp;

namespace Assistant.Core.Ledger.Documents;

/// <summary>A piece of text drawn with one typeface.</summary>
internal readonly record struct TextRun(string Text, SKTypeface Typeface);

/// <summary>
/// The typefaces the chart draws with. First the subset of Noto Sans CJK SC shipped inside the program
/// (<c>Fonts/</c>, the chart's fixed vocabulary in both languages, digits, Latin letters and punctuation), so the
/// chart reads the same on a server with no font installed at all. For a character outside the subset (a team's own
/// name), a system font that has it, when there is one. When none has it, <see cref="Missing"/> in its place (the
/// mark Chinese texts use for a character that cannot be shown): the reader sees that something is there, and
/// nothing throws.
/// </summary>
internal sealed class ChartFonts
{
    // System fonts tried first for what the subset lacks: faces that look like the shipped one.
    private static readonly string[] PreferredFamilies =
    [
        "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
        "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Droid Sans Fallback", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial",
    ];

    private static readonly string[] ChineseLocales = ["zh-Hans", "zh-CN"];

    private static readonly Lazy<SKTypeface> ShippedRegular = new(() => Load("NotoSansCJKSCChartSubset-Regular.otf"));
    private static readonly Lazy<SKTypeface> ShippedBold = new(() => Load("NotoSansCJKSCChartSubset-Bold.otf"));

    // Typefaces of installed families, opened once each and kept for the life of the process.
    private static readonly ConcurrentDictionary<(string Family, bool Bold), SKTypeface?> SystemFaces = new();

    private readonly bool useSystemFonts;
    private readonly ConcurrentDictionary<(int CodePoint, bool Bold), SKTypeface?> fallbacks = new();

    private ChartFonts(bool useSystemFonts) => this.useSystemFonts = useSystemFonts;

    /// <summary>Drawn for a character no font has: 虚缺号, the white square.</summary>
    public const string Missing = "□";

    /// <summary>The shipped font, then the system's fonts: what the chart uses.</summary>
    public static ChartFonts Default { get; } = new(useSystemFonts: true);

    /// <summary>The shipped font alone: a machine with no font installed (tests use it).</summary>
    public static ChartFonts ShippedOnly { get; } = new(useSystemFonts: false);

    /// <summary>The shipped typeface of the given weight.</summary>
    public static SKTypeface Shipped(bool bold) => bold ? ShippedBold.Value : ShippedRegular.Value;

    /// <summary>The text cut into runs, each with the typeface that draws it: the shipped one wherever it can.</summary>
    public IReadOnlyList<TextRun> Runs(string text, bool bold)
    {
        var runs = new List<TextRun>();
        var current = new StringBuilder();
        SKTypeface? currentFace = null;
        foreach (var rune in text.EnumerateRunes()) // a lone surrogate comes out as U+FFFD
        {
            var (face, drawn) = Pick(rune, bold, currentFace);
            if (currentFace is not null && face != currentFace)
            {
                runs.Add(new TextRun(current.ToString(), currentFace));
                current.Clear();
            }

            currentFace = face;
            current.Append(drawn);
        }

        if (currentFace is not null)
        {
            runs.Add(new TextRun(current.ToString(), currentFace));
        }

        return runs;
    }

    /// <summary>True when every character of the text has a glyph in the shipped font or in an installed one.</summary>
    public bool CanDraw(string text) =>
        text.EnumerateRunes().All(c => Shipped(bold: false).ContainsGlyph(c.Value) || Fallback(c.Value, bold: false) is not null);

    // The shipped font if it has the character; else the font of the run before, if it has it (fewer runs); else an
    // installed font; else the shipped font with the white square instead of the character.
    private (SKTypeface Face, string Drawn) Pick(Rune rune, bool bold, SKTypeface? previous)
    {
        var shipped = Shipped(bold);
        if (shipped.ContainsGlyph(rune.Value))
        {
            return (shipped, rune.ToString());
        }

        if (previous is not null && previous != shipped && previous.ContainsGlyph(rune.Value))
        {
            return (previous, rune.ToString());
        }

        return Fallback(rune.Value, bold) is { } installed ? (installed, rune.ToString()) : (shipped, Missing);
    }

    private SKTypeface? Fallback(int codePoint, bool bold) =>
        useSystemFonts ? fallbacks.GetOrAdd((codePoint, bold), key => FindInstalled(key.CodePoint, key.Bold)) : null;

    private static SKTypeface? FindInstalled(int codePoint, bool bold)
    {
        try
        {
            var manager = SKFontManager.Default;
            var style = bold ? SKFontStyle.Bold : SKFontStyle.Normal;

            // fontconfig, Windows and macOS answer this directly; SkiaSharp's Linux build without dependencies
            // (the one this project ships) answers null and is asked family by family below.
            var matched = manager.MatchCharacter(null, style, ChineseLocales, codePoint);
            if (matched is not null)
            {
                var kept = matched.ContainsGlyph(codePoint) ? SystemFaces.GetOrAdd((matched.FamilyName, bold), matched) : null;
                if (!ReferenceEquals(kept, matched))
                {
                    matched.Dispose();
                }

                if (kept is not null && kept.ContainsGlyph(codePoint))
                {
                    return kept;
                }
            }

            var families = PreferredFamilies.Concat(manager.FontFamilies.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
            foreach (var family in families)
            {
                var face = SystemFaces.GetOrAdd((family, bold), key => Open(manager, key.Family, key.Bold));
                if (face is not null && face.ContainsGlyph(codePoint))
                {
                    return face;
                }
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or InvalidOperationException or EntryPointNotFoundException)
        {
            // No usable font manager: the shipped font draws its empty box instead.
        }

        return null;
    }

    private static SKTypeface? Open(SKFontManager manager, string family, bool bold)
    {
        if (string.IsNullOrWhiteSpace(family))
        {
            return null;
        }

        var face = manager.MatchFamily(family, bold ? SKFontStyle.Bold : SKFontStyle.Normal);
        if (face is null || face.GlyphCount == 0 || !string.Equals(face.FamilyName, family, StringComparison.OrdinalIgnoreCase))
        {
            face?.Dispose(); // a substitute for a family that is not installed: the loop reaches it under its own name
            return null;
        }

        return face;
    }

    private static SKTypeface Load(string file)
    {
        var name = "Assistant.Core.Ledger.Documents.Fonts." + file;
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The chart font {name} is not embedded in the program.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"SkiaSharp could not read the chart font {name}.");
    }
}
