using System.Text.RegularExpressions;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Numbers, dates and times in the forms an official text writes them, reduced to one canonical
/// value each, so that equivalent forms compare equal: 1.2万 = 12000 = 一万二千, 96% = 百分之九十六,
/// 两家 = 2家, 三处 = 3处, 2023年11月2日 = 11月2日 = 2023-11-02 = 2 November.
/// List numbering (1. 2、 （3）), ordinals (第一, 一是) and fixed phrases (四个方面) are not facts and
/// are left out.
/// </summary>
public static partial class NumberForms
{
    /// <summary>Measure words: a Chinese numeral before one of them counts something.</summary>
    private const string Measures = "家处项个场份次条起件名人位天日周月年台套座栋幢批辆艘吨米元所间层户只组类种宗轮期倍部本张支根块队班段口井";

    /// <summary>Measure words of more than one character.</summary>
    private static readonly string[] LongMeasures = ["小时", "分钟", "公里", "平方米"];

    /// <summary>Set phrases of the work's language whose numerals are names, not counts.</summary>
    private static readonly string[] FixedPhrases =
    [
        "四个方面", "两个维护", "四个意识", "四个自信", "两个确立", "两个至上", "三个必须", "三管三必须", "一岗双责", "党政同责",
        "四不两直", "两个责任", "三同时", "一企一策", "一厂一策", "一案一策", "一单位一档",
    ];

    private const string MonthPattern = @"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>The canonical values of the numbers in the text (dates and times included, as their parts).</summary>
    public static IReadOnlyCollection<string> Values(string text)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var prepared = Prepare(text);
        foreach (var date in Dates(prepared))
        {
            values.Add(Canonical(date.Month));
            values.Add(Canonical(date.Day));
            if (date.Year is { } year)
            {
                values.Add(Canonical(year));
            }
        }

        // Times are checked as times: 14:30 in the input makes 14:30 known, not the numbers 14 and 30.
        values.UnionWith(Numbers(RemoveTimes(prepared)));
        return values;
    }

    /// <summary>The values of the numbers a text states as facts: dates and times are taken out first (they are checked as dates and times).</summary>
    public static IReadOnlyCollection<string> StatedValues(string text)
    {
        var prepared = Prepare(text);
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var date in Dates(prepared))
        {
            if (date.Year is { } year)
            {
                values.Add(Canonical(year));
            }
        }

        values.UnionWith(Numbers(RemoveTimes(RemoveDates(prepared))));
        return values;
    }

    /// <summary>Dates as "month-day" (the year, when written, is checked as a number).</summary>
    public static IReadOnlyCollection<string> DateKeys(string text) => DateMentions(text).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each date with its key ("11-16") and as it is written ("11月16日").</summary>
    public static IEnumerable<(string Key, string Written)> DateMentions(string text) =>
        Dates(Prepare(text)).Select(d => (FormattableString.Invariant($"{d.Month}-{d.Day}"), d.Written));

    /// <summary>Times of day as "H:MM" (14:30, 14时30分, 下午2时30分, 下午2点半).</summary>
    public static IReadOnlyCollection<string> TimeKeys(string text) => TimeMentions(text).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each time of day with its key ("14:30") and as it is written.</summary>
    public static IEnumerable<(string Key, string Written)> TimeMentions(string text) => Times(Prepare(text));

    /// <summary>The value of a Chinese numeral (十二, 两, 一百零一, 二〇二三, 一万二千), or null when it is not one.</summary>
    public static decimal? ParseChinese(string numeral)
    {
        if (numeral.Length == 0 || numeral.Any(c => Digit(c) is null && Unit(c) is null))
        {
            return null;
        }

        if (numeral.All(c => Digit(c) is not null))
        {
            // 二〇二三: digit by digit.
            return decimal.Parse(string.Concat(numeral.Select(c => Digit(c)!.Value.ToString(CultureInfo.InvariantCulture))), CultureInfo.InvariantCulture);
        }

        decimal total = 0, section = 0, digit = 0;
        foreach (var c in numeral)
        {
            if (Digit(c) is { } d)
            {
                digit = d;
                continue;
            }

            var unit = Unit(c)!.Value;
            if (unit >= 10_000)
            {
                total = (total + section + digit) * unit;
                section = 0;
            }
            else
            {
                section += (digit == 0 ? 1 : digit) * unit;
            }

            digit = 0;
        }

        return total + section + digit;
    }

    /// <summary>"12000", "1.5": a number written the one way it is compared.</summary>
    public static string Canonical(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>Full-width digits and signs made ASCII, thousands separators and set phrases removed, finding numbers dropped.</summary>
    private static string Prepare(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '％' => '%',
                '．' => '.',
                '：' => ':',
                _ => c,
            });
        }

        var prepared = ThousandsSeparator().Replace(sb.ToString(), "");
        foreach (var phrase in FixedPhrases)
        {
            prepared = prepared.Replace(phrase, " ", StringComparison.Ordinal);
        }

        prepared = FindingNumber().Replace(prepared, " ");
        return ListMarker().Replace(prepared, "");
    }

    private static IEnumerable<string> Numbers(string text)
    {
        foreach (Match m in ChinesePercent().Matches(text))
        {
            if (ParseChinese(m.Groups[1].Value.Replace("点", "", StringComparison.Ordinal)) is { } value)
            {
                yield return Canonical(value);
            }
        }

        text = ChinesePercent().Replace(text, " ");
        foreach (Match m in ArabicNumber().Matches(text))
        {
            var value = decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            yield return Canonical(m.Groups["x"].Value switch
            {
                "万" => value * 10_000,
                "亿" => value * 100_000_000,
                "千" => value * 1_000,
                _ => value,
            });
        }

        foreach (Match m in ChineseNumber().Matches(text))
        {
            var numeral = m.Value;
            var before = m.Index > 0 ? text[m.Index - 1] : ' ';
            var after = text[(m.Index + m.Length)..];
            // 一 alone is mostly an article (一家企业, 进一步); 第三 is an ordinal; 十分 and 千万 are adverbs:
            // a numeral counts before a measure word, or, when it is a large number (三万), at the end of a clause.
            var counts = (after.Length > 0 && Measures.Contains(after[0], StringComparison.Ordinal))
                || LongMeasures.Any(l => after.StartsWith(l, StringComparison.Ordinal))
                || (numeral.IndexOfAny(['百', '千', '万', '亿']) >= 0 && (after.Length == 0 || "。，；！？,;.!? \n".Contains(after[0], StringComparison.Ordinal)));
            // 1.2万: the 万 multiplies the Arabic number before it; 万 alone is no number.
            var multiplier = char.IsAsciiDigit(before) || before == '.' || !(numeral.Any(c => Digit(c) is not null) || numeral[0] == '十');
            if (!counts || multiplier || numeral == "一" || before == '第' || ParseChinese(numeral) is not { } value)
            {
                continue;
            }

            yield return Canonical(value);
        }
    }

    private sealed record DateValue(int? Year, int Month, int Day, string Written);

    private static IEnumerable<DateValue> Dates(string text)
    {
        foreach (Match m in ChineseDate().Matches(text))
        {
            if (Number(m.Groups["m"].Value) is { } month && Number(m.Groups["d"].Value) is { } day && month is >= 1 and <= 12 && day is >= 1 and <= 31)
            {
                yield return new DateValue(m.Groups["y"].Success ? Number(m.Groups["y"].Value) : null, month, day, m.Value);
            }
        }

        foreach (Match m in IsoDate().Matches(text))
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && day is >= 1 and <= 31)
            {
                yield return new DateValue(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month, day, m.Value);
            }
        }

        foreach (Match m in EnglishDate().Matches(text))
        {
            var name = (m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value).ToLowerInvariant();
            var month = Array.FindIndex(MonthNames, n => n.StartsWith(name, StringComparison.Ordinal)) + 1;
            var day = int.Parse(m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value, CultureInfo.InvariantCulture);
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (month >= 1 && day is >= 1 and <= 31)
            {
                yield return new DateValue(year, month, day, m.Value.Trim());
            }
        }
    }

    private static string RemoveDates(string text) =>
        EnglishDate().Replace(IsoDate().Replace(ChineseDate().Replace(text, " "), " "), " ");

    private static IEnumerable<(string Key, string Written)> Times(string text)
    {
        foreach (Match m in TimePattern().Matches(text))
        {
            yield return (FormattableString.Invariant($"{int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture)}:{m.Groups["m"].Value}"), m.Value);
        }

        foreach (Match m in ChineseTime().Matches(text))
        {
            var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["p"].Value is "下午" or "晚上" && hour < 12)
            {
                hour += 12;
            }

            var minutes = m.Groups["half"].Success ? 30 : m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hour <= 23 && minutes <= 59)
            {
                yield return (FormattableString.Invariant($"{hour}:{minutes:00}"), m.Value);
            }
        }
    }

    private static string RemoveTimes(string text) => ChineseTime().Replace(TimePattern().Replace(text, " "), " ");

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : ParseChinese(text) is { } value ? (int)value
        : null;

    private static int? Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => null,
    };

    private static decimal? Unit(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => null,
    };

    [GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))")]
    private static partial Regex ThousandsSeparator();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{0,5}-\d{1,6}(?!\d)")]
    private static partial Regex FindingNumber();

    [GeneratedRegex(@"(?m)^\s*(?:[-•*]\s*)?(?:\(?\d{1,3}[.、)）](?!\d)|（\d{1,3}）)\s*")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"百分之([零〇一二两三四五六七八九十百点]+)")]
    private static partial Regex ChinesePercent();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)(?<x>万|亿|千)?")]
    private static partial Regex ArabicNumber();

    [GeneratedRegex("[零〇一二两三四五六七八九十百千万亿]+")]
    private static partial Regex ChineseNumber();

    [GeneratedRegex(@"(?:(?<y>\d{4}|[〇零一二三四五六七八九]{4})年)?(?<m>\d{1,2}|[一二三四五六七八九十]{1,3})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})[日号]")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?i)(?<![A-Za-z0-9])(?:(?<d1>\d{1,2})\s+(?<m1>" + MonthPattern + @")|(?<m2>" + MonthPattern + @")\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?)(?![A-Za-z0-9])(?:,?\s+(?<y>\d{4}))?")]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"(?<!\d)(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(?!\d)")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"(?<p>上午|下午|晚上|早上)?(?<!\d)(?<h>\d{1,2})[时点](?:(?<m>\d{1,2})分|(?<half>半))?")]
    private static partial Regex ChineseTime();
}
