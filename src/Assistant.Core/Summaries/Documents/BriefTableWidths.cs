using Assistant.Core.Ledger.Documents;

namespace Assistant.Core.Summaries.Documents;

/// <summary>The column widths of a <see cref="BriefDocx"/> table (in twips), shared out by the widest text of each column.</summary>
internal static class BriefTableWidths
{
    /// <summary>Column widths follow the widest text of each column, within these bounds (in character widths).</summary>
    private const int NarrowestColumn = 4;

    private const int WidestColumn = 30;

    /// <summary>A half-width character of table text (12 pt) is about 6 pt: 120 twips; a cell's margins take about two more.</summary>
    private const int TwipsPerHalfWidth = 120;

    private const int CellPadding = 2;

    /// <summary>The text width shared out by the widest line of each column, bounded so no column starves.</summary>
    internal static int[] Of(BriefTable source, int columns, int textWidth)
    {
        var weights = new int[columns];
        var least = new int[columns];
        for (var i = 0; i < columns; i++)
        {
            var texts = source.Rows.Where(r => i < r.Count).Select(r => SpreadsheetText.Clean(r[i], int.MaxValue)).Prepend(i < source.Headings.Count ? SpreadsheetText.Clean(source.Headings[i], int.MaxValue) : "").ToList();
            weights[i] = Math.Clamp(texts.Max(SpreadsheetText.DisplayWidth), NarrowestColumn, WidestColumn);

            // A code, a number or a date must not break inside ("G7-0 / 01"), nor a two-character heading ("序 / 号").
            var unbreakable = texts.Max(LongestUnbreakable);
            var heading = i < source.Headings.Count ? Math.Min(SpreadsheetText.DisplayWidth(SpreadsheetText.Clean(source.Headings[i], int.MaxValue)), 8) : 0;
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
}
