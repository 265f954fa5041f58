namespace Assistant.Core.Common;

/// <summary>
/// Text as a person typed it, without what they cannot see: control characters (other than line breaks and
/// tabs), zero-width characters (U+200B–U+200F, U+2060, U+FEFF) and bidirectional controls (U+202A–U+202E,
/// U+2066–U+2069). Invisible characters make two equal-looking codes, names or commands differ, and a
/// right-to-left override turns a stored name or note around for everyone who reads it.
/// </summary>
public static class TypedText
{
    /// <summary>Whether the character is dropped from typed text.</summary>
    public static bool IsDropped(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\t'))
        || c is >= '\u200B' and <= '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u2060' or '\uFEFF';

    /// <summary>The text without dropped characters (the same instance when there are none); null stays null.</summary>
    public static string? Clean(string? text)
    {
        if (text is null || !text.Any(IsDropped))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsDropped(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
