using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Assistant.Core.Common;

/// <summary>
/// Reads a date the way people type it in Chinese or English: ISO and Chinese calendar forms
/// (2023-11-30, 2023年11月30日, 11月30号, 11-30), slashed forms (30/11, 11/30), English month names
/// (30 Nov, Nov 30, 2023), relative days (明天, 3天后, 下周五, 月底, tomorrow, in 2 weeks, next monday)
/// and offsets (+7, +2w). Pure: the caller passes today, nothing is read from a clock, nothing throws.
/// </summary>
/// <remarks>
/// Weeks start on Monday (ISO). 下周X / next X is that weekday in the next week; 本周X / 这周X / this X is that
/// weekday in the current week, possibly in the past; a bare 周X / 星期X / weekday name is the first such day
/// on or after today.
/// </remarks>
public static partial class DateInput
{
    private const string ChineseWeekdays = "一二三四五六日天";

    private static readonly Dictionary<string, int> RelativeDays = new(StringComparer.Ordinal)
    {
        ["今天"] = 0, ["今日"] = 0, ["today"] = 0,
        ["明天"] = 1, ["明日"] = 1, ["tomorrow"] = 1, ["tmr"] = 1, ["tmrw"] = 1,
        ["后天"] = 2, ["day after tomorrow"] = 2, ["the day after tomorrow"] = 2,
        ["大后天"] = 3,
        ["昨天"] = -1, ["昨日"] = -1, ["yesterday"] = -1,
        ["前天"] = -2,
        ["大前天"] = -3,
    };

    private static readonly Dictionary<string, int> EnglishWeekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = 0, ["mon"] = 0,
        ["tuesday"] = 1, ["tue"] = 1, ["tues"] = 1,
        ["wednesday"] = 2, ["wed"] = 2,
        ["thursday"] = 3, ["thu"] = 3, ["thur"] = 3, ["thurs"] = 3,
        ["friday"] = 4, ["fri"] = 4,
        ["saturday"] = 5, ["sat"] = 5,
        ["sunday"] = 6, ["sun"] = 6,
    };

    private static readonly Dictionary<string, int> EnglishMonths = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1,
        ["february"] = 2, ["feb"] = 2,
        ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["may"] = 5,
        ["june"] = 6, ["jun"] = 6,
        ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["october"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>The pattern readers, tried in order; the first that recognizes the text decides.</summary>
    private static readonly DateRule[] Rules =
    [
        RelativeDay,
        Offset,
        ChineseCount,
        EnglishCount,
        ChineseWeekday,
        EnglishWeekday,
        MonthEnd,
        ChineseDayOfRelativeMonth,
        NumericWithYear,
        ChineseWithYear,
        NumericYearless,
        ChineseYearless,
        Slashed,
        EnglishDayMonth,
        EnglishMonthDay,
    ];

    /// <summary>A pattern reader: null when the text is not its form, otherwise the date or the error.</summary>
    private delegate DateInputResult? DateRule(string text, DateContext context);

    private enum WeekAnchor
    {
        OnOrAfterToday,
        LastWeek,
        ThisWeek,
        NextWeek,
    }

    /// <summary>Quick-button offsets used by the bot: today, +3, +7, +15, +30 days.</summary>
    public static IReadOnlyList<int> QuickOffsets { get; } = [0, 3, 7, 15, 30];

    /// <summary>Years either side of today that a deadline or a looked-up day may lie in.</summary>
    public const int PlausibleYears = 100;

    /// <summary>
    /// Whether a date a person typed is near enough to today to be meant (9999-12-31 is a typing
    /// mistake or a probe); the callers' date arithmetic also needs room before the calendar ends.
    /// </summary>
    public static bool IsPlausible(DateOnly date, DateOnly today) => Math.Abs(date.Year - today.Year) <= PlausibleYears;

    /// <summary>Reads <paramref name="input"/> as a date relative to <paramref name="today"/>. Never throws.</summary>
    public static DateInputResult Parse(string? input, DateOnly today, DateInputOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return DateInputResult.Failure(DateInputError.Empty);
        }

        var text = InputText.Normalize(input);
        return text is null
            ? DateInputResult.Failure(DateInputError.Unrecognized)
            : ParseNormalized(text, today, options ?? DateInputOptions.Default);
    }

    /// <summary>Reads text that has already been through <see cref="InputText.Normalize"/>.</summary>
    internal static DateInputResult ParseNormalized(string text, DateOnly today, DateInputOptions options)
    {
        if (text.Length == 0)
        {
            return DateInputResult.Failure(DateInputError.Empty);
        }

        var context = new DateContext(today, options);
        foreach (var rule in Rules)
        {
            if (rule(text, context) is { } result)
            {
                return RejectPast(result, context);
            }
        }

        return DateInputResult.Failure(DateInputError.Unrecognized);
    }

    private static DateInputResult RejectPast(DateInputResult result, DateContext context) =>
        result.Ok && !context.Options.AllowsPast && result.Date < context.Today
            ? result with { Error = DateInputError.InPast }
            : result;

    // 今天, 明天, 后天, 大后天, 昨天, 前天, today, tomorrow, tmr, day after tomorrow, yesterday
    private static DateInputResult? RelativeDay(string text, DateContext context) =>
        RelativeDays.TryGetValue(text, out var days) ? DateArithmetic.AddDays(context.Today, days) : null;

    // +7, + 7, +7d, +2w, +7天
    private static DateInputResult? Offset(string text, DateContext context)
    {
        var match = OffsetPattern().Match(text);
        return match.Success ? DateArithmetic.AddCount(context.Today, Number(match.Groups["count"]), match.Groups["unit"].Value) : null;
    }

    // 3天后, 3日后, 2周后, 2个星期后, 1个月后, 10天以后
    private static DateInputResult? ChineseCount(string text, DateContext context)
    {
        var match = ChineseCountPattern().Match(text);
        return match.Success ? DateArithmetic.AddCount(context.Today, Number(match.Groups["count"]), match.Groups["unit"].Value) : null;
    }

    // in 3 days, 3 days, in 2 weeks, 1 month from now
    private static DateInputResult? EnglishCount(string text, DateContext context)
    {
        var match = EnglishCountPattern().Match(text);
        return match.Success ? DateArithmetic.AddCount(context.Today, Number(match.Groups["count"]), match.Groups["unit"].Value) : null;
    }

    // 下周一, 下星期三, 下礼拜五, 本周五, 这周五, 上周五, 周五, 星期天
    private static DateInputResult? ChineseWeekday(string text, DateContext context)
    {
        var match = ChineseWeekdayPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var weekday = Math.Min(ChineseWeekdays.IndexOf(match.Groups["day"].Value, StringComparison.Ordinal), 6); // 日 and 天 are Sunday
        var anchor = match.Groups["which"].Value switch
        {
            "" => WeekAnchor.OnOrAfterToday,
            ['下', ..] => WeekAnchor.NextWeek,
            ['上', ..] => WeekAnchor.LastWeek,
            _ => WeekAnchor.ThisWeek, // 本, 这, 这个
        };
        return ResolveWeekday(context.Today, weekday, anchor);
    }

    // next monday, this friday, monday, mon
    private static DateInputResult? EnglishWeekday(string text, DateContext context)
    {
        var match = EnglishWeekdayPattern().Match(text);
        if (!match.Success || !EnglishWeekdays.TryGetValue(match.Groups["day"].Value, out var weekday))
        {
            return null;
        }

        var anchor = match.Groups["which"].Value switch
        {
            "next" => WeekAnchor.NextWeek,
            "this" => WeekAnchor.ThisWeek,
            _ => WeekAnchor.OnOrAfterToday,
        };
        return ResolveWeekday(context.Today, weekday, anchor);
    }

    // 月底, 本月底, 下个月底, end of month, end of the month, end of next month
    private static DateInputResult? MonthEnd(string text, DateContext context)
    {
        var match = MonthEndPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var monthsAhead = match.Groups["next"].Success ? 1 : 0;
        var first = new DateOnly(context.Today.Year, context.Today.Month, 1);
        return DateArithmetic.AddMonths(first, monthsAhead) is { Ok: true } month
            ? DateArithmetic.CreateDate(month.Date.Year, month.Date.Month, DateTime.DaysInMonth(month.Date.Year, month.Date.Month))
            : DateInputResult.Failure(DateInputError.Impossible);
    }

    // 下个月5号, 下月5日, 本月20号, 这个月20日
    private static DateInputResult? ChineseDayOfRelativeMonth(string text, DateContext context)
    {
        var match = ChineseRelativeMonthPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var monthsAhead = match.Groups["which"].Value.StartsWith('下') ? 1 : 0;
        var first = new DateOnly(context.Today.Year, context.Today.Month, 1);
        return DateArithmetic.AddMonths(first, monthsAhead) is { Ok: true } month
            ? DateArithmetic.CreateDate(month.Date.Year, month.Date.Month, Number(match.Groups["day"]))
            : DateInputResult.Failure(DateInputError.Impossible);
    }

    // 2023-11-30, 2023/11/30, 2023.11.30
    private static DateInputResult? NumericWithYear(string text, DateContext context)
    {
        var match = NumericWithYearPattern().Match(text);
        return match.Success ? CreateDate(match) : null;
    }

    // 2023年11月30日, 2023年11月30号, 2023年11月30
    private static DateInputResult? ChineseWithYear(string text, DateContext context)
    {
        var match = ChineseWithYearPattern().Match(text);
        return match.Success ? CreateDate(match) : null;
    }

    // 11-30, 11.30 (always month first)
    private static DateInputResult? NumericYearless(string text, DateContext context)
    {
        var match = NumericYearlessPattern().Match(text);
        return match.Success ? ResolveYearless(Number(match.Groups["month"]), Number(match.Groups["day"]), context) : null;
    }

    // 11月30日, 11月30号, 11月30
    private static DateInputResult? ChineseYearless(string text, DateContext context)
    {
        var match = ChineseYearlessPattern().Match(text);
        return match.Success ? ResolveYearless(Number(match.Groups["month"]), Number(match.Groups["day"]), context) : null;
    }

    // 30/11 (D/M), 11/30 (M/D), 5/11 (ambiguous), 30/11/2023
    private static DateInputResult? Slashed(string text, DateContext context)
    {
        var match = SlashedPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var first = Number(match.Groups["first"]);
        var second = Number(match.Groups["second"]);
        if (first == 0 || second == 0 || (first > 12 && second > 12))
        {
            return DateInputResult.Failure(DateInputError.Impossible);
        }

        if (first <= 12 && second <= 12 && first != second)
        {
            return DateInputResult.Failure(DateInputError.Ambiguous);
        }

        var (month, day) = first > 12 ? (second, first) : (first, second);
        return match.Groups["year"].Success
            ? DateArithmetic.CreateDate(Number(match.Groups["year"]), month, day)
            : ResolveYearless(month, day, context);
    }

    // 30 Nov, 30 November 2023, 1st Dec
    private static DateInputResult? EnglishDayMonth(string text, DateContext context) =>
        EnglishMonthDate(EnglishDayMonthPattern().Match(text), context);

    // Nov 30, November 30, Nov 30, 2023
    private static DateInputResult? EnglishMonthDay(string text, DateContext context) =>
        EnglishMonthDate(EnglishMonthDayPattern().Match(text), context);

    private static DateInputResult? EnglishMonthDate(Match match, DateContext context)
    {
        if (!match.Success || !EnglishMonths.TryGetValue(match.Groups["month"].Value, out var month))
        {
            return null;
        }

        var day = Number(match.Groups["day"]);
        return match.Groups["year"].Success
            ? DateArithmetic.CreateDate(Number(match.Groups["year"]), month, day)
            : ResolveYearless(month, day, context);
    }

    private static DateInputResult ResolveWeekday(DateOnly today, int weekday, WeekAnchor anchor)
    {
        var todayIndex = ((int)today.DayOfWeek + 6) % 7; // Monday = 0 … Sunday = 6
        var offset = anchor switch
        {
            WeekAnchor.OnOrAfterToday => (weekday - todayIndex + 7) % 7,
            WeekAnchor.ThisWeek => weekday - todayIndex,
            WeekAnchor.NextWeek => weekday - todayIndex + 7,
            WeekAnchor.LastWeek => weekday - todayIndex - 7,
            _ => throw new UnreachableException(),
        };
        return DateArithmetic.AddDays(today, offset);
    }

    /// <summary>Gives a month and day without a year the year the one rule chooses (<see cref="YearlessDay"/>).</summary>
    private static DateInputResult ResolveYearless(int month, int day, DateContext context)
    {
        // Reject what no year can hold first (11-31, 13月1日); 2月29日 passes and depends on the year.
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            return DateInputResult.Failure(DateInputError.Impossible);
        }

        return YearlessDay.Resolve(month, day, context.Today, context.Options) is { } date
            ? DateInputResult.Success(date)
            : DateInputResult.Failure(DateInputError.Impossible);
    }

    private static DateInputResult CreateDate(Match match) =>
        DateArithmetic.CreateDate(Number(match.Groups["year"]), Number(match.Groups["month"]), Number(match.Groups["day"]));

    /// <summary>Reads a captured number; the patterns capture at most four ASCII digits.</summary>
    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\+ ?(?<count>[0-9]{1,4}) ?(?<unit>d|w|天|日|周)?$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^(?<count>[0-9]{1,4})(?<unit>天|日|周|个?星期|个?礼拜|个月)[以之]?后$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseCountPattern();

    [GeneratedRegex(@"^(?:in )?(?<count>[0-9]{1,4}) ?(?<unit>days?|weeks?|months?)(?: later| from now)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishCountPattern();

    [GeneratedRegex(@"^(?<which>下个?|上个?|本|这个?)?(?:周|星期|礼拜)(?<day>[一二三四五六日天])$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseWeekdayPattern();

    [GeneratedRegex(@"^(?:(?<which>next|this) )?(?<day>[a-z]+)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWeekdayPattern();

    [GeneratedRegex(@"^(?:(?:本|这个?|(?<next>下个?))?月底|end of (?:the )?(?:this |(?<next>next ))?month)$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthEndPattern();

    [GeneratedRegex(@"^(?<which>下个?|本|这个?)月(?<day>[0-9]{1,2})[日号]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseRelativeMonthPattern();

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?<separator>[-/.])(?<month>[0-9]{1,2})\k<separator>(?<day>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericWithYearPattern();

    [GeneratedRegex(@"^(?<year>[0-9]{4})年(?<month>[0-9]{1,2})月(?<day>[0-9]{1,2})[日号]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseWithYearPattern();

    [GeneratedRegex(@"^(?<month>[0-9]{1,2})[-.](?<day>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericYearlessPattern();

    [GeneratedRegex(@"^(?<month>[0-9]{1,2})月(?<day>[0-9]{1,2})[日号]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseYearlessPattern();

    [GeneratedRegex(@"^(?<first>[0-9]{1,2})/(?<second>[0-9]{1,2})(?:/(?<year>[0-9]{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlashedPattern();

    [GeneratedRegex(@"^(?<day>[0-9]{1,2})(?:st|nd|rd|th)? ?(?<month>[a-z]+)\.?(?:,? (?<year>[0-9]{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishDayMonthPattern();

    [GeneratedRegex(@"^(?<month>[a-z]+)\.? ?(?<day>[0-9]{1,2})(?:st|nd|rd|th)?(?:,? (?<year>[0-9]{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishMonthDayPattern();

    private readonly record struct DateContext(DateOnly Today, DateInputOptions Options);
}
