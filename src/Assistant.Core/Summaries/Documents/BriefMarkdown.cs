using System.Buffers;

namespace Assistant.Core.Summaries.Documents;

/// <summary>
/// A <see cref="BriefDocument"/> as a Markdown file (CommonMark with GitHub's pipe tables): the title as <c>#</c>,
/// sections as <c>##</c>, sub-headings as <c>###</c>, every paragraph and list item as its own paragraph, tables as
/// pipe tables. All user text is escaped, so nothing in it turns into formatting, a list, a heading or HTML.
/// </summary>
public static class BriefMarkdown
{
    /// <summary>Characters that mean something inline anywhere in a line; each is written with a backslash.</summary>
    private static readonly SearchValues<char> InlineSpecials = SearchValues.Create("\\`*_[]<>#|~$&");

    /// <summary>
    /// The document as Markdown: LF line endings, blocks separated by one blank line, ending with a single newline.
    /// A line break inside a paragraph becomes a hard line break; inside a table cell, <c>&lt;br&gt;</c>.
    /// </summary>
    public static string Render(BriefDocument doc)
    {
        var blocks = new List<string>();
        AddIfAny(blocks, Bold(doc.Sensitivity));
        blocks.Add(Heading(1, doc.Title));
        AddIfAny(blocks, Bold(doc.Subtitle));
        if (doc.Masthead is { } masthead)
        {
            AddIfAny(blocks, Bold(masthead.Issue));
            AddIfAny(blocks, Bold(masthead.Issuer + Gap(doc) + masthead.Date));
            blocks.Add("---");
        }

        AddIfAny(blocks, Quote(doc.Note));

        foreach (var section in doc.Sections)
        {
            blocks.Add(Heading(2, section.Heading));
            foreach (var block in section.Blocks)
            {
                AddBlock(blocks, block);
            }
        }

        if (doc.Signature is { } signature)
        {
            AddIfAny(blocks, TextBlock(string.Join("\n", signature.AnnexList.Select((a, i) => (i == 0 ? AnnexListLead(doc) : "") + a))));
            AddIfAny(blocks, TextBlock(signature.Issuer + "\n" + signature.Date));
        }

        foreach (var annex in doc.Annexes)
        {
            blocks.Add(Heading(2, annex.Label + Gap(doc) + annex.Title));
            AddBlock(blocks, annex.Content);
        }

        if (doc.Distribution.Count > 0)
        {
            blocks.Add("---");
            AddIfAny(blocks, TextBlock(string.Join("\n", doc.Distribution)));
        }

        if (doc.Appendix is { } appendix)
        {
            blocks.Add(Heading(2, appendix.Heading));
            foreach (var entry in appendix.Entries)
            {
                AddIfAny(blocks, TextBlock(entry));
            }
        }

        return string.Join("\n\n", blocks) + "\n";
    }

    /// <summary>The space between two parts of one line: an ideographic space in Chinese, two spaces' worth in English.</summary>
    private static string Gap(BriefDocument doc) => BriefDocxStyles.IsEnglish(doc.Language) ? " — " : "\u3000";

    private static string AnnexListLead(BriefDocument doc) => BriefDocxStyles.IsEnglish(doc.Language) ? "Annexes: " : "附件：";

    private static void AddBlock(List<string> blocks, BriefBlock block)
    {
        switch (block)
        {
            case BriefParagraph paragraph:
                AddIfAny(blocks, TextBlock(paragraph.Text));
                break;
            case BriefNarrative narrative:
                AddEach(blocks, narrative.Paragraphs);
                break;
            case BriefSubheading subheading:
                blocks.Add(Heading(3, subheading.Text));
                break;
            case BriefList list:
                AddEach(blocks, list.Items);
                break;
            case BriefTable table:
                AddIfAny(blocks, Bold(table.Caption));
                AddIfAny(blocks, PipeTable(table));
                break;
            default:
                throw new ArgumentException("Unknown brief block " + block.GetType().Name, nameof(block));
        }
    }

    /// <summary>Each text as a block of its own.</summary>
    private static void AddEach(List<string> blocks, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            AddIfAny(blocks, TextBlock(text));
        }
    }

    private static void AddIfAny(List<string> blocks, string block)
    {
        if (block.Length > 0)
        {
            blocks.Add(block);
        }
    }

    /// <summary>An ATX heading; its text on one line (line breaks become spaces).</summary>
    private static string Heading(int level, string text)
    {
        var content = EscapeInline(OneLine(text));
        var marker = new string('#', level);
        return content.Length == 0 ? marker : marker + " " + content;
    }

    /// <summary>A line in bold, or empty when there is no text.</summary>
    private static string Bold(string? text)
    {
        var content = EscapeInline(OneLine(text));
        return content.Length == 0 ? "" : "**" + content + "**";
    }

    /// <summary>A block quote; several lines stay one quote, joined by hard line breaks.</summary>
    private static string Quote(string? text)
    {
        var lines = Lines(text).Select(line => "> " + EscapeLine(line));
        return string.Join("\\\n", lines);
    }

    /// <summary>A paragraph; its lines joined by hard line breaks, or empty when there is no text.</summary>
    private static string TextBlock(string text) => string.Join("\\\n", Lines(text).Select(EscapeLine));

    private static string PipeTable(BriefTable table)
    {
        var columns = Math.Max(table.Headings.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        if (columns == 0)
        {
            return "";
        }

        var builder = new StringBuilder();
        builder.Append(TableRow(table.Headings, columns)).Append('\n');
        builder.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", columns)));
        foreach (var row in table.Rows)
        {
            builder.Append('\n').Append(TableRow(row, columns));
        }

        return builder.ToString();
    }

    private static string TableRow(IReadOnlyList<string> cells, int columns)
    {
        var texts = Enumerable.Range(0, columns).Select(i => i < cells.Count ? Cell(cells[i]) : "");
        return "| " + string.Join(" | ", texts) + " |";
    }

    /// <summary>A cell's text: inline escapes (so <c>|</c> is <c>\|</c>) and its lines joined by <c>&lt;br&gt;</c>.</summary>
    private static string Cell(string text) => string.Join("<br>", Lines(text).Select(EscapeInline));

    /// <summary>The text's non-blank lines, trimmed: XML-invalid characters removed, CR and CRLF read as LF.</summary>
    private static IEnumerable<string> Lines(string? text) =>
        XmlText.Clean(text)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0);

    private static string OneLine(string? text) => string.Join(" ", Lines(text));

    /// <summary>
    /// A line at the start of a block: inline escapes, plus what would open a block there (a bullet <c>-</c> or
    /// <c>+</c>, a setext underline <c>=</c>, or an ordered-list marker such as <c>1.</c> or <c>2)</c>).
    /// </summary>
    private static string EscapeLine(string line)
    {
        var escaped = EscapeInline(line);
        if (escaped.Length == 0)
        {
            return escaped;
        }

        if (escaped[0] is '-' or '+' or '=')
        {
            return "\\" + escaped;
        }

        var digits = 0;
        while (digits < escaped.Length && char.IsAsciiDigit(escaped[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')'
            ? escaped[..digits] + "\\" + escaped[digits..]
            : escaped;
    }

    private static string EscapeInline(string text)
    {
        if (text.AsSpan().IndexOfAny(InlineSpecials) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (InlineSpecials.Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
