using Assistant.Core.Findings;
using Assistant.Core.Ledger;

namespace Assistant.Core.Dashboard;

/// <summary>How many items were overdue at the end of one week (Monday to Sunday, team time).</summary>
/// <param name="WeekStart">The Monday the week starts on.</param>
/// <param name="AsOf">The day counted: the Sunday, or today for the current week.</param>
/// <param name="Overdue">Items overdue on that day.</param>
public sealed record WeekPoint(DateOnly WeekStart, DateOnly AsOf, int Overdue);

/// <summary>
/// The overdue count week by week, rebuilt from each finding's history with the definition the ledger uses today
/// (<see cref="RectificationKeys.DaysOverdue"/>): on day D an item counts when it was recorded by D, was not closed
/// (verified) by D, and the deadline it had on D lies before D. The deadline it had on D is the last deadline change
/// made by D, or the deadline before the first later change, or its deadline now. The current week's point is
/// today's overdue count.
/// </summary>
public static class OverdueTrend
{
    public static IReadOnlyList<WeekPoint> Weekly(IReadOnlyList<Finding> findings, DateOnly today, TimeZoneInfo zone, int weeks = 8)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var points = new List<WeekPoint>(weeks);
        for (var w = weeks - 1; w >= 0; w--)
        {
            var start = monday.AddDays(-7 * w);
            var asOf = w == 0 ? today : start.AddDays(6);
            points.Add(new WeekPoint(start, asOf, findings.Count(f => OverdueOn(f, asOf, zone))));
        }

        return points;
    }

    /// <summary>Whether the finding was overdue on <paramref name="day"/> (team time).</summary>
    public static bool OverdueOn(Finding f, DateOnly day, TimeZoneInfo zone)
    {
        if (f.Day > day)
        {
            return false;
        }

        // A closed item without its closing time counts as closed all along (today's count never includes it).
        if (f.Status == RectificationStatus.Closed && (f.VerifiedUtc is not { } verified || LocalDay(verified, zone) <= day))
        {
            return false;
        }

        return DeadlineOn(f, day, zone) is { } deadline && deadline < day;
    }

    private static DateOnly? DeadlineOn(Finding f, DateOnly day, TimeZoneInfo zone)
    {
        DeadlineChange? lastMade = null;
        foreach (var change in f.DeadlineChanges.OrderBy(c => c.TimeUtc))
        {
            if (LocalDay(change.TimeUtc, zone) > day)
            {
                return lastMade?.To ?? change.From;
            }

            lastMade = change;
        }

        return f.Deadline;
    }

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZones.ToLocal(utc, zone));
}
