using Assistant.Core.Summaries.Documents;

namespace Assistant.Core.Summaries;

/// <summary>
/// The typography a Chinese official document keeps: no half-width space next to a Chinese character or full-width
/// punctuation ("长沙市 望城区" → "长沙市望城区"), and half-width , ; : ( ) ! ? next to Chinese written full-width.
/// Spaces and marks between Latin letters and digits ("GB 50016-2014", "08:30") are left alone.
/// </summary>
public static class ChineseTypography
{
    /// <summary>A Chinese character, full-width punctuation or the ideographic space.</summary>
    public static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F' or '“' or '”' or '‘' or '’' or '…' or '—' or '·';

    public static string Tidy(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        // Spaces first, so "长沙市 , 望城区" has its comma next to a Chinese character.
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                var end = i;
                while (end < text.Length && text[end] is ' ' or '\t')
                {
                    end++;
                }

                var before = sb.Length > 0 ? sb[^1] : '\n';
                var after = end < text.Length ? text[end] : '\n';
                if (!IsWide(before) && !IsWide(after) && before != '\n' && after != '\n')
                {
                    sb.Append(' ');
                }

                i = end - 1;
                continue;
            }

            sb.Append(c);
        }

        var parentheses = new Stack<bool>(); // per open "(": whether it became "（", so its ")" follows
        for (var i = 0; i < sb.Length; i++)
        {
            var wide = sb[i] switch
            {
                ',' => '，',
                ';' => '；',
                ':' => '：',
                '!' => '！',
                '?' => '？',
                '(' => '（',
                ')' => '）',
                _ => '\0',
            };
            if (wide == '\0')
            {
                continue;
            }

            var beforeWide = i > 0 && IsWide(sb[i - 1]);
            var afterWide = i + 1 < sb.Length && IsWide(sb[i + 1]);
            var fits = sb[i] switch
            {
                '(' => afterWide || beforeWide,
                ')' => parentheses.Count > 0 ? parentheses.Peek() : beforeWide,
                _ => beforeWide || (afterWide && (i == 0 || !char.IsAsciiDigit(sb[i - 1]))),
            };
            if (sb[i] == '(')
            {
                parentheses.Push(fits);
            }
            else if (sb[i] == ')' && parentheses.Count > 0)
            {
                parentheses.Pop();
            }

            if (fits)
            {
                sb[i] = wide;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Spaces between two Chinese characters removed ("长沙市 望城区" in an English sentence), nothing else: what an
    /// English document quoting Chinese names keeps.
    /// </summary>
    public static string TidyChineseRuns(string text)
    {
        if (!text.Contains(' ', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && sb.Length > 0 && IsWide(sb[^1]))
            {
                var end = i;
                while (end < text.Length && text[end] == ' ')
                {
                    end++;
                }

                if (end < text.Length && IsWide(text[end]))
                {
                    i = end - 1;
                    continue;
                }
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Every text of a Chinese document tidied (<see cref="Tidy(string)"/>); of an English one, its Chinese runs
    /// (<see cref="TidyChineseRuns"/>); in both, emoji left out (<see cref="WithoutEmoji"/>), whoever typed or wrote them.
    /// </summary>
    public static BriefDocument Tidy(BriefDocument doc)
    {
        Func<string, string> tidy = Documents.BriefDocxStyles.IsEnglish(doc.Language) ? TidyChineseRuns : Tidy;
        return Map(doc, s => tidy(WithoutEmoji(s)));
    }

    /// <summary>
    /// The text without emoji (pictographs, dingbats, flags, skin tones, keycaps and their joiners and variation
    /// selectors): a note typed on a phone ("现场👍检查") reads in a document as "现场检查". A space the emoji stood
    /// between is kept once, and none is left before punctuation or at the end.
    /// </summary>
    public static string WithoutEmoji(string text)
    {
        if (!text.EnumerateRunes().Any(IsEmoji))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var removed = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsEmoji(rune))
            {
                removed = true;
                continue;
            }

            if (removed && sb.Length > 0 && sb[^1] == ' ' && (rune.Value == ' ' || char.IsPunctuation((char)Math.Min(rune.Value, char.MaxValue))))
            {
                sb.Length--;
            }

            removed = false;
            sb.Append(rune.ToString());
        }

        if (removed)
        {
            while (sb.Length > 0 && sb[^1] == ' ')
            {
                sb.Length--;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// An emoji or a part of one: the pictograph planes (U+1F000–U+1FAFF), the miscellaneous symbols and dingbats
    /// (U+2600–U+27BF), the arrows and stars of U+2B00–U+2BFF, variation selectors, the zero-width joiner, the keycap
    /// and the tag characters. Letters, digits, CJK, full-width punctuation and the marks a document uses (※ √ × ①) are not.
    /// </summary>
    public static bool IsEmoji(Rune r) =>
        r.Value is >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF
            or >= 0xFE00 and <= 0xFE0F or 0x200D or 0x20E3 or >= 0xE0020 and <= 0xE007F;

    private static BriefDocument Map(BriefDocument doc, Func<string, string> tidy)
    {
        string? T(string? s) => s is null ? null : tidy(s);
        return doc with
        {
            Title = tidy(doc.Title),
            Subtitle = T(doc.Subtitle),
            Sections = [.. doc.Sections.Select(s => new BriefSection(tidy(s.Heading), [.. s.Blocks.Select(b => Tidy(b, tidy))]))],
            Masthead = doc.Masthead is { } m ? new BriefMasthead(tidy(m.Issue), tidy(m.Issuer), tidy(m.Date)) : null,
            Signature = doc.Signature is { } g ? new BriefSignature([.. g.AnnexList.Select(tidy)], tidy(g.Issuer), tidy(g.Date)) : null,
            Annexes = [.. doc.Annexes.Select(a => new BriefAnnex(tidy(a.Label), tidy(a.Title), Tidy(a.Content, tidy)))],
            Distribution = [.. doc.Distribution.Select(tidy)],
        };
    }

    private static BriefBlock Tidy(BriefBlock block, Func<string, string> tidy) => block switch
    {
        BriefParagraph p => new BriefParagraph(tidy(p.Text)),
        BriefSubheading h => new BriefSubheading(tidy(h.Text)),
        BriefList l => new BriefList([.. l.Items.Select(tidy)]),
        BriefNarrative n => new BriefNarrative(n.Slot, [.. n.Paragraphs.Select(tidy)]),
        BriefTable t => new BriefTable(t.Caption is null ? null : tidy(t.Caption), [.. t.Headings.Select(tidy)], [.. t.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(tidy)])]),
        _ => block,
    };
}
