namespace Assistant.Core.Common;

/// <summary>The start of a text where a line, a button or an error message has room for only so much of it.</summary>
public static class TextPreview
{
    /// <summary><paramref name="text"/> as it is when it has at most <paramref name="length"/> characters; else its first <paramref name="length"/> and "…".</summary>
    public static string Shorten(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= length ? text : text[..length] + "…";
    }
}
