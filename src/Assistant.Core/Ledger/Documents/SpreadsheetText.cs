namespace Assistant.Core.Ledger.Documents;

/// <summary>
/// Text as a spreadsheet can hold it: XML 1.0 characters only, Excel's cell limit, line breaks as LF, and the
/// <c>_xHHHH_</c> escape of SpreadsheetML kept literal.
/// </summary>
internal static class SpreadsheetText
{
    /// <summary>The most characters an Excel cell holds.</summary>
    public const int MaxCellLength = 32767;

    /// <summary>The text as XML holds it (<see cref="XmlText.Clean"/>), cut to what a cell holds.</summary>
    public static string Clean(string? value, int maxLength = MaxCellLength) => XmlText.Clean(value, maxLength);

    /// <summary>
    /// Excel reads <c>_x0041_</c> in stored text as the character U+0041; a literal <c>_x</c> + four hex digits + <c>_</c>
    /// is stored with its underscore escaped (<c>_x005F_</c>) so that the cell shows what was written.
    /// </summary>
    public static string EscapeForStorage(string value)
    {
        var index = value.IndexOf("_x", StringComparison.Ordinal);
        if (index < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 7);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '_' && IsEscapeAt(value, i))
            {
                builder.Append("_x005F");
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }

    private static bool IsEscapeAt(string value, int i)
    {
        if (i + 6 >= value.Length || value[i + 1] != 'x' || value[i + 6] != '_')
        {
            return false;
        }

        for (var k = i + 2; k < i + 6; k++)
        {
            if (!char.IsAsciiHexDigit(value[k]))
            {
                return false;
            }
        }

        return true;
    }
}
