namespace Assistant.Core.Common;

/// <summary>
/// What a typed day is for. The kind of question decides which year a date typed without one
/// ("11-30", "11月30日", "Nov 30") means; see <see cref="YearlessDay"/> for the rule.
/// </summary>
public enum DateQuestion
{
    /// <summary>A day a new or changed itinerary item happens on: the first such day from today on (past dates allowed).</summary>
    Plan,

    /// <summary>A day to look back on: a brief (/summary), a tally (/tally), the findings of a day (/findings).</summary>
    LookBack,

    /// <summary>A day of the itinerary to look at (/schedule DATE): it may lie either side of today.</summary>
    LookUp,

    /// <summary>A rectification deadline or its extension: never before today.</summary>
    Deadline,
}

/// <summary>
/// The one reading of a date typed without a year, used by every command and flow:
/// <list type="number">
/// <item>a day inside the team's visit, when the visit contains that month and day (for a deadline: one not yet past);</item>
/// <item>otherwise the nearest such day in the direction the question implies: the latest up to today for a look back,
/// the first from today on for a plan or a deadline, whichever is closer to today for a look-up in the itinerary.</item>
/// </list>
/// Whenever the year taken is not the current year, the answer names the full date with its year
/// (<see cref="NeedsYear"/>), and a deadline more than <see cref="FarDeadlineDays"/> days away is confirmed first.
/// </summary>
public static class YearlessDay
{
    /// <summary>A deadline further than this many days from today is asked to be confirmed.</summary>
    public const int FarDeadlineDays = 180;

    /// <summary>Leap days recur at most every 8 years (2096 → 2104): how far the search for 2月29日 may go.</summary>
    private const int SearchYears = 8;

    /// <summary>The year for <paramref name="month"/>/<paramref name="day"/> by the rule above; null when no such day exists near today.</summary>
    public static DateOnly? Resolve(int month, int day, DateOnly today, DateInputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var allowPast = options.AllowsPast;
        if (options.VisitFrom is { } from && options.VisitTo is { } to)
        {
            for (var year = from.Year; year <= to.Year; year++)
            {
                if (Make(year, month, day) is { } inVisit && inVisit >= from && inVisit <= to && (allowPast || inVisit >= today))
                {
                    return inVisit;
                }
            }
        }

        var back = LatestUpTo(month, day, today);
        var ahead = FirstFrom(month, day, today);
        return options.Question switch
        {
            DateQuestion.LookBack => back ?? ahead,
            DateQuestion.LookUp => Nearest(back, ahead, today),
            _ => ahead,
        };
    }

    /// <summary>Whether an answer must write the date with its year: it is not in the current year.</summary>
    public static bool NeedsYear(DateOnly date, DateOnly today) => date.Year != today.Year;

    /// <summary>Whether a deadline is far enough away to be confirmed before it is taken.</summary>
    public static bool IsFarDeadline(DateOnly deadline, DateOnly today) => deadline.DayNumber - today.DayNumber > FarDeadlineDays;

    private static DateOnly? LatestUpTo(int month, int day, DateOnly today)
    {
        for (var year = today.Year; year >= Math.Max(1, today.Year - SearchYears); year--)
        {
            if (Make(year, month, day) is { } candidate && candidate <= today)
            {
                return candidate;
            }
        }

        return null;
    }

    private static DateOnly? FirstFrom(int month, int day, DateOnly today)
    {
        for (var year = today.Year; year <= Math.Min(9999, today.Year + SearchYears); year++)
        {
            if (Make(year, month, day) is { } candidate && candidate >= today)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The closer of the two to today; on a tie, the one ahead (an itinerary is mostly looked at to plan).</summary>
    private static DateOnly? Nearest(DateOnly? back, DateOnly? ahead, DateOnly today) =>
        back is not { } b ? ahead
        : ahead is not { } a ? back
        : today.DayNumber - b.DayNumber < a.DayNumber - today.DayNumber ? b : a;

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
