namespace Assistant.Core.Dispatching;

/// <summary>A command as typed: <c>/invite@inspection_bot member 5</c> → name "invite", arguments "member 5".</summary>
public sealed record CommandLine(string Name, string Arguments, string? AddressedTo)
{
    public const int MaxNameLength = 32;

    public IReadOnlyList<string> Words => Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Parses text starting with '/'; null for anything else (including a lone "/").</summary>
    public static CommandLine? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/' || text.Length < 2)
        {
            return null;
        }

        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var head = text[1..end];
        string? addressedTo = null;
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            addressedTo = head[(at + 1)..];
            head = head[..at];
        }

        if (head.Length is 0 or > MaxNameLength)
        {
            return null;
        }

        return new CommandLine(head.ToLowerInvariant(), text[end..].Trim(), addressedTo);
    }
}
