using Assistant.Core.Teams;

namespace Assistant.Core.Reminders;

/// <summary>A member's quiet hours (team time): pushes wait until they end.</summary>
public static class QuietHours
{
    /// <summary>
    /// When the quiet period containing <paramref name="utc"/> ends, or null when the time is not
    /// quiet for this member. Periods may cross midnight (22:00–07:00).
    /// </summary>
    public static DateTime? EndOfQuiet(Member member, DateTime utc, TimeZoneInfo zone)
    {
        if (member.QuietFrom is not { } from || member.QuietTo is not { } to || from == to)
        {
            return null;
        }

        var local = TimeZones.ToLocal(utc, zone);
        var time = TimeOnly.FromDateTime(local);
        var date = DateOnly.FromDateTime(local);
        if (from < to)
        {
            return time >= from && time < to ? TimeZones.ToUtc(date, to, zone) : null;
        }

        if (time >= from)
        {
            return TimeZones.ToUtc(date.AddDays(1), to, zone);
        }

        return time < to ? TimeZones.ToUtc(date, to, zone) : null;
    }

    public static bool IsQuiet(Member member, DateTime utc, TimeZoneInfo zone) => EndOfQuiet(member, utc, zone) is not null;
}
