namespace Assistant.Core.Summaries.Documents;

/// <summary>The column widths of a <see cref="BriefDocx"/> table (in twips), shared out by how much text each column holds.</summary>
internal static class BriefTableWidths
{
    /// <summary>
    /// Column widths follow how much text each column holds: its average text, or half its widest where a few long
    /// texts stand among short ones (a basis among dashes), within these bounds (in character widths). A column of
    /// long problems so outweighs one of states or dates, which keep only the least width they need.
    /// </summary>
    private const int NarrowestColumn = 4;

    private const int WidestColumn = 60;

    /// <summary>
    /// A half-width character of table text (12 pt) is about 6 pt: 120 twips. A cell's margins (<see cref="CellMargin"/>)
    /// take about one more, and a font a reader's machine puts in for a missing one may be wider: two in all.
    /// </summary>
    private const int TwipsPerHalfWidth = 120;

    private const int CellPadding = 2;

    /// <summary>The left and right margin inside a table cell: 0.1 cm (Word's default, 0.19 cm, costs a ten-column table a column).</summary>
    internal const int CellMargin = 57;

    /// <summary>
    /// A text this short (in half widths: 一般隐患, 限期整改, 序号) keeps to one line: a heading always, a column's texts
    /// where all of them are this short.
    /// </summary>
    private const int ShortLabel = 8;

    /// <summary>The text width shared out by the weight of each column, each at least as wide as its least width.</summary>
    internal static int[] Of(BriefTable source, int columns, int textWidth)
    {
        var weights = new int[columns];
        var least = new int[columns];
        for (var i = 0; i < columns; i++)
        {
            var texts = source.Rows.Where(r => i < r.Count).Select(r => XmlText.Clean(r[i])).Prepend(i < source.Headings.Count ? XmlText.Clean(source.Headings[i]) : "").ToList();
            var cells = texts.Skip(1).Select(TextWidth.Of).DefaultIfEmpty(TextWidth.Of(texts[0])).ToList();
            var widest = cells.Max();
            weights[i] = Math.Clamp(Math.Max((int)cells.Average(), widest / 2), NarrowestColumn, WidestColumn);

            // A code, a number or a date must not break inside ("G7-00 / 1", "2026年1 / 2月10日"), nor a two-character
            // heading ("序 / 号"), nor a short label ("限期整 / 改"): a column whose texts are all short keeps each whole.
            var unbreakable = texts.Max(LongestUnbreakable);
            var heading = Math.Min(TextWidth.Of(texts[0]), ShortLabel);
            var label = widest <= ShortLabel ? widest : 0;
            least[i] = (Math.Max(Math.Max(unbreakable, heading), label) + CellPadding) * TwipsPerHalfWidth;
        }

        // A table too narrow for every column's least width shares the page out in their proportion instead.
        var leastTotal = least.Sum();
        if (leastTotal > textWidth)
        {
            least = [.. least.Select(w => (int)((long)w * textWidth / leastTotal))];
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

        // What rounding left over (a few twips either way) goes to the column with the most to spare.
        var roomiest = Enumerable.Range(0, columns).MaxBy(i => widths[i] - least[i]);
        widths[roomiest] += textWidth - widths.Sum();
        return widths;
    }

    /// <summary>
    /// The display width of the longest run where no line may break: Latin letters (a capital counted as two, it is
    /// wider than a digit), digits and their punctuation, and a date with its units (2026年12月10日: a renderer that may
    /// break it breaks it anywhere, "2026年1 / 2月10日"). A unit counts three: two for itself, one for the space Word
    /// and LibreOffice put between Chinese and Latin text.
    /// </summary>
    internal static int LongestUnbreakable(string text)
    {
        var longest = 0;
        var run = 0;
        var previous = ' ';
        foreach (var c in text)
        {
            run = char.IsAsciiLetterUpper(c) ? run + 2
                : c < 0x2E80 && !char.IsWhiteSpace(c) ? run + 1
                : c is '年' or '月' or '日' && char.IsAsciiDigit(previous) ? run + 3
                : 0;
            longest = Math.Max(longest, run);
            previous = c;
        }

        return longest;
    }
}
