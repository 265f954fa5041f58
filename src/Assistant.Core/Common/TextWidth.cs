namespace Assistant.Core.Common;

/// <summary>
/// How wide a text is drawn, roughly, in half-width units: an East Asian wide character counts two, anything else one;
/// for text with line breaks, the widest line. The workbook's and the documents' column widths use it (in Excel's
/// column units these are the same), and the conversations to lay out buttons.
/// </summary>
public static class TextWidth
{
    public static int Of(string value)
    {
        var widest = 0;
        var current = 0;
        foreach (var c in value)
        {
            if (c == '\n')
            {
                widest = Math.Max(widest, current);
                current = 0;
            }
            else if (char.IsLowSurrogate(c))
            {
                current++; // the pair (mostly CJK extension B and emoji) counts two in all
            }
            else
            {
                current += IsWide(c) ? 2 : 1;
            }
        }

        return Math.Max(widest, current);
    }

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60')
            or (>= '\uFFE0' and <= '\uFFE6');
}
