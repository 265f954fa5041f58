namespace Assistant.Core.Ledger.Documents;

/// <summary>How a ledger cell is written: text, an Excel date, an Excel date and time, or a number.</summary>
public enum LedgerCellKind
{
    Text,
    Date,
    DateTime,
    Number,
}

/// <summary>
/// One column of the ledger, described once: its heading (a catalog key), how its cells are written, its width bounds
/// in Excel's character units (long texts wrap), and its value from a row: a string, a <see cref="DateOnly"/>, a
/// <see cref="System.DateTime"/> or an int, null for an empty cell.
/// </summary>
public sealed record LedgerColumn(string HeadingKey, LedgerCellKind Kind, int MinWidth, int MaxWidth, Func<LedgerRow, object?> Value);

/// <summary>
/// The ledger's columns in order (shared/domain.md): the one list that the headings, the workbook (cells, widths,
/// the Excel table) and the CSV are written from.
/// </summary>
public static class LedgerColumns
{
    public static IReadOnlyList<LedgerColumn> All { get; } =
    [
        Text("ledger.col.number", 8, 16, r => r.Number),
        Text("field.unit", 14, 30, r => r.Unit),
        Text("ledger.col.openness", 10, 12, r => r.Openness), // 明查/暗访, beside the unit it qualifies
        Text("field.place", 10, 24, r => r.Location),
        Text("field.sector", 8, 16, r => r.Sector),
        Text("field.aspect", 8, 18, r => r.Aspect),
        Text("field.description", 40, 60, r => r.Problem),
        Text("field.basis", 30, 45, r => r.Basis),
        Text("field.severity", 8, 16, r => r.Severity),
        Text("field.responsible_unit", 12, 28, r => r.ResponsibleUnit),
        Text("field.responsible_person", 8, 14, r => r.ResponsiblePerson),
        new("field.deadline", LedgerCellKind.Date, 12, 16, r => r.Deadline),
        Text("ledger.field.status", 8, 14, r => r.Status),
        Text("ledger.field.fix", 16, 40, r => r.FixEvidence),
        Text("ledger.col.verified_by", 8, 14, r => r.VerifiedBy),
        new("ledger.col.verified_at", LedgerCellKind.DateTime, 17, 20, r => r.VerifiedAt),
        Text("ledger.col.opinion", 20, 45, r => r.VerificationOpinion),

        // Blank unless overdue.
        new("ledger.col.days_overdue", LedgerCellKind.Number, 8, 12, r => r.DaysOverdue > 0 ? r.DaysOverdue : null),
    ];

    /// <summary>The headings in the reader's language, in column order.</summary>
    public static IReadOnlyList<string> Headings(Texts t) => [.. All.Select(c => t[c.HeadingKey])];

    private static LedgerColumn Text(string headingKey, int minWidth, int maxWidth, Func<LedgerRow, string?> value) =>
        new(headingKey, LedgerCellKind.Text, minWidth, maxWidth, value);
}
