using System.Text.RegularExpressions;
using Assistant.Core.Summaries.Documents;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Turns a model's plain text into the sections of a <see cref="BriefDocument"/>: a line that is a
/// heading (in any of the forms <see cref="SectionHeadings"/> accepts) starts its section, under the
/// heading as the document writes it, and text after the heading's colon is its first paragraph;
/// "（一）…方面"-style short lines are sub-headings; numbered and "一是" lines are list items; the
/// rest are paragraphs. Anything before the first heading (a title the model added) is dropped;
/// Markdown marks are removed.
/// </summary>
public static partial class ModelTextParser
{
    public static List<BriefSection> Parse(string text, IReadOnlyList<string> headings)
    {
        var sections = new List<BriefSection>();
        string? heading = null;
        var blocks = new List<BriefBlock>();
        var items = new List<string>();

        void FlushItems()
        {
            if (items.Count > 0)
            {
                blocks.Add(new BriefList([.. items]));
                items = [];
            }
        }

        void FlushSection()
        {
            FlushItems();
            if (heading is not null)
            {
                sections.Add(new BriefSection(heading, blocks));
            }

            blocks = [];
        }

        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = Clean(raw);
            if (line.Length == 0)
            {
                continue;
            }

            if (SectionHeadings.Find(raw, headings) is { } found)
            {
                FlushSection();
                heading = headings[found.Index];
                if (found.Rest.Length == 0)
                {
                    continue;
                }

                line = Clean(found.Rest);
            }

            if (heading is null)
            {
                continue;
            }

            if (SubheadingPattern().IsMatch(line) && line.Length <= 40 && !line.EndsWith('。'))
            {
                FlushItems();
                blocks.Add(new BriefSubheading(line));
            }
            else if (ItemPattern().IsMatch(line))
            {
                items.Add(line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line);
            }
            else
            {
                FlushItems();
                blocks.Add(new BriefParagraph(line));
            }
        }

        FlushSection();
        return sections;
    }

    private static string Clean(string line) => line.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"^(?:（[一二三四五六七八九十]+）|\(\d{1,2}\)\s)")]
    private static partial Regex SubheadingPattern();

    [GeneratedRegex(@"^(?:\d{1,3}[.、]\s?|- |[一二三四五六七八九十]+是)")]
    private static partial Regex ItemPattern();
}
