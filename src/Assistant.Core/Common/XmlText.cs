namespace Assistant.Core.Common;

/// <summary>Text as an XML document (a Word file, a workbook) can hold it: XML 1.0 characters only, line breaks as LF.</summary>
public static class XmlText
{
    /// <summary>
    /// Removes what XML 1.0 forbids (C0 controls other than tab and LF, lone surrogates, U+FFFE, U+FFFF), turns CR
    /// and CRLF into LF (a line break inside a Word paragraph or an Excel cell) and cuts the text to
    /// <paramref name="maxLength"/> characters without splitting a surrogate pair. Null becomes empty.
    /// </summary>
    public static string Clean(string? value, int maxLength = int.MaxValue)
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
}
