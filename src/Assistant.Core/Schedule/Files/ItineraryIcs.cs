using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Calendar = Ical.Net.Calendar;

namespace Assistant.Core.Schedule.Files;

/// <summary>
/// A team's itinerary as an iCalendar (.ics) file: imported from a phone or desktop calendar, exported by
/// /schedule export for a phone calendar to import.
/// </summary>
public static class ItineraryIcs
{
    /// <summary>The kind as the enum names it (SiteInspection), so a round trip is exact; read before CATEGORIES.</summary>
    public const string KindProperty = "X-INSPECTION-KIND";

    /// <summary>Participant names joined by 、, with 全体 for the whole team; read before ATTENDEE.</summary>
    public const string ParticipantsProperty = "X-INSPECTION-PARTICIPANTS";

    private static readonly string[] RecurrenceProperties = ["RRULE", "RDATE", "EXRULE", "RECURRENCE-ID"];

    /// <summary>
    /// Reads the VEVENTs of an .ics. Times with a TZID are converted with that zone, UTC times kept, floating times
    /// and all-day events are team-local (an all-day event covers its days 00:00–24:00). Recurring events are
    /// reported, not expanded. Never throws on any content.
    /// </summary>
    public static ImportResult Parse(byte[] content, TimeZoneInfo teamZone)
    {
        ArgumentNullException.ThrowIfNull(teamZone);
        var decodeError = ItineraryText.TryDecode(content, allowGb18030: true, out var text);
        if (decodeError is not null)
        {
            return ImportResult.Failed(decodeError);
        }

        // Cheap guard before the calendar is built: a file with thousands of events is refused unread.
        if (CountOccurrences(text, "BEGIN:VEVENT") > ItineraryLimits.MaxItems)
        {
            return ImportResult.Failed(TooManyEvents());
        }

        List<(Calendar Calendar, CalendarEvent Event)> events;
        try
        {
            var calendars = CalendarCollection.Load(text);
            if (calendars.Count == 0)
            {
                return ImportResult.Failed(new ImportError(0, ImportProblem.BadCalendar, "no VCALENDAR"));
            }

            events = calendars.SelectMany(c => c.Events.Select(e => (c, e))).ToList();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ImportResult.Failed(new ImportError(0, ImportProblem.BadCalendar, Shorten(ex.Message)));
        }

        if (events.Count == 0)
        {
            return ImportResult.Failed(new ImportError(0, ImportProblem.NoEvents, null));
        }

        if (events.Count > ItineraryLimits.MaxItems)
        {
            return ImportResult.Failed(TooManyEvents());
        }

        var items = new List<ImportedItem>();
        var errors = new List<ImportError>();
        for (var i = 0; i < events.Count; i++)
        {
            try
            {
                if (ReadEvent(i + 1, events[i].Calendar, events[i].Event, teamZone, errors) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                errors.Add(new ImportError(i + 1, ImportProblem.MalformedRow, Shorten(ex.Message)));
            }
        }

        return new ImportResult(items, errors);
    }

    /// <summary>
    /// Writes one VEVENT per item (UID item-{Id}@inspection-assistant, SEQUENCE = Revision − 1, STATUS:CANCELLED for
    /// cancelled items) with times as TZID of the team's zone plus its VTIMEZONE; UTC when the zone is UTC or has no
    /// IANA name. UTF-8 without BOM, CRLF, lines folded at 75 octets. With a <paramref name="sensitivity"/> line (for a
    /// file that holds a covert visit) the calendar's description (X-WR-CALDESC) is that line and every covert event is
    /// CLASS:CONFIDENTIAL.
    /// </summary>
    public static byte[] Write(IEnumerable<ScheduleItem> items, TimeZoneInfo teamZone, Func<long, string> memberName, string calendarName, string? sensitivity = null)
        => ItineraryIcsWriter.Write(items, teamZone, memberName, calendarName, sensitivity);

    private static ImportedItem? ReadEvent(int index, Calendar calendar, CalendarEvent ev, TimeZoneInfo zone, List<ImportError> errors)
    {
        var errorsBefore = errors.Count;
        void Error(ImportProblem problem, string? detail) => errors.Add(new ImportError(index, problem, detail));

        if (RecurrenceProperties.FirstOrDefault(p => HasProperty(ev, p)) is { } recurrence)
        {
            Error(ImportProblem.MalformedRow, "recurrence not supported (" + recurrence + ")");
            return null;
        }

        var (startUtc, endUtc) = ReadTimes(ev, calendar, zone, Error);
        if (startUtc is not null && endUtc is not null && endUtc < startUtc)
        {
            Error(ImportProblem.EndBeforeStart, "DTEND");
        }

        var title = ItineraryText.Clean(ev.Summary);
        var place = ItineraryText.Clean(ev.Location);
        var notes = ItineraryText.Clean(ev.Description);

        // As in CSV files: text that a spreadsheet would run is refused, not stored.
        foreach (var (property, text) in new[] { ("SUMMARY", title), ("LOCATION", place), ("DESCRIPTION", notes) })
        {
            if (ItineraryText.LooksLikeFormula(text))
            {
                Error(ImportProblem.Formula, property);
            }
        }

        if (title is null)
        {
            Error(ImportProblem.MissingTitle, "SUMMARY");
        }
        else if (title.Length > ItineraryLimits.MaxTitleLength)
        {
            Error(ImportProblem.TooLong, "SUMMARY");
        }

        if (place is not null && place.Length > ItineraryLimits.MaxPlaceLength)
        {
            Error(ImportProblem.TooLong, "LOCATION");
        }

        if (notes is not null && notes.Length > ItineraryLimits.MaxNotesLength)
        {
            Error(ImportProblem.TooLong, "DESCRIPTION");
        }

        var kind = EventKind.Other;
        if (PropertyText(ev, KindProperty) is { } kindText)
        {
            if (EventKinds.Parse(kindText) is { } parsed)
            {
                kind = parsed;
            }
            else
            {
                Error(ImportProblem.UnknownKind, KindProperty);
            }
        }
        else
        {
            kind = ev.Categories.Select(EventKinds.Parse).FirstOrDefault(k => k is not null) ?? EventKind.Other;
        }

        if (errors.Count > errorsBefore || startUtc is null || endUtc is null || title is null)
        {
            return null;
        }

        var (wholeTeam, names) = PropertyText(ev, ParticipantsProperty) is { } participants
            ? ItineraryText.ParseNames(participants, separatorOnly: true)
            : ItineraryText.ParseNames(string.Join(ItineraryText.NameSeparator, ev.Attendees.Select(AttendeeName)), separatorOnly: true);
        var cancelled = string.Equals(ev.Status?.Trim(), "CANCELLED", StringComparison.OrdinalIgnoreCase);
        return new ImportedItem(index, kind, title, place, startUtc.Value, endUtc.Value, wholeTeam, names, notes) { Cancelled = cancelled };
    }

    /// <summary>The UTC start and end, or nulls with the errors reported.</summary>
    private static (DateTime? Start, DateTime? End) ReadTimes(CalendarEvent ev, Calendar calendar, TimeZoneInfo zone, Action<ImportProblem, string?> error)
    {
        var start = ReadDateTime(ev, "DTSTART", () => ev.DtStart, error);
        if (start is null)
        {
            return (null, null);
        }

        var end = ReadDateTime(ev, "DTEND", () => ev.DtEnd, error);
        if (end is null && HasProperty(ev, "DTEND"))
        {
            return (null, null); // a DTEND that could not be read: reported
        }

        if (!start.HasTime)
        {
            // All day: 00:00 of the first day to 00:00 after the last, team-local.
            var firstDay = start.Date;
            var endDay = firstDay.AddDays(1);
            if (end is not null && end.Date > firstDay)
            {
                endDay = end.Date;
            }
            else if (end is null && ev.Duration is { } days && days.Sign > 0 && (days.Weeks ?? 0) * 7 + (days.Days ?? 0) > 1)
            {
                endDay = firstDay.AddDays((days.Weeks ?? 0) * 7 + (days.Days ?? 0));
            }

            return (TimeZones.ToUtc(firstDay, TimeOnly.MinValue, zone), TimeZones.ToUtc(endDay, TimeOnly.MinValue, zone));
        }

        var startUtc = ToUtc(start, calendar, zone, "DTSTART", error);
        if (startUtc is null)
        {
            return (null, null);
        }

        if (end is not null)
        {
            return (startUtc, ToUtc(end, calendar, zone, "DTEND", error));
        }

        return ev.Duration is { } duration
            ? (startUtc, ToUtc(start.Add(duration), calendar, zone, "DURATION", error))
            : (startUtc, startUtc.Value.AddHours(1));
    }

    /// <summary>Reads a date-time property; Ical.Net throws when its TZID is unknown to it.</summary>
    private static CalDateTime? ReadDateTime(CalendarEvent ev, string property, Func<CalDateTime?> read, Action<ImportProblem, string?> error)
    {
        try
        {
            var value = read();
            if (value is null && (property == "DTSTART" || HasProperty(ev, property)))
            {
                error(ImportProblem.BadDate, property);
            }

            return value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            var tzId = ev.Properties.FirstOrDefault(p => IsNamed(p, property))?.Parameters.Get("TZID");
            error(ImportProblem.BadDate, tzId is null ? property : property + ": unknown time zone " + tzId);
            return null;
        }
    }

    /// <summary>
    /// The UTC instant of a date-time: UTC as is, floating as team-local, a TZID through the system's time zones
    /// (IANA or Windows names). A TZID the system does not know is read from the file's VTIMEZONE when that has a
    /// single offset (GMT+0800 style); Ical.Net alone would match such a name loosely (GMT → UTC) and be 8 hours off.
    /// </summary>
    private static DateTime? ToUtc(CalDateTime value, Calendar calendar, TimeZoneInfo zone, string property, Action<ImportProblem, string?> error)
    {
        if (value.IsUtc)
        {
            return DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);
        }

        var local = value.Value;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (string.IsNullOrEmpty(value.TzId))
        {
            return TimeZones.ToUtc(date, time, zone);
        }

        if (IsPlausibleZoneId(value.TzId) && TimeZones.Find(value.TzId) is { } tz)
        {
            return TimeZones.ToUtc(date, time, tz);
        }

        if (FixedOffset(calendar, value.TzId) is { } offset)
        {
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        error(ImportProblem.BadDate, property + ": unknown time zone " + value.TzId);
        return null;
    }

    /// <summary>The offset of a VTIMEZONE whose observances all have the same TZOFFSETTO, or null.</summary>
    private static TimeSpan? FixedOffset(Calendar calendar, string tzId)
    {
        var definition = calendar.TimeZones.FirstOrDefault(t => string.Equals(t.TzId, tzId, StringComparison.Ordinal));
        var offsets = definition?.TimeZoneInfos.Select(i => i.OffsetTo?.Offset).Distinct().ToList();
        return offsets is [{ } only] ? only : null;
    }

    /// <summary>Only names that look like IANA or Windows zone ids go to the system lookup, which reads files by id.</summary>
    private static bool IsPlausibleZoneId(string id) =>
        id.Length <= 64
        && !id.StartsWith('/')
        && !id.Contains("..", StringComparison.Ordinal)
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+' or ' ' or '.');

    /// <summary>An attendee's CN, or the local part of a mailto: address.</summary>
    private static string? AttendeeName(Attendee attendee)
    {
        if (ItineraryText.Clean(attendee.CommonName) is { } name)
        {
            return name;
        }

        var address = attendee.Value?.OriginalString;
        if (address is null || !address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var local = address["mailto:".Length..];
        var at = local.IndexOf('@', StringComparison.Ordinal);
        return ItineraryText.Clean(Uri.UnescapeDataString(at >= 0 ? local[..at] : local));
    }

    private static bool HasProperty(CalendarEvent ev, string name) => ev.Properties.Any(p => IsNamed(p, name));

    private static bool IsNamed(ICalendarProperty property, string name) =>
        string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase);

    private static string? PropertyText(CalendarEvent ev, string name) =>
        ItineraryText.Clean(ev.Properties.FirstOrDefault(p => IsNamed(p, name))?.Value?.ToString());

    private static ImportError TooManyEvents() =>
        new(ItineraryLimits.MaxItems + 1, ImportProblem.TooManyRows, ItineraryLimits.MaxItems.ToString(CultureInfo.InvariantCulture));

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }

    private static string Shorten(string message) => message.Length <= 200 ? message : message[..200];
}
