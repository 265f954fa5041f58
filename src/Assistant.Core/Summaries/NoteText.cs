namespace Assistant.Core.Summaries;

/// <summary>
/// A note as a brief quotes it: one line, quotation marks paired and nested as Chinese text nests them (“…‘…’…”), a
/// note wrapped whole in quotation marks unwrapped, and cut at a sentence boundary to a length.
/// </summary>
public static class NoteText
{
    private const string SentenceEnds = "。！？；!?;";
    private const string ClauseEnds = "，、,：:";

    /// <summary>
    /// The note's first sentences that fit <paramref name="maxLength"/> characters. A first sentence longer than that
    /// is cut at its last clause boundary (or at the length) and ends with "……" ("..." in English). The excerpt ends
    /// with sentence punctuation and has its quotation marks closed.
    /// </summary>
    public static string Excerpt(string text, int maxLength, bool english)
    {
        var line = Unwrap(NormaliseQuotes(OneLine(text))).Trim();
        if (line.Length == 0)
        {
            return "";
        }

        string cut;
        if (line.Length <= maxLength)
        {
            cut = line;
        }
        else
        {
            var end = LastIndexOfAny(line, SentenceEnds, maxLength, english);
            if (end >= maxLength / 3)
            {
                cut = line[..(end + 1)];
            }
            else
            {
                var clause = LastIndexOfAny(line, ClauseEnds, maxLength - 2, english);
                var head = (clause >= maxLength / 3 ? line[..clause] : line[..(maxLength - 2)]).TrimEnd();
                cut = head + (english && !ChineseTypography.IsWide(head[^1]) ? "..." : "……");
            }
        }

        cut = CloseQuotes(cut.TrimEnd('；', ';', '，', ',', '、'));
        var last = cut[^1];
        if ("。！？.!?…”’".Contains(last, StringComparison.Ordinal))
        {
            return cut;
        }

        // A Chinese note keeps Chinese punctuation in an English document too ("…堵塞。" rather than "…堵塞.").
        return cut + (english && !ChineseTypography.IsWide(last) ? "." : "。");
    }

    /// <summary>
    /// Whether a note says anything: a letter (CJK included) or a digit once emoji are left out. "😀😀😀" or "👍！" does
    /// not, and a brief neither quotes nor counts it.
    /// </summary>
    public static bool HasContent(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.EnumerateRunes().Any(r => !ChineseTypography.IsEmoji(r) && Rune.IsLetterOrDigit(r));

    /// <summary>The notes a document may quote: their text without emoji (<see cref="ChineseTypography.WithoutEmoji"/>), those with nothing left to say (<see cref="HasContent"/>) left out.</summary>
    public static IReadOnlyList<NoteFact> Quotable(IReadOnlyList<NoteFact> notes) =>
        notes.All(n => HasContent(n.Text) && ChineseTypography.WithoutEmoji(n.Text) == n.Text)
            ? notes
            : [.. notes.Where(n => HasContent(n.Text)).Select(n => n with { Text = ChineseTypography.WithoutEmoji(n.Text) })];

    /// <summary>
    /// Pairs straight and curly double quotation marks: an opening mark inside an open quotation opens a nested one,
    /// written ‘’ (and “” again inside that); a mark that can only close closes the innermost quotation; marks left
    /// open at the end are closed.
    /// </summary>
    public static string NormaliseQuotes(string text)
    {
        var sb = new StringBuilder(text.Length + 4);
        var open = new Stack<bool>(); // per open quotation: whether a straight mark opened it
        foreach (var c in text)
        {
            bool opening;
            switch (c)
            {
                case '"':
                    opening = open.Count == 0 || !open.Peek();
                    break;
                case '“' or '‘':
                    opening = true;
                    break;
                case '’' when open.Count == 0:
                    sb.Append(c); // an apostrophe, not a quotation
                    continue;
                case '”' or '’':
                    opening = open.Count == 0;
                    break;
                default:
                    sb.Append(c);
                    continue;
            }

            if (opening)
            {
                open.Push(c == '"');
                sb.Append(open.Count % 2 == 1 ? '“' : '‘');
            }
            else
            {
                sb.Append(open.Count % 2 == 1 ? '”' : '’');
                open.Pop();
            }
        }

        return CloseQuotes(sb.ToString());
    }

    /// <summary>Closes every quotation still open at the end of the text.</summary>
    public static string CloseQuotes(string text)
    {
        var open = new Stack<char>();
        foreach (var c in text)
        {
            switch (c)
            {
                case '“' or '‘':
                    open.Push(c);
                    break;
                case '”' when open.Count > 0 && open.Peek() == '“':
                case '’' when open.Count > 0 && open.Peek() == '‘':
                    open.Pop();
                    break;
            }
        }

        var sb = new StringBuilder(text);
        while (open.Count > 0)
        {
            sb.Append(open.Pop() == '“' ? '”' : '’');
        }

        return sb.ToString();
    }

    /// <summary>Line breaks and runs of spaces as one space (none between Chinese characters).</summary>
    private static string OneLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u3000')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace && !(ChineseTypography.IsWide(sb[^1]) && ChineseTypography.IsWide(c)))
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>A note quoted whole (“…” or “…。”) without the outer marks.</summary>
    private static string Unwrap(string text)
    {
        var t = text.Trim();
        if (t.Length > 2 && t[0] == '“')
        {
            var close = MatchingClose(t);
            if (close == t.Length - 1 || (close == t.Length - 2 && SentenceEnds.Contains(t[^1], StringComparison.Ordinal)))
            {
                return t[1..close] + t[(close + 1)..];
            }
        }

        return t;
    }

    private static int MatchingClose(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '“' or '‘')
            {
                depth++;
            }
            else if (text[i] is '”' or '’' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOfAny(string text, string marks, int before, bool english)
    {
        for (var i = Math.Min(before, text.Length) - 1; i >= 0; i--)
        {
            var c = text[i];
            if (marks.Contains(c, StringComparison.Ordinal) && (c > 0x7F || english || i + 1 >= text.Length || text[i + 1] == ' ' || ChineseTypography.IsWide(text[i + 1])))
            {
                return i;
            }

            if (english && c == '.' && (i + 1 >= text.Length || text[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }
}
