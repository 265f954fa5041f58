using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Calendar = Ical.Net.Calendar;

namespace Assistant.Core.Schedule.Files;

/// <summary>Writes a team's itinerary as an iCalendar file (<see cref="ItineraryIcs.Write"/>); the reading side stays in <see cref="ItineraryIcs"/>.</summary>
internal static class ItineraryIcsWriter
{
    private const string ProductId = "-//Inspection Assistant//Itinerary//ZH";

    internal static byte[] Write(IEnumerable<ScheduleItem> items, TimeZoneInfo teamZone, Func<long, string> memberName, string calendarName, string? sensitivity)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(teamZone);
        ArgumentNullException.ThrowIfNull(memberName);

        var list = items.OrderBy(i => i.StartUtc).ThenBy(i => i.Id).ToList();
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH" };
        if (ItineraryText.Clean(calendarName) is { } name)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }

        var marking = ItineraryText.Clean(sensitivity);
        if (marking is not null)
        {
            calendar.AddProperty("X-WR-CALDESC", marking);
        }

        var tzId = AddTimeZone(calendar, teamZone, list);
        foreach (var item in list)
        {
            var ev = ToEvent(item, teamZone, tzId, memberName);
            if (marking is not null && item.IsCovert)
            {
                ev.Class = "CONFIDENTIAL";
            }

            calendar.Events.Add(ev);
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer(calendar).SerializeToString() ?? "");
    }

    private static CalendarEvent ToEvent(ScheduleItem item, TimeZoneInfo zone, string? tzId, Func<long, string> memberName)
    {
        var stamp = item.UpdatedUtc != default ? item.UpdatedUtc : item.CreatedUtc != default ? item.CreatedUtc : item.StartUtc;
        var ev = new CalendarEvent
        {
            Uid = string.Create(CultureInfo.InvariantCulture, $"item-{item.Id}@inspection-assistant"),
            Summary = ItineraryText.Clean(item.Title) ?? "",
            Location = ItineraryText.Clean(item.Place),
            Description = ItineraryText.Clean(item.Notes)?.ReplaceLineEndings("\n"),
            DtStart = Time(item.StartUtc, zone, tzId),
            DtEnd = Time(item.EndUtc, zone, tzId),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stamp, DateTimeKind.Utc), true),
            Sequence = Math.Max(0, item.Revision - 1),
        };

        if (item.Cancelled)
        {
            ev.Status = "CANCELLED";
        }

        ev.Categories.Add(ItineraryText.ChineseName(item.Kind));
        ev.AddProperty(ItineraryIcs.KindProperty, item.Kind.ToString());
        var names = ItineraryText.NamesOf(item, memberName);
        if (names.Count > 0)
        {
            ev.AddProperty(ItineraryIcs.ParticipantsProperty, string.Join(ItineraryText.NameSeparator, names));
        }

        return ev;
    }

    private static CalDateTime Time(DateTime utc, TimeZoneInfo zone, string? tzId) => tzId is null
        ? new CalDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc), true)
        : new CalDateTime(DateTime.SpecifyKind(TimeZones.ToLocal(utc, zone), DateTimeKind.Unspecified), tzId, true);

    /// <summary>
    /// Adds the VTIMEZONE of the team's zone and returns its TZID, or null to write UTC: for a zone that is UTC, has
    /// no IANA name, or that Ical.Net cannot describe.
    /// </summary>
    private static string? AddTimeZone(Calendar calendar, TimeZoneInfo zone, List<ScheduleItem> items)
    {
        if (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime)
        {
            return null;
        }

        string? tzId = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
        if (tzId is null)
        {
            return null;
        }

        var earliest = items.Count > 0 ? TimeZones.ToLocal(items[0].StartUtc, zone) : DateTime.UtcNow;
        try
        {
            calendar.AddTimeZone(tzId, DateTime.SpecifyKind(earliest, DateTimeKind.Unspecified), includeHistoricalData: false);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }

        calendar.AddProperty("X-WR-TIMEZONE", tzId);
        return tzId;
    }
}
