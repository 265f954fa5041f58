namespace Assistant.Core.Summaries.Documents;

/// <summary>
/// A written brief or feedback report, as structure: what the chat text, the Markdown file and the
/// Word document are all rendered from. Texts are plain (no HTML, no Markdown); renderers escape.
/// </summary>
/// <param name="Title">The document's title, e.g. "国务院安全生产和消防工作考核巡查第七组 工作日报".</param>
/// <param name="Subtitle">A line under the title (the date), or null.</param>
/// <param name="Sections">The numbered sections in order; their headings carry their own numbers ("一、当日工作情况").</param>
/// <param name="Note">A one-line note shown before the text (e.g. why the offline writer was used), or null.</param>
/// <param name="Language">"zh-CN" or "en": fonts and the document language follow it.</param>
public sealed record BriefDocument(string Title, string? Subtitle, IReadOnlyList<BriefSection> Sections, string? Note, string Language);

/// <summary>A section: its heading (with its number) and its blocks in order.</summary>
public sealed record BriefSection(string Heading, IReadOnlyList<BriefBlock> Blocks);

/// <summary>A piece of a section.</summary>
public abstract record BriefBlock;

/// <summary>A paragraph of running text.</summary>
public sealed record BriefParagraph(string Text) : BriefBlock;

/// <summary>A sub-heading inside a section, with its own number ("（一）安全生产责任落实方面").</summary>
public sealed record BriefSubheading(string Text) : BriefBlock;

/// <summary>Numbered items; each text already carries its number or marker ("1. …", "一是…").</summary>
public sealed record BriefList(IReadOnlyList<string> Items) : BriefBlock;

/// <summary>A table (the annex of the feedback: the problem list).</summary>
public sealed record BriefTable(string? Caption, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<string>> Rows) : BriefBlock;
