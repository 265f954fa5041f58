using System.Text.RegularExpressions;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Recognises a document's section headings in a model's lines the way a reader would: the heading
/// as written ("一、当日工作情况"), with another numbering ("1. 当日工作情况", "（一）当日工作情况",
/// "第一部分 当日工作情况") or none, in bold or as a Markdown heading, followed by "：" or ":" and
/// possibly the section's first sentence on the same line. A line that only begins with the
/// heading's words ("当日工作情况良好") is not a heading.
/// </summary>
public static partial class SectionHeadings
{
    /// <summary>A heading found on a line: which one, and the text after it on the same line.</summary>
    public sealed record Match(int Index, string Rest);

    /// <summary>The heading the line is, if any.</summary>
    public static Match? Find(string line, IReadOnlyList<string> headings)
    {
        var text = Bracketed().Replace(Decoration().Replace(line.Trim(), "").Trim(), "$1：");
        if (text.Length == 0)
        {
            return null;
        }

        var unnumbered = Numbering().Replace(text, "").Trim();
        for (var i = 0; i < headings.Count; i++)
        {
            foreach (var form in new[] { text, unnumbered })
            {
                if (RestAfter(form, headings[i]) is { } rest)
                {
                    return new Match(i, rest);
                }
            }
        }

        return null;
    }

    /// <summary>The text after the heading when the line starts with it and goes on only after a colon (or not at all).</summary>
    private static string? RestAfter(string text, string heading)
    {
        foreach (var form in new[] { heading, Core(heading) })
        {
            if (form.Length == 0 || !text.StartsWith(form, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = text[form.Length..].TrimStart('*', '_', ' ');
            if (rest.Length == 0 || rest is "。" or ".")
            {
                return "";
            }

            if (rest[0] is '：' or ':')
            {
                return rest[1..].TrimStart('*', '_', ' ').Trim();
            }
        }

        return null;
    }

    /// <summary>The heading's words without its own numbering ("当日工作情况" of "一、当日工作情况").</summary>
    public static string Core(string heading) => Numbering().Replace(heading.Trim(), "").Trim();

    /// <summary>Markdown marks around a heading: "## ", "**", "__", "> ".</summary>
    [GeneratedRegex(@"^(?:#{1,6}\s*|>\s*)|\*\*|__")]
    private static partial Regex Decoration();

    /// <summary>"【当日工作情况】…": a heading in lenticular brackets, read as "当日工作情况：…".</summary>
    [GeneratedRegex(@"^【([^【】]{1,40})】")]
    private static partial Regex Bracketed();

    /// <summary>A heading's numbering: 一、 （一） (1) 1. 1、 第一部分 Ⅰ.</summary>
    [GeneratedRegex(@"^(?:第[一二三四五六七八九十]+(?:部分|章|节)?[、.．：:\s]*|[一二三四五六七八九十]+[、.．]\s*|[（(][一二三四五六七八九十\d]+[）)]\s*|\d{1,2}[.、．)）]\s*|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[.、．]?\s*)")]
    private static partial Regex Numbering();
}
