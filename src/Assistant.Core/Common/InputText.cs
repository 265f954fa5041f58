namespace Assistant.Core.Common;

/// <summary>
/// Brings user-typed date and time text into one canonical shape before pattern matching:
/// invisible characters are dropped (<see cref="TypedText"/>), full-width characters become ASCII, letters become
/// lower case, whitespace is collapsed, spaces next to Chinese characters are dropped (下周 五 → 下周五) and Chinese
/// numerals become digits.
/// </summary>
/// <remarks>
/// Normalizing is idempotent, so a normalized string can be cut into pieces and each piece parsed again.
/// </remarks>
internal static class InputText
{
    /// <summary>Longest normalized text the parsers look at; anything longer is not a date or a time.</summary>
    public const int MaxLength = 64;

    /// <summary>Raw inputs longer than this are rejected before any work is done on them.</summary>
    private const int MaxRawLength = 256;

    private const string WeekdayMarkers = "周期拜"; // 周X, 星期X, 礼拜X

    /// <summary>
    /// Returns the normalized text, or <see langword="null"/> when it is too long to be a date or a time.
    /// The caller handles null and whitespace-only input first.
    /// </summary>
    public static string? Normalize(string input)
    {
        if (input.Length > MaxRawLength)
        {
            return null;
        }

        var mapped = MapCharacters(input);
        if (mapped.Length == 0 && input.Length > 0)
        {
            return null; // nothing but invisible characters: not a date or a time
        }

        var text = ConvertChineseNumerals(CollapseSpaces(mapped));
        return text.Length > MaxLength ? null : text;
    }

    /// <summary>True for the CJK characters this parser cares about (unified ideographs and 〇).</summary>
    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or '〇';

    private static string MapCharacters(string input)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (!TypedText.IsDropped(c))
            {
                builder.Append(MapCharacter(c));
            }
        }

        return builder.ToString();
    }

    private static char MapCharacter(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => char.ToLowerInvariant((char)(c - 0xFEE0)), // full-width ASCII block
        >= '\u2010' and <= '\u2015' or '\u2212' => '-', // hyphens, dashes and the minus sign
        _ when char.IsWhiteSpace(c) => ' ',
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>
    /// Replaces each run of Chinese numerals with digits: 三 → 3, 两 → 2, 十 → 10, 十一 → 11, 三十一 → 31,
    /// 二〇二三 → 2023, 零五 → 05. The weekday character right after 周/星期/礼拜 stays as it is, so that
    /// 周一十点 reads as 周一 10点 rather than 周110点. Runs that are not a well-formed number are left alone.
    /// </summary>
    private static string ConvertChineseNumerals(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!ChineseNumerals.IsNumeral(text[i]))
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            if (i > 0 && WeekdayMarkers.Contains(text[i - 1], StringComparison.Ordinal) && ChineseNumerals.IsWeekday(text[i]))
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && ChineseNumerals.IsNumeral(text[i]))
            {
                i++;
            }

            var run = text[start..i];
            builder.Append(ChineseNumerals.ToDigits(run) ?? run);
        }

        return builder.ToString();
    }

    /// <summary>Trims, collapses whitespace runs to one space and drops spaces that touch a Chinese character.</summary>
    private static string CollapseSpaces(string text)
    {
        var trimmed = text.Trim();
        var builder = new StringBuilder(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c != ' ')
            {
                builder.Append(c);
                continue;
            }

            var previous = builder[^1]; // never empty: the text is trimmed
            var next = trimmed[i + 1]; // never past the end: the text is trimmed
            if (previous != ' ' && next != ' ' && !IsCjk(previous) && !IsCjk(next))
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }
}

/// <summary>Chinese numerals as typed in dates and times: 零〇一二两三四五六七八九十.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static bool IsNumeral(char c) => c is '十' or '两' or '〇' || Digits.Contains(c, StringComparison.Ordinal);

    /// <summary>一 to 六: the characters that name Monday to Saturday after 周/星期/礼拜.</summary>
    public static bool IsWeekday(char c) => c is '一' or '二' or '三' or '四' or '五' or '六';

    /// <summary>
    /// Converts one run of numerals: digit by digit when it has no 十 (二〇二三 → 2023),
    /// otherwise as a number below 100 (十 → 10, 十五 → 15, 二十 → 20, 三十一 → 31).
    /// Returns <see langword="null"/> for malformed runs such as 十十 or 两十 and for non-numerals.
    /// </summary>
    public static string? ToDigits(string run)
    {
        if (run.Length == 0 || !run.All(IsNumeral))
        {
            return null;
        }

        var ten = run.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            var builder = new StringBuilder(run.Length);
            foreach (var c in run)
            {
                builder.Append((char)('0' + DigitValue(c)));
            }

            return builder.ToString();
        }

        var tensPart = run[..ten];
        var onesPart = run[(ten + 1)..];
        if (!IsOptionalDigit(tensPart) || !IsOptionalDigit(onesPart))
        {
            return null;
        }

        var tens = tensPart.Length == 0 ? 1 : DigitValue(tensPart[0]);
        var ones = onesPart.Length == 0 ? 0 : DigitValue(onesPart[0]);
        return (tens * 10 + ones).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Empty or one of 一 to 九: what may stand on either side of 十.</summary>
    private static bool IsOptionalDigit(string part) =>
        part.Length == 0 || (part.Length == 1 && part[0] is not ('零' or '〇' or '两' or '十'));

    private static int DigitValue(char c) => c switch
    {
        '两' => 2,
        '〇' => 0,
        _ => Digits.IndexOf(c, StringComparison.Ordinal),
    };
}
