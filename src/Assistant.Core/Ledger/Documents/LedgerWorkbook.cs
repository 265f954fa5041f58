using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Core.Ledger.Documents;

/// <summary>
/// The rectification ledger as files a team sends on: an Excel workbook (one sheet, the rows as an Excel table) and
/// a CSV with the same columns. Every text arrives localized; this class only lays it out.
/// </summary>
public static class LedgerWorkbook
{
    /// <summary>The name of the Excel table (ListObject) that holds the ledger.</summary>
    public const string TableName = "Ledger";

    /// <summary>The table style: Excel's default blue, banded rows.</summary>
    public const string TableStyle = "TableStyleMedium2";

    /// <summary>The header's row without a sensitivity line: the title above it, the ledger rows below.</summary>
    internal const int HeaderRow = 2;

    /// <summary>The header's row under a sensitivity line ("内部资料　注意保存"), which takes the first row.</summary>
    internal const int MarkedHeaderRow = 3;

    // Indexes into the cellXfs of the stylesheet built by LedgerWorkbookStyles.Create().
    private const uint StyleTitle = 1;
    private const uint StyleHeader = 2;
    private const uint StyleText = 3;
    private const uint StyleDate = 4;
    private const uint StyleDateTime = 5;
    private const uint StyleOverdue = 6;
    private const uint StyleSensitivity = 7;

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>The streamed parts are UTF-8 without a byte order mark, like the parts the SDK saves itself.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly string[] ColumnLetters = Enumerable.Range(0, LedgerColumns.All.Count).Select(i => ((char)('A' + i)).ToString()).ToArray();

    /// <summary>
    /// An .xlsx with one worksheet named <paramref name="sheetName"/>: the title merged across the columns, then the
    /// header and one row per <see cref="LedgerRow"/> as an Excel table with filters, the title and header frozen, in
    /// the columns of <see cref="LedgerColumns"/> (<paramref name="headings"/> in their order). Dates are Excel dates,
    /// numbers numbers on a light red fill (DaysOverdue, blank unless overdue). Text is always stored as text, never as
    /// a formula. With a <paramref name="sensitivity"/> line ("内部资料　注意保存", for a ledger that names covert
    /// units) the sheet starts with it, bold and merged across the columns, above the title: it stays on screen with
    /// the title and header, and is printed at the top of every page with them (the print titles).
    /// </summary>
    /// <remarks>
    /// The sheet is streamed with <see cref="OpenXmlWriter"/>. Texts lose the characters XML forbids and are cut to
    /// Excel's 32,767 characters; headings are made non-empty and unique (Excel compares them ignoring case), because
    /// the table's column names must equal the header cells. A sheet name Excel would refuse is repaired. An empty
    /// ledger still gets one (empty) table row, since Excel cannot open a table without one.
    /// </remarks>
    public static byte[] Xlsx(
        IReadOnlyList<LedgerRow> rows, IReadOnlyList<string> headings, string title, string sheetName, IReadOnlyList<ExtraSheet>? extra = null, string? sensitivity = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckHeadings(headings);

        var marking = string.IsNullOrWhiteSpace(sensitivity) ? null : SpreadsheetText.Clean(sensitivity);
        var headerRow = marking is null ? HeaderRow : MarkedHeaderRow;
        var names = TableColumnNames(headings);
        var sheet = SafeSheetName(sheetName);
        var lastRow = headerRow + Math.Max(rows.Count, 1);
        var tableRange = "A" + headerRow.ToString(CultureInfo.InvariantCulture) + ":" + ColumnLetters[^1] + lastRow.ToString(CultureInfo.InvariantCulture);
        var strings = new SharedStrings();

        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = LedgerWorkbookStyles.Create();

            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var tablePart = worksheetPart.AddNewPart<TableDefinitionPart>();
            tablePart.Table = BuildTable(names, tableRange);
            WriteWorksheet(worksheetPart, worksheetPart.GetIdOfPart(tablePart), rows, names, marking, title, strings, headerRow, lastRow);

            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
            strings.WriteTo(stringsPart);

            workbookPart.Workbook = new Workbook(
                new BookViews(new WorkbookView()),
                new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = sheet }),
                new DefinedNames(new DefinedName("'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'!$1:$" + headerRow.ToString(CultureInfo.InvariantCulture))
                {
                    Name = "_xlnm.Print_Titles",
                    LocalSheetId = 0,
                }));
            ExtraSheets.Append(workbookPart, extra ?? []);
        }

        return output.ToArray();
    }

    /// <summary>
    /// The same columns as CSV for Excel: UTF-8 with BOM, comma-separated, CRLF, RFC 4180 quoting, dates as
    /// yyyy-MM-dd and yyyy-MM-dd HH:mm, an empty value as an empty field. A text cell that a spreadsheet would run as a
    /// formula (starting with = + - @ tab or CR) gets a leading apostrophe. Header row only, no title and no sensitivity
    /// line: the first row is always the header, for the systems that read it. A ledger naming covert units is marked
    /// by its file name and the message it comes with (<see cref="LedgerJobs"/>), and each covert row by its 暗访 cell.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<LedgerRow> rows, IReadOnlyList<string> headings)
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckHeadings(headings);

        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape, // OWASP: ' before = + - @ tab CR
            FormatProvider = CultureInfo.InvariantCulture,
        };

        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, options, leaveOpen: true))
        {
            writer.WriteHeader([.. headings]);
            foreach (var row in rows)
            {
                foreach (var column in LedgerColumns.All)
                {
                    switch (column.Value(row))
                    {
                        case DateOnly date:
                            writer.WriteField(date, "yyyy-MM-dd");
                            break;
                        case DateTime dateTime:
                            writer.WriteField(dateTime, "yyyy-MM-dd HH:mm");
                            break;
                        case int number:
                            writer.WriteField(number, default);
                            break;
                        case var value:
                            writer.WriteField((string?)value); // text, or null for an empty cell
                            break;
                    }
                }

                writer.EndRecord();
            }
        }

        return output.ToArray();
    }

    /// <summary>The header texts as the workbook writes them: cleaned, non-empty, unique ignoring case.</summary>
    internal static string[] TableColumnNames(IReadOnlyList<string> headings)
    {
        var names = new string[LedgerColumns.All.Count];
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < LedgerColumns.All.Count; i++)
        {
            // Line breaks in a column name are legal but make structured references awkward; a space reads the same.
            var name = SpreadsheetText.Clean(headings[i], 255).Replace('\n', ' ').Replace('\t', ' ').Trim();
            if (name.Length == 0)
            {
                name = "Column" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }

            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = name + n.ToString(CultureInfo.InvariantCulture);
            }

            names[i] = unique;
        }

        return names;
    }

    /// <summary>
    /// A name Excel accepts for a sheet: 1 to 31 characters, none of : \ / ? * [ ], not starting or ending with an
    /// apostrophe, not "History" (reserved). Anything else is repaired rather than refused.
    /// </summary>
    internal static string SafeSheetName(string? name)
    {
        var chars = SpreadsheetText.Clean(name, 64)
            .Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' or '\n' or '\t' ? '_' : c)
            .ToArray();
        var safe = new string(chars).Trim().Trim('\'').Trim();
        if (safe.Length > 31)
        {
            safe = safe[..(char.IsHighSurrogate(safe[30]) ? 30 : 31)].TrimEnd().TrimEnd('\'');
        }

        return safe.Length == 0 || safe.Equals("History", StringComparison.OrdinalIgnoreCase) ? "Sheet1" : safe;
    }

    private static void WriteWorksheet(
        WorksheetPart part, string tableRelationshipId, IReadOnlyList<LedgerRow> rows, string[] names, string? marking, string title, SharedStrings strings, int headerRow, int lastRow)
    {
        var firstDataRow = (headerRow + 1).ToString(CultureInfo.InvariantCulture);
        var titleRow = (uint)(headerRow - 1);
        var titleRowNumber = titleRow.ToString(CultureInfo.InvariantCulture);
        using var writer = OpenXmlWriter.Create(part, Utf8);
        var cells = new CellWriter(writer);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetDimension { Reference = "A1:" + ColumnLetters[^1] + lastRow.ToString(CultureInfo.InvariantCulture) });
        writer.WriteElement(new SheetViews(
            new SheetView(
                new Pane
                {
                    VerticalSplit = headerRow, // ySplit: the sensitivity line, the title and the header stay on screen
                    TopLeftCell = "A" + firstDataRow,
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A" + firstDataRow, SequenceOfReferences = new ListValue<StringValue> { InnerText = "A" + firstDataRow } })
            {
                TabSelected = true,
                WorkbookViewId = 0U,
            }));
        writer.WriteElement(ColumnWidths(rows, names));

        writer.WriteStartElement(new SheetData());

        if (marking is not null)
        {
            writer.WriteStartElement(new Row { RowIndex = 1U, Height = 21, CustomHeight = true });
            WriteText(cells, strings, "A1", marking, StyleSensitivity);
            writer.WriteEndElement();
        }

        writer.WriteStartElement(new Row { RowIndex = titleRow, Height = 30, CustomHeight = true });
        WriteText(cells, strings, "A" + titleRowNumber, SpreadsheetText.Clean(title), StyleTitle);
        writer.WriteEndElement();

        writer.WriteStartElement(new Row { RowIndex = (uint)headerRow });
        for (var column = 0; column < names.Length; column++)
        {
            WriteText(cells, strings, ColumnLetters[column] + headerRow.ToString(CultureInfo.InvariantCulture), names[column], StyleHeader);
        }

        writer.WriteEndElement();

        for (var i = 0; i < rows.Count; i++)
        {
            var rowIndex = headerRow + 1 + i;
            var rowNumber = rowIndex.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
            WriteRowCells(cells, strings, rows[i], rowNumber);
            writer.WriteEndElement();
        }

        writer.WriteEndElement(); // sheetData

        var merges = new MergeCells(new MergeCell { Reference = "A" + titleRowNumber + ":" + ColumnLetters[^1] + titleRowNumber });
        if (marking is not null)
        {
            merges.PrependChild(new MergeCell { Reference = "A1:" + ColumnLetters[^1] + "1" });
        }

        merges.Count = (uint)merges.ChildElements.Count;
        writer.WriteElement(merges);
        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup { PaperSize = 9U, Orientation = OrientationValues.Landscape, FitToWidth = 1U, FitToHeight = 0U });
        writer.WriteElement(new TableParts(new TablePart { Id = tableRelationshipId }) { Count = 1U });
        writer.WriteEndElement(); // worksheet
        writer.Close();
    }

    private static void WriteRowCells(CellWriter writer, SharedStrings strings, LedgerRow row, string rowNumber)
    {
        for (var column = 0; column < LedgerColumns.All.Count; column++)
        {
            var reference = ColumnLetters[column] + rowNumber;
            switch (LedgerColumns.All[column].Value(row))
            {
                case DateOnly date:
                    writer.Write(reference, (date.DayNumber - ExcelEpoch.DayNumber).ToString(CultureInfo.InvariantCulture), StyleDate);
                    break;
                case DateTime dateTime:
                    writer.Write(reference, SerialOf(dateTime).ToString("R", CultureInfo.InvariantCulture), StyleDateTime);
                    break;
                case int number:
                    writer.Write(reference, number.ToString(CultureInfo.InvariantCulture), StyleOverdue);
                    break;
                case string text:
                    WriteText(writer, strings, reference, SpreadsheetText.Clean(text), StyleText);
                    break;
                default:
                    break; // no value: the cell stays empty
            }
        }
    }

    /// <summary>A date and time as Excel's serial number (days since 1899-12-30), to the second.</summary>
    private static double SerialOf(DateTime value)
    {
        var seconds = (long)(value.TimeOfDay.Ticks / TimeSpan.TicksPerSecond);
        return (DateOnly.FromDateTime(value).DayNumber - ExcelEpoch.DayNumber) + (seconds / 86400.0);
    }

    private static void WriteText(CellWriter writer, SharedStrings strings, string reference, string text, uint style)
    {
        if (text.Length != 0)
        {
            writer.Write(reference, strings.IndexOf(text).ToString(CultureInfo.InvariantCulture), style, sharedString: true);
        }
    }

    /// <summary>
    /// Widths in Excel's character units: wide enough for the heading and its filter button and for the content,
    /// within each column's bounds (long texts wrap).
    /// </summary>
    private static Columns ColumnWidths(IReadOnlyList<LedgerRow> rows, string[] names)
    {
        var columns = new Columns();
        for (var column = 0; column < LedgerColumns.All.Count; column++)
        {
            var spec = LedgerColumns.All[column];
            var content = spec.Kind switch
            {
                LedgerCellKind.Date => 10,
                LedgerCellKind.DateTime => 16,
                _ => rows.Count == 0 ? 0 : rows.Max(r => spec.Value(r) switch
                {
                    string text => TextWidth.Of(text),
                    int number => number.ToString(CultureInfo.InvariantCulture).Length,
                    _ => 0,
                }),
            };
            var wanted = Math.Max(TextWidth.Of(names[column]) + 4, content + 2);
            var width = Math.Clamp(wanted, spec.MinWidth, spec.MaxWidth);
            columns.Append(new Column { Min = (uint)(column + 1), Max = (uint)(column + 1), Width = width, CustomWidth = true });
        }

        return columns;
    }

    private static Table BuildTable(string[] names, string range)
    {
        var columns = new TableColumns { Count = (uint)names.Length };
        for (var i = 0; i < names.Length; i++)
        {
            columns.Append(new TableColumn { Id = (uint)(i + 1), Name = SpreadsheetText.EscapeForStorage(names[i]) });
        }

        return new Table(
            new AutoFilter { Reference = range },
            columns,
            new TableStyleInfo { Name = TableStyle, ShowFirstColumn = false, ShowLastColumn = false, ShowRowStripes = true, ShowColumnStripes = false })
        {
            Id = 1U,
            Name = TableName,
            DisplayName = TableName,
            Reference = range,
            TotalsRowShown = false,
        };
    }

    private static void CheckHeadings(IReadOnlyList<string> headings)
    {
        ArgumentNullException.ThrowIfNull(headings);
        if (headings.Count != LedgerColumns.All.Count)
        {
            throw new ArgumentException($"The ledger has {LedgerColumns.All.Count} columns; {headings.Count} headings were given.", nameof(headings));
        }
    }
}
