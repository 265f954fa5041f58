namespace Assistant.Core.Common;

/// <summary>
/// Calendar arithmetic that reports a day outside 0001-9999 or a day no month holds as
/// <see cref="DateInputError.Impossible"/> instead of throwing; used by <see cref="DateInput"/>.
/// </summary>
internal static class DateArithmetic
{
    internal static DateInputResult CreateDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? DateInputResult.Success(new DateOnly(year, month, day))
            : DateInputResult.Failure(DateInputError.Impossible);

    /// <summary>Adds a count of days ("", d, 天, 日, day), weeks (w, 周, 星期, week) or months (个月, month).</summary>
    internal static DateInputResult AddCount(DateOnly today, int count, string unit) => unit switch
    {
        "" or "d" or "day" or "days" or "天" or "日" => AddDays(today, count),
        "w" or "week" or "weeks" or "周" or "星期" or "个星期" or "礼拜" or "个礼拜" => AddDays(today, count * 7L),
        _ => AddMonths(today, count),
    };

    internal static DateInputResult AddDays(DateOnly date, long days)
    {
        var dayNumber = date.DayNumber + days;
        return dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber
            ? DateInputResult.Failure(DateInputError.Impossible)
            : DateInputResult.Success(DateOnly.FromDayNumber((int)dayNumber));
    }

    /// <summary>Adds months, clamping the day to the end of a shorter month (1月31日 + 1 month = 2月28日).</summary>
    internal static DateInputResult AddMonths(DateOnly date, int months)
    {
        var monthIndex = (date.Year * 12L) + date.Month - 1 + months;
        var year = monthIndex / 12;
        if (year is < 1 or > 9999)
        {
            return DateInputResult.Failure(DateInputError.Impossible);
        }

        var month = (int)(monthIndex % 12) + 1;
        var day = Math.Min(date.Day, DateTime.DaysInMonth((int)year, month));
        return DateInputResult.Success(new DateOnly((int)year, month, day));
    }
}
