using System.Text;
using Assistant.Core.Messaging;
using Assistant.Core.Summaries.Documents;

namespace Assistant.Core.Summaries;

/// <summary>
/// A brief as a chat message (Telegram HTML): the title and headings in bold, one line per list
/// item, a table as one line per row. The outbox splits it below 4096 characters at line breaks.
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

        sb.Append(Html.Bold(doc.Title));
        if (doc.Subtitle is { Length: > 0 } subtitle)
        {
            sb.Append('\n').Append(Html.Escape(subtitle));
        }

        foreach (var section in doc.Sections)
        {
            sb.Append("\n\n").Append(Html.Bold(section.Heading));
            foreach (var block in section.Blocks)
            {
                Append(sb, block);
            }
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, BriefBlock block)
    {
        switch (block)
        {
            case BriefParagraph p:
                sb.Append('\n').Append(Html.Escape(p.Text));
                break;
            case BriefSubheading h:
                sb.Append('\n').Append(Html.Bold(h.Text));
                break;
            case BriefList list:
                foreach (var item in list.Items)
                {
                    sb.Append('\n').Append(Html.Escape(item));
                }

                break;
            case BriefTable table:
                if (table.Caption is { Length: > 0 } caption)
                {
                    sb.Append('\n').Append(Html.Bold(caption));
                }

                foreach (var row in table.Rows)
                {
                    sb.Append('\n').Append(Html.Escape(string.Join(" ｜ ", row.Where(c => c.Length > 0).Select(c => c.ReplaceLineEndings(" ")))));
                }

                break;
        }
    }
}
