namespace Assistant.Core.Schedule.Files;

/// <summary>Why an itinerary file, or one of its rows or events, was not accepted.</summary>
public enum ImportProblem
{
    /// <summary>No bytes, or nothing but a byte order mark, whitespace and blank lines.</summary>
    EmptyFile,

    /// <summary>The bytes are not text in UTF-8 (or GB18030/GBK for CSV), or the file is binary (a spreadsheet, an image).</summary>
    NotUtf8,

    /// <summary>The CSV header lacks a required column (Detail: its Chinese and English names, e.g. 日期/date).</summary>
    MissingColumn,

    BadDate,

    BadTime,

    /// <summary>The end is before the start (no overnight items in CSV).</summary>
    EndBeforeStart,

    /// <summary>The kind is not one EventKinds.Parse reads.</summary>
    UnknownKind,

    MissingTitle,

    /// <summary>A title, place or notes longer than the limit (Detail: the column), or a file over the size limit (Detail: file).</summary>
    TooLong,

    /// <summary>A CSV cell starts with = or @: a spreadsheet formula, never imported.</summary>
    Formula,

    /// <summary>The .ics text is not a calendar (line 0).</summary>
    BadCalendar,

    /// <summary>A CSV with a header and no data rows, or a calendar with no VEVENT.</summary>
    NoEvents,

    /// <summary>More than <see cref="ItineraryLimits.MaxItems"/> rows or events.</summary>
    TooManyRows,

    /// <summary>Broken quoting, cells beyond the header, a duplicate column, a recurring event, or an event that cannot be read.</summary>
    MalformedRow,
}

/// <summary>One problem found while importing.</summary>
/// <param name="Line">
/// 1-based physical line in the CSV where the row starts (the header is line 1 when the file starts with it), or
/// the 1-based index of the VEVENT in an .ics; 0 for problems of the whole file.
/// </param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Detail">
/// For a CSV cell, the column as the header writes it (事项, Title …); for an .ics, the property (SUMMARY, DTSTART …);
/// otherwise a short English hint for logs.
/// </param>
public sealed record ImportError(int Line, ImportProblem Problem, string? Detail);

/// <summary>One itinerary item read from a file, with team-local times already converted to UTC.</summary>
/// <param name="Line">Where it came from, as <see cref="ImportError.Line"/> counts.</param>
/// <param name="Kind">From the kind column, or X-INSPECTION-KIND / CATEGORIES; Other when none is given.</param>
/// <param name="Title">Trimmed, never empty.</param>
/// <param name="Place">Trimmed; null when empty.</param>
/// <param name="StartUtc">The start (DateTimeKind.Utc).</param>
/// <param name="EndUtc">The end (DateTimeKind.Utc), never before the start.</param>
/// <param name="WholeTeam">全体: the whole team takes part.</param>
/// <param name="ParticipantNames">Names as written (members and others alike), without 全体; the caller matches them to members.</param>
/// <param name="Notes">Trimmed; null when empty.</param>
public sealed record ImportedItem(
    int Line,
    EventKind Kind,
    string Title,
    string? Place,
    DateTime StartUtc,
    DateTime EndUtc,
    bool WholeTeam,
    IReadOnlyList<string> ParticipantNames,
    string? Notes)
{
    /// <summary>The event had STATUS:CANCELLED (.ics only; the CSV format has no status).</summary>
    public bool Cancelled { get; init; }
}

/// <summary>
/// Everything read from an itinerary file. Items holds the good rows even when there are errors; the import is all
/// or nothing, so the caller saves nothing unless <see cref="Ok"/>.
/// </summary>
public sealed record ImportResult(IReadOnlyList<ImportedItem> Items, IReadOnlyList<ImportError> Errors)
{
    public bool Ok => Errors.Count == 0 && Items.Count > 0;

    /// <summary>The CSV's header names its columns in Chinese (日期, 类型…): errors then name the kinds in Chinese too.</summary>
    public bool ChineseHeader { get; init; }

    internal static ImportResult Failed(ImportError error) => new([], [error]);
}

/// <summary>The limits of an itinerary file, for the importers and for help texts.</summary>
public static class ItineraryLimits
{
    /// <summary>Most data rows (CSV) or events (.ics) in one file.</summary>
    public const int MaxItems = 500;

    public const int MaxTitleLength = 200;

    public const int MaxPlaceLength = 200;

    public const int MaxNotesLength = 2000;

    /// <summary>Larger files are refused before parsing (TooLong, line 0, Detail "file").</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;
}
