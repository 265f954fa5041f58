using Assistant.Core.Summaries.Documents;

namespace Assistant.Core.Summaries;

/// <summary>
/// A brief as a chat message (Telegram HTML): the sensitivity line, the title and headings in bold, one line per
/// list item, the signature, each annex table as one line per row, the distribution lines, then any hint for the
/// reader (in italics, not part of the document). The outbox splits it below 4096 characters at line breaks.
/// </summary>
public static class BriefHtml
{
    public static string Render(BriefDocument doc)
    {
        var sb = new StringBuilder();
        if (doc.Note is { Length: > 0 } note)
        {
            sb.Append(Html.Italic(note)).Append("\n\n");
        }

        if (doc.Sensitivity is { Length: > 0 } sensitivity)
        {
            sb.Append(Html.Bold(sensitivity)).Append('\n');
        }

        sb.Append(Html.Bold(doc.Title));
        if (doc.Subtitle is { Length: > 0 } subtitle)
        {
            sb.Append('\n').Append(Html.Escape(subtitle));
        }

        if (doc.Masthead is { } masthead)
        {
            sb.Append('\n').Append(Html.Escape(masthead.Issue)).Append('\n').Append(Html.Escape(masthead.Issuer + "　" + masthead.Date));
        }

        foreach (var section in doc.Sections)
        {
            sb.Append("\n\n").Append(Html.Bold(section.Heading));
            foreach (var block in section.Blocks)
            {
                Append(sb, block, doc.Language);
            }
        }

        if (doc.Signature is { } signature)
        {
            sb.Append("\n\n").Append(Html.Escape(signature.Issuer)).Append('\n').Append(Html.Escape(signature.Date));
        }

        foreach (var annex in doc.Annexes)
        {
            sb.Append("\n\n").Append(Html.Bold(annex.Label + "　" + annex.Title));
            Append(sb, annex.Content, doc.Language);
        }

        if (doc.Distribution.Count > 0)
        {
            sb.Append('\n');
            foreach (var line in doc.Distribution)
            {
                sb.Append('\n').Append(Html.Escape(line));
            }
        }

        foreach (var hint in doc.Hints)
        {
            sb.Append("\n\n").Append(Html.Italic(hint));
        }

        return sb.ToString();
    }

    /// <summary>Each text on a line of its own.</summary>
    private static void AppendLines(StringBuilder sb, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            sb.Append('\n').Append(Html.Escape(line));
        }
    }

    private static void Append(StringBuilder sb, BriefBlock block, string language)
    {
        if (block is BriefSubheading h)
        {
            sb.Append('\n').Append(Html.Bold(h.Text));
        }
        else if (block is BriefTable table)
        {
            AppendTable(sb, table, language);
        }
        else
        {
            AppendLines(sb, block switch
            {
                BriefParagraph p => [p.Text],
                BriefNarrative n => n.Paragraphs,
                BriefList list => list.Items,
                _ => [],
            });
        }
    }

    /// <summary>The caption in bold, then each row on a line, its filled cells joined by a bar.</summary>
    private static void AppendTable(StringBuilder sb, BriefTable table, string language)
    {
        if (table.Caption is { Length: > 0 } caption)
        {
            sb.Append('\n').Append(Html.Bold(caption));
        }

        var bar = BriefDocxStyles.IsEnglish(language) ? " | " : "｜";
        foreach (var row in table.Rows)
        {
            sb.Append('\n').Append(Html.Escape(string.Join(bar, row.Where(c => c.Length > 0 && c != "—").Select(c => c.ReplaceLineEndings(" ")))));
        }
    }
}
