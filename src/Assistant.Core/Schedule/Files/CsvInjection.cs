namespace Assistant.Core.Schedule.Files;

/// <summary>Keeps a CSV cell from being run as a formula by a spreadsheet, reversibly (used by <see cref="ItineraryCsv"/>).</summary>
internal static class CsvInjection
{
    /// <summary>
    /// OWASP CSV injection guidance: a cell beginning with = + - @ tab or CR gets a leading apostrophe. So that
    /// <see cref="Unneutralize"/> can undo exactly this, a cell that already is apostrophes before such a character
    /// gets one more.
    /// </summary>
    internal static string? Neutralize(string? value) =>
        value is not null && IsFormulaStart(value.AsSpan().TrimStart('\'')) && (IsFormulaStart(value) || value.StartsWith('\''))
            ? "'" + value
            : value;

    /// <summary>Removes the one apostrophe <see cref="Neutralize"/> added; an apostrophe before ordinary text stays.</summary>
    internal static string Unneutralize(string value) =>
        value.StartsWith('\'') && IsFormulaStart(value.AsSpan().TrimStart('\'')) ? value[1..] : value;

    private static bool IsFormulaStart(ReadOnlySpan<char> value) =>
        !value.IsEmpty && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
