using CsvHelper;

namespace Assistant.Core.Schedule.Files;

/// <summary>
/// A team's itinerary as the CSV a liaison saves from Excel: a header row (Chinese or English names, any order,
/// any case), then one row per item in team-local time.
/// </summary>
/// <remarks>
/// Columns: 日期/date, 开始/start and 事项/title are required; 结束/end (default start + 1 hour), 类型/kind (default
/// 其他), 地点/place, 参加人员/participants and 备注/notes are optional; other columns are ignored. Dates are
/// 2023-11-01, 2023/11/1, 2023.11.01 or 2023年11月1日; times 9:00, 09:00, 14:30 (and whatever <see cref="TimeInput"/>
/// reads, plus Excel's 9:00:00). Parse never throws on any content.
/// </remarks>
public static class ItineraryCsv
{
    private static readonly ColumnSpec[] Columns =
    [
        new(Column.Date, "日期", "date", Required: true),
        new(Column.Start, "开始", "start", Required: true),
        new(Column.End, "结束", "end", Required: false),
        new(Column.Kind, "类型", "kind", Required: false),
        new(Column.Title, "事项", "title", Required: true),
        new(Column.Place, "地点", "place", Required: false),
        new(Column.Participants, "参加人员", "participants", Required: false),
        new(Column.Notes, "备注", "notes", Required: false),
    ];

    private static readonly Dictionary<string, Column> ColumnsByName = Columns
        .SelectMany(c => new[] { (Name: c.Chinese, c.Column), (Name: c.English, c.Column) })
        .ToDictionary(x => x.Name, x => x.Column, StringComparer.OrdinalIgnoreCase);

    private enum Column
    {
        Date,
        Start,
        End,
        Kind,
        Title,
        Place,
        Participants,
        Notes,
    }

    /// <summary>
    /// Reads an itinerary CSV (UTF-8 with or without BOM, or GB18030/GBK). Every bad row is reported with its line;
    /// Items holds the good rows. Never throws on any content.
    /// </summary>
    public static ImportResult Parse(byte[] content, TimeZoneInfo teamZone)
    {
        ArgumentNullException.ThrowIfNull(teamZone);
        var decodeError = ItineraryText.TryDecode(content, allowGb18030: true, out var text);
        if (decodeError is not null)
        {
            return ImportResult.Failed(decodeError);
        }

        var items = new List<ImportedItem>();
        var errors = new List<ImportError>();
        var line = 0;
        var chinese = false;
        try
        {
            Read(text, teamZone, items, errors, ref line, ref chinese);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The reader is configured to recover from bad input; this is the last guard of "never throws".
            errors.Add(new ImportError(line, ImportProblem.MalformedRow, ex.GetType().Name));
        }

        return new ImportResult(items, errors) { ChineseHeader = chinese };
    }

    /// <summary>
    /// Writes items in the format <see cref="Parse"/> reads, header in Chinese or English, UTF-8 with BOM so Excel
    /// shows Chinese correctly. Cancelled items are left out (the format has no status). Cells that a spreadsheet
    /// would run as a formula get a leading apostrophe, which Parse removes again.
    /// </summary>
    public static byte[] Write(IEnumerable<ScheduleItem> items, TimeZoneInfo teamZone, Func<long, string> memberName, bool chineseHeader = true)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(teamZone);
        ArgumentNullException.ThrowIfNull(memberName);

        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            writer.WriteHeader(Columns.Select(c => chineseHeader ? c.Chinese : c.English).ToArray());
            foreach (var item in items.Where(i => !i.Cancelled).OrderBy(i => i.StartUtc).ThenBy(i => i.Id))
            {
                var start = TimeZones.ToLocal(item.StartUtc, teamZone);
                var end = TimeZones.ToLocal(item.EndUtc, teamZone);
                writer.WriteField(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteField(start.ToString("HH:mm", CultureInfo.InvariantCulture));
                writer.WriteField(end.ToString("HH:mm", CultureInfo.InvariantCulture));
                writer.WriteField(chineseHeader ? ItineraryText.ChineseName(item.Kind) : item.Kind.ToString());
                writer.WriteField(CsvInjection.Neutralize(ItineraryText.Clean(item.Title)));
                writer.WriteField(CsvInjection.Neutralize(ItineraryText.Clean(item.Place)));
                writer.WriteField(CsvInjection.Neutralize(ParticipantsCell(ItineraryText.NamesOf(item, memberName))));
                writer.WriteField(CsvInjection.Neutralize(ItineraryText.Clean(item.Notes)));
                writer.EndRecord();
            }
        }

        return output.ToArray();
    }

    private static void Read(string text, TimeZoneInfo zone, List<ImportedItem> items, List<ImportError> errors, ref int line, ref bool chinese)
    {
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false, // the header is read here: its names are matched in two languages
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = m => malformed.TryAdd(m.LineNumber, m.Reason),
        };

        using var reader = CsvReader.FromText(text, options);
        Header? header = null;
        var dataRows = 0;
        while (reader.Read())
        {
            line = (int)Math.Min(reader.LineNumber, int.MaxValue);
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            // A quote inside an unquoted cell (他说"好") is kept as text; any other broken quoting is reported.
            if (malformed.TryGetValue(reader.LineNumber, out var reason) && reason != CsvMalformedReason.StrayQuote)
            {
                errors.Add(new ImportError(line, ImportProblem.MalformedRow, reason.ToString()));
                if (header is null)
                {
                    return;
                }

                dataRows++;
                continue;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue; // an empty Excel row: ,,,,,,,
            }

            if (header is null)
            {
                header = ReadHeader(cells, line, errors);
                if (header is null)
                {
                    return;
                }

                chinese = header.Names.Count(n => Columns.Any(c => c.Chinese == n)) > header.Names.Count(n => Columns.Any(c => string.Equals(c.English, n, StringComparison.OrdinalIgnoreCase)));

                continue;
            }

            if (++dataRows > ItineraryLimits.MaxItems)
            {
                errors.Add(new ImportError(line, ImportProblem.TooManyRows, ItineraryLimits.MaxItems.ToString(CultureInfo.InvariantCulture)));
                return;
            }

            try
            {
                if (ReadRow(cells, line, header, zone, errors) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
            {
                errors.Add(new ImportError(line, ImportProblem.MalformedRow, ex.GetType().Name)); // and go on with the next row
            }
        }

        if (header is null)
        {
            errors.Add(new ImportError(0, ImportProblem.EmptyFile, null));
        }
        else if (dataRows == 0)
        {
            errors.Add(new ImportError(0, ImportProblem.NoEvents, null));
        }
    }

    /// <summary>Maps the header's names to columns; null (with the errors added) when it cannot be used.</summary>
    private static Header? ReadHeader(string[] cells, int line, List<ImportError> errors)
    {
        var indexes = new Dictionary<Column, int>();
        var ok = true;
        for (var i = 0; i < cells.Length; i++)
        {
            if (!ColumnsByName.TryGetValue(cells[i].Trim(), out var column))
            {
                continue;
            }

            if (!indexes.TryAdd(column, i))
            {
                errors.Add(new ImportError(line, ImportProblem.MalformedRow, "duplicate column " + cells[i].Trim()));
                ok = false;
            }
        }

        foreach (var spec in Columns.Where(c => c.Required && !indexes.ContainsKey(c.Column)))
        {
            errors.Add(new ImportError(line, ImportProblem.MissingColumn, spec.Chinese + "/" + spec.English));
            ok = false;
        }

        return ok ? new Header(indexes, cells.Select(c => c.Trim()).ToArray()) : null;
    }

    /// <summary>Reads one data row; adds an error for every bad cell and returns null if there was any.</summary>
    private static ImportedItem? ReadRow(string[] cells, int line, Header header, TimeZoneInfo zone, List<ImportError> errors)
    {
        var errorsBefore = errors.Count;
        if (cells.Skip(header.Names.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
        {
            errors.Add(new ImportError(line, ImportProblem.MalformedRow, "more cells than the header"));
            return null;
        }

        // Formulas first: a column holding one is reported once and not checked further.
        var values = new Dictionary<Column, string?>();
        var formulas = new HashSet<Column>();
        foreach (var (column, index) in header.Indexes)
        {
            var raw = index < cells.Length ? cells[index].Trim() : "";
            if (ItineraryText.LooksLikeFormula(raw))
            {
                errors.Add(new ImportError(line, ImportProblem.Formula, header.Names[index]));
                formulas.Add(column);
            }
            else
            {
                values[column] = raw.Length == 0 ? null : CsvInjection.Unneutralize(raw);
            }
        }

        string Name(Column column) => header.Names[header.Indexes[column]];
        bool Has(Column column) => header.Indexes.ContainsKey(column) && !formulas.Contains(column);
        string? Value(Column column) => values.GetValueOrDefault(column);
        void Error(ImportProblem problem, Column column) => errors.Add(new ImportError(line, problem, Name(column)));

        // For a value that cannot be read, the value itself says more to the person fixing the file than its column.
        void BadValue(ImportProblem problem, Column column) =>
            errors.Add(new ImportError(line, problem, Value(column) is { } v ? TextPreview.Shorten(v, 40) : Name(column)));

        DateOnly? date = null;
        if (Has(Column.Date))
        {
            date = ItineraryCells.ParseDate(Value(Column.Date));
            if (date is null)
            {
                BadValue(ImportProblem.BadDate, Column.Date);
            }
        }

        TimeOnly? start = null;
        if (Has(Column.Start))
        {
            start = ItineraryCells.ParseTime(Value(Column.Start));
            if (start is null)
            {
                BadValue(ImportProblem.BadTime, Column.Start);
            }
        }

        TimeOnly? end = null;
        if (Has(Column.End) && Value(Column.End) is { } endText)
        {
            end = ItineraryCells.ParseTime(endText);
            if (end is null)
            {
                BadValue(ImportProblem.BadTime, Column.End);
            }
        }

        if (start is not null && end is not null && end < start)
        {
            Error(ImportProblem.EndBeforeStart, Column.End);
        }

        var kind = EventKind.Other;
        if (Has(Column.Kind) && Value(Column.Kind) is { } kindText)
        {
            if (EventKinds.Parse(kindText) is { } parsed)
            {
                kind = parsed;
            }
            else
            {
                BadValue(ImportProblem.UnknownKind, Column.Kind);
            }
        }

        var title = Value(Column.Title);
        if (Has(Column.Title))
        {
            if (title is null)
            {
                Error(ImportProblem.MissingTitle, Column.Title);
            }
            else if (title.Length > ItineraryLimits.MaxTitleLength)
            {
                Error(ImportProblem.TooLong, Column.Title);
            }
        }

        var place = Value(Column.Place);
        if (place is not null && place.Length > ItineraryLimits.MaxPlaceLength)
        {
            Error(ImportProblem.TooLong, Column.Place);
        }

        var notes = Value(Column.Notes);
        if (notes is not null && notes.Length > ItineraryLimits.MaxNotesLength)
        {
            Error(ImportProblem.TooLong, Column.Notes);
        }

        if (errors.Count > errorsBefore || date is null || start is null || title is null)
        {
            return null;
        }

        var startUtc = TimeZones.ToUtc(date.Value, start.Value, zone);
        var endUtc = end is null ? startUtc.AddHours(1) : TimeZones.ToUtc(date.Value, end.Value, zone);
        var (wholeTeam, names) = ItineraryText.ParseNames(Value(Column.Participants), separatorOnly: false);
        return new ImportedItem(line, kind, title, place, startUtc, endUtc, wholeTeam, names, notes);
    }

    private static string ParticipantsCell(List<string> names)
    {
        var cell = string.Join(ItineraryText.NameSeparator, names);

        // One name with a space ("Wei Zhang") would be read back as two; a trailing 、 makes 、 the only separator.
        return names.Count == 1 && cell.Any(char.IsWhiteSpace) ? cell + ItineraryText.NameSeparator : cell;
    }

    private sealed record ColumnSpec(Column Column, string Chinese, string English, bool Required);

    /// <summary>The columns found in the header and the header's cells as written (for error details).</summary>
    private sealed record Header(Dictionary<Column, int> Indexes, string[] Names);
}
