using System.Text.RegularExpressions;

namespace Assistant.Core.Schedule.Files;

/// <summary>Reads the date and time cells of an itinerary CSV (<see cref="ItineraryCsv"/>) as Excel and people write them.</summary>
internal static partial class ItineraryCells
{
    /// <summary>
    /// 2023-11-01, 2023/11/1, 2023.11.01, 2023年11月1日 (or 号); null for anything else, a day that does not exist, or a
    /// year outside 2000–2099 (a typo such as 1023 rather than a visit).
    /// </summary>
    internal static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return year is >= 2000 and <= 2099 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>A time of day as <see cref="TimeInput"/> reads it (9:00, 14:30, 9：00, 下午2点半), plus Excel's 9:00:00; 24:00 is not one.</summary>
    internal static TimeOnly? ParseTime(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var excel = ExcelSecondsPattern().Match(text);
        var result = TimeInput.Parse(excel.Success ? excel.Groups["hm"].Value : text);
        return result.Ok ? result.Time : null;
    }

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})(?<sep>[-/.])(?<m>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})|(?<y>[0-9]{4})\s*年\s*(?<m>[0-9]{1,2})\s*月\s*(?<d>[0-9]{1,2})\s*[日号]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<hm>[0-9]{1,2}:[0-9]{2}):00$", RegexOptions.CultureInvariant)]
    private static partial Regex ExcelSecondsPattern();
}
