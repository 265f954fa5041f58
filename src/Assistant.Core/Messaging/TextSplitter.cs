namespace Assistant.Core.Messaging;

/// <summary>
/// Splits long HTML text into parts Telegram accepts (4096 characters after parsing). Parts break at
/// line breaks; a single line too long on its own is sent as escaped plain text cut between words,
/// never inside a tag or an entity.
/// </summary>
public static class TextSplitter
{
    /// <summary>Below Telegram's 4096 with room to spare; raw HTML is never shorter than what it renders.</summary>
    public const int MaxLength = 4000;

    public static IReadOnlyList<string> Split(string html, int maxLength = MaxLength)
    {
        if (html.Length <= maxLength)
        {
            return [html];
        }

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in html.Split('\n'))
        {
            if (line.Length > maxLength)
            {
                Flush(parts, current);
                parts.AddRange(SplitLongLine(line, maxLength));
                continue;
            }

            if (current.Length > 0 && current.Length + 1 + line.Length > maxLength)
            {
                Flush(parts, current);
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        Flush(parts, current);
        return parts;
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        if (current.ToString().Trim().Length > 0)
        {
            parts.Add(current.ToString());
        }

        current.Clear();
    }

    private static IEnumerable<string> SplitLongLine(string line, int maxLength)
    {
        var plain = Html.ToPlainText(line);
        var start = 0;
        while (start < plain.Length)
        {
            // Escaping can grow text up to six times (&quot;), so cut the plain text conservatively.
            var take = Math.Min(maxLength / 6 * 5, plain.Length - start);
            var end = start + take;
            if (end < plain.Length)
            {
                var space = plain.LastIndexOfAny([' ', '，', '。', '；', ',', '.', ';'], end - 1, take);
                if (space > start + (take / 2))
                {
                    end = space + 1;
                }
                else if (char.IsHighSurrogate(plain[end - 1]))
                {
                    end--;
                }
            }

            var piece = Html.Escape(plain[start..end]);
            while (piece.Length > maxLength)
            {
                end -= Math.Max(1, (end - start) / 10);
                piece = Html.Escape(plain[start..end]);
            }

            yield return piece;
            start = end;
        }
    }
}
