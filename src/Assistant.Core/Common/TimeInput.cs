using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Assistant.Core.Common;

/// <summary>Why a typed time of day was not accepted.</summary>
public enum TimeInputError
{
    /// <summary>The time was read.</summary>
    None,

    /// <summary>Nothing but whitespace was typed.</summary>
    Empty,

    /// <summary>The text is not a time in any supported form (including four bare digits such as 0830).</summary>
    Unrecognized,

    /// <summary>The form is right but no such time exists (25:00, 8:61, 下午13点, 13pm).</summary>
    Impossible,
}

/// <summary>The outcome of reading a time of day; <see cref="Time"/> is meaningful only when <see cref="Ok"/>.</summary>
public readonly record struct TimeInputResult(TimeOnly Time, TimeInputError Error)
{
    public bool Ok => Error == TimeInputError.None;

    internal static TimeInputResult Success(TimeOnly time) => new(time, TimeInputError.None);

    internal static TimeInputResult Failure(TimeInputError error) => new(default, error);
}

/// <summary>
/// Reads a time of day the way people type it: 24-hour clock (8:30, 14:30, 8：30), Chinese
/// (8点, 8点半, 8点30分, 下午2点半, 晚上7点半, 中午12点, 凌晨5点) and English (9am, 9:30 am, 2:30pm, noon).
/// Pure and never throws.
/// </summary>
public static partial class TimeInput
{
    private static readonly Dictionary<string, TimeOnly> NamedTimes = new(StringComparer.Ordinal)
    {
        ["noon"] = new(12, 0),
        ["midday"] = new(12, 0),
        ["中午"] = new(12, 0),
        ["正午"] = new(12, 0),
        ["midnight"] = new(0, 0),
        ["午夜"] = new(0, 0),
    };

    /// <summary>What a word before the hour (上午, 下午, am, pm …) says about the half of the day.</summary>
    private enum DayPeriod
    {
        /// <summary>No word: a 24-hour clock.</summary>
        None,

        /// <summary>am: 12am is midnight.</summary>
        Am,

        /// <summary>pm: 12pm is noon.</summary>
        Pm,

        /// <summary>凌晨: small hours, 凌晨12点 is midnight.</summary>
        SmallHours,

        /// <summary>早上, 早晨, 清晨, 上午, 早: the hour as typed.</summary>
        Morning,

        /// <summary>中午: 11 and 12 as typed, 1 to 10 after noon.</summary>
        Noon,

        /// <summary>下午, 傍晚: after noon, 下午12点 is noon.</summary>
        Afternoon,

        /// <summary>晚上, 晚: after noon, 晚上12点 is midnight.</summary>
        Evening,
    }

    /// <summary>Reads <paramref name="input"/> as a time of day. Never throws.</summary>
    public static TimeInputResult Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return TimeInputResult.Failure(TimeInputError.Empty);
        }

        var text = InputText.Normalize(input);
        return text is null ? TimeInputResult.Failure(TimeInputError.Unrecognized) : ParseNormalized(text);
    }

    /// <summary>Reads text that has already been through <see cref="InputText.Normalize"/>.</summary>
    internal static TimeInputResult ParseNormalized(string text)
    {
        if (text.Length == 0)
        {
            return TimeInputResult.Failure(TimeInputError.Empty);
        }

        if (NamedTimes.TryGetValue(text, out var named))
        {
            return TimeInputResult.Success(named);
        }

        var english = EnglishPattern().Match(text);
        if (english.Success)
        {
            var period = english.Groups["meridiem"].Value == "a" ? DayPeriod.Am : DayPeriod.Pm;
            var minute = english.Groups["minute"].Success ? Number(english.Groups["minute"]) : 0;
            return Create(Number(english.Groups["hour"]), minute, period);
        }

        var chinese = ChinesePattern().Match(text);
        if (chinese.Success)
        {
            return Create(Number(chinese.Groups["hour"]), ChineseMinute(chinese), ChinesePeriod(chinese.Groups["period"].Value));
        }

        return TimeInputResult.Failure(TimeInputError.Unrecognized);
    }

    /// <summary>Minutes of a Chinese time: 半 is 30, N刻 is N quarters, nothing or 整 is 0; -1 when impossible.</summary>
    private static int ChineseMinute(Match match)
    {
        if (match.Groups["half"].Success)
        {
            return 30;
        }

        if (match.Groups["quarter"].Success)
        {
            var quarters = Number(match.Groups["quarter"]);
            return quarters is >= 1 and <= 3 ? quarters * 15 : -1;
        }

        return match.Groups["minute"].Success ? Number(match.Groups["minute"]) : 0;
    }

    private static DayPeriod ChinesePeriod(string word) => word switch
    {
        "" => DayPeriod.None,
        "凌晨" => DayPeriod.SmallHours,
        "中午" => DayPeriod.Noon,
        "下午" or "傍晚" => DayPeriod.Afternoon,
        "晚上" or "晚" => DayPeriod.Evening,
        _ => DayPeriod.Morning, // 早上, 早晨, 清晨, 上午, 早
    };

    /// <summary>Turns an hour as typed plus the period word into a 24-hour time, or reports it impossible.</summary>
    private static TimeInputResult Create(int hour, int minute, DayPeriod period)
    {
        var hour24 = period switch
        {
            DayPeriod.None => hour,
            _ when hour > 12 => -1, // 下午13点, 13pm: a period word asks for a 12-hour clock
            DayPeriod.Am => hour == 0 ? -1 : hour % 12,
            DayPeriod.Pm => hour == 0 ? -1 : (hour % 12) + 12,
            DayPeriod.SmallHours => hour % 12,
            DayPeriod.Morning => hour,
            DayPeriod.Noon => hour is 0 ? -1 : hour >= 11 ? hour : hour + 12,
            DayPeriod.Afternoon => hour is 0 ? -1 : hour == 12 ? 12 : hour + 12,
            DayPeriod.Evening => hour is 0 ? -1 : hour == 12 ? 0 : hour + 12,
            _ => throw new UnreachableException(),
        };

        return hour24 is >= 0 and <= 23 && minute is >= 0 and <= 59
            ? TimeInputResult.Success(new TimeOnly(hour24, minute))
            : TimeInputResult.Failure(TimeInputError.Impossible);
    }

    /// <summary>Reads a captured number; the patterns capture at most two ASCII digits.</summary>
    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    // 9am, 9 am, 9:30 am, 2:30pm, 9 a.m.
    [GeneratedRegex(@"^(?<hour>[0-9]{1,2})(?::(?<minute>[0-9]{2}))? ?(?<meridiem>[ap])\.?m\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishPattern();

    // [period] then either H:MM or H点 with 半 / MM分 / MM / N刻 / 整: 8:30, 下午2:30, 8点, 8点半, 8点30分, 8点05, 8点1刻, 8点钟
    [GeneratedRegex(
        @"^(?<period>凌晨|早上|早晨|清晨|上午|早|中午|下午|傍晚|晚上|晚)?" +
        @"(?:(?<hour>[0-9]{1,2})(?:点钟|点|时)(?:(?<half>半)|(?<minute>[0-9]{1,2})分|(?<minute>[0-9]{2})|(?<quarter>[0-9])刻|整)?" +
        @"|(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2}))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChinesePattern();
}
