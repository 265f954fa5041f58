namespace Assistant.Core.Summaries.Documents;

/// <summary>
/// A written brief or feedback report, as structure: what the chat text, the Markdown file and the Word document are
/// all rendered from. Texts are plain (no HTML, no Markdown); renderers escape. In reading order: the sensitivity
/// line, the masthead (title, issue number, issuer and date) or the title and subtitle, the numbered sections, the
/// signature block, the annexes, the distribution lines (报送/抄送), and, in the Markdown file only, the appendix.
/// </summary>
/// <param name="Title">The document's title: "工作日报", or "国务院安全生产和消防工作考核巡查第七组关于湖南省……的反馈意见".</param>
/// <param name="Subtitle">A line under the title, or null.</param>
/// <param name="Sections">The numbered sections in order; their headings carry their own numbers ("一、当日工作情况").</param>
/// <param name="Note">A one-line note shown before the text (e.g. why the offline writer was used), or null.</param>
/// <param name="Language">"zh-CN" or "en": fonts and the document language follow it.</param>
public sealed record BriefDocument(string Title, string? Subtitle, IReadOnlyList<BriefSection> Sections, string? Note, string Language)
{
    /// <summary>"内部资料　注意保存" on a document that names covert targets, else null.</summary>
    public string? Sensitivity { get; init; }

    /// <summary>The brief's masthead under the title: its issue number and the issuing team with the date; null for the feedback.</summary>
    public BriefMasthead? Masthead { get; init; }

    /// <summary>The feedback's closing: the list of annexes, the team's full name and the date; null for the brief.</summary>
    public BriefSignature? Signature { get; init; }

    /// <summary>The annexes (the feedback's problem list and leads), each on a page of its own in Word.</summary>
    public IReadOnlyList<BriefAnnex> Annexes { get; init; } = [];

    /// <summary>The distribution lines at the foot ("报送：国务院安委会办公室", "抄送：…"); empty for none.</summary>
    public IReadOnlyList<string> Distribution { get; init; } = [];

    /// <summary>The full text of the notes the brief summarises (kind, author, text): the Markdown file's appendix only.</summary>
    public BriefAppendix? Appendix { get; init; }

    /// <summary>What the reader of the chat should know and the document must not say (e.g. how to add highlights).</summary>
    public IReadOnlyList<string> Hints { get; init; } = [];

    /// <summary>Every narrative slot of the document, in order.</summary>
    public IEnumerable<BriefNarrative> Narratives => Sections.SelectMany(s => s.Blocks).OfType<BriefNarrative>();
}

/// <summary>A brief's masthead: "第2期", then the issuer and the date on one line above a rule.</summary>
public sealed record BriefMasthead(string Issue, string Issuer, string Date);

/// <summary>The feedback's closing: the annex list (附件：1.… 2.…), the signature (the team's full name) and the date.</summary>
public sealed record BriefSignature(IReadOnlyList<string> AnnexList, string Issuer, string Date);

/// <summary>An annex: its label ("附件1"), its title, and its content (a table, or a paragraph when there is nothing to list).</summary>
public sealed record BriefAnnex(string Label, string Title, BriefBlock Content);

/// <summary>The full notes behind a brief's summaries: a heading and one entry per note.</summary>
public sealed record BriefAppendix(string Heading, IReadOnlyList<string> Entries);

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

/// <summary>
/// Narrative text written from notes (what the meetings of the day showed, the highlights): the only parts a model
/// may write. Rendered as paragraphs; <see cref="Slot"/> says which part it is, so a writer can replace one part
/// and leave the rest of the document as composed.
/// </summary>
public sealed record BriefNarrative(NarrativeSlot Slot, IReadOnlyList<string> Paragraphs) : BriefBlock;
