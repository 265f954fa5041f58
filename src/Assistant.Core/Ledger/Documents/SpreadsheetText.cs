namespace Assistant.Core.Ledger.Documents;

/// <summary>
/// Text as a spreadsheet can hold it: XML 1.0 characters only, Excel's cell limit, line breaks as LF, and the
/// <c>_xHHHH_</c> escape of SpreadsheetML kept literal.
/// </summary>
internal static class SpreadsheetText
{
    /// <summary>The most characters an Excel cell holds.</summary>
    public const int MaxCellLength = 32767;

    /// <summary>
    /// Removes what XML 1.0 forbids (C0 controls other than tab and LF, lone surrogates, U+FFFE, U+FFFF), turns CR
    /// and CRLF into LF (what Excel uses inside a cell) and cuts the text to <paramref name="maxLength"/> characters
    /// without splitting a surrogate pair. Null becomes empty.
    /// </summary>
    public static string Clean(string? value, int maxLength = MaxCellLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.Length <= maxLength && !NeedsCleaning(value))
        {
            return value;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        for (var i = 0; i < value.Length && builder.Length < maxLength; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    if (builder.Length + 2 > maxLength)
                    {
                        break;
                    }

                    builder.Append(c).Append(value[++i]);
                }

                continue; // a lone high surrogate is dropped
            }

            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < value.Length && value[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (IsAllowed(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

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

    private static bool NeedsCleaning(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return true;
            }

            if (c == '\r' || !IsAllowed(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>XML 1.0 Char, minus surrogates (handled as pairs by the callers) and CR (normalised to LF).</summary>
    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');

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
