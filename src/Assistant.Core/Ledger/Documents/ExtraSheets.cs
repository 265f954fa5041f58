using Assistant.Core.Teams;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Core.Ledger.Documents;

/// <summary>A plain sheet a capability above the ledger adds to the export: a name, a header row and rows of text.</summary>
public sealed record ExtraSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A capability that adds a sheet to the ledger export (the rectification plan), localized for the reader.</summary>
public interface ILedgerSheetSource
{
    /// <summary>The sheet for the team, or null when it has nothing to show.</summary>
    ExtraSheet? For(Texts t, Team team, DateOnly today);
}

/// <summary>Appends <see cref="ExtraSheet"/>s after the ledger's sheet, as inline strings (small sheets, no table).</summary>
public static class ExtraSheets
{
    public static void Append(WorkbookPart workbookPart, IReadOnlyList<ExtraSheet> extra)
    {
        var sheets = workbookPart.Workbook.Sheets!;
        var id = 2u;
        foreach (var sheet in extra)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(sheet.Header));
            foreach (var row in sheet.Rows)
            {
                data.Append(Row(row));
            }

            part.Worksheet = new Worksheet(data);
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = LedgerWorkbook.SafeSheetName(sheet.Name) });
        }
    }

    private static Row Row(IEnumerable<string> cells) =>
        new(cells.Select(c => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(SpreadsheetText.Clean(c))) }));
}
