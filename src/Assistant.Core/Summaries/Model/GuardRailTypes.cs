namespace Assistant.Core.Summaries.Model;

/// <summary>
/// What a model's answer is checked against. Built by whoever asks the model, whatever the shape of
/// the answer (a whole document with sections, or a few sentences of narrative).
/// </summary>
public sealed record GuardRailInput
{
    /// <summary>The facts the prompt carried, computed by the program (counts, dates, names, places): the answer may repeat any of them.</summary>
    public string Facts { get; init; } = "";

    /// <summary>
    /// Texts typed by people that went into the prompt as quoted data (notes, highlights). What they
    /// state may be repeated; a sentence in them that tells the writer what to do is not knowledge,
    /// and an answer that does it fails.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Section headings the answer must carry once each, in this order; empty for an answer without sections.</summary>
    public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>What the answer must cover, each item in any of its forms (the notes of a part: see <see cref="NoteCoverage"/>).</summary>
    public IReadOnlyList<RequiredItem> Required { get; init; } = [];

    /// <summary>Unit names from the records, besides those the facts and notes name.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>Text that must never appear: the real names and places of covert units the prompt only knew by placeholder.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];
}

/// <summary>
/// Something an answer must cover: a label that names it in the reason, and texts any one of which in the answer shows
/// it is covered. Each is found in any of its forms: a unit as the input writes it, shortened or with a known place
/// in front; a number in any equivalent form (1.2万 = 12000); any other text as written.
/// </summary>
public sealed record RequiredItem(string Label, IReadOnlyList<string> AnyOf);

/// <summary>The kinds of check an answer can fail.</summary>
public enum GuardRailCheck
{
    /// <summary>The answer has no text.</summary>
    Empty,

    /// <summary>A section heading is missing.</summary>
    MissingSection,

    /// <summary>A section heading comes more than once.</summary>
    RepeatedSection,

    /// <summary>A section heading comes before one that should precede it.</summary>
    SectionOrder,

    /// <summary>A required item (a note of the part) is not covered.</summary>
    Missing,

    /// <summary>A number that is not in the input, in any of its equivalent forms.</summary>
    Numbers,

    /// <summary>A date that is not in the input.</summary>
    Dates,

    /// <summary>A unit name that is not in the input.</summary>
    Units,

    /// <summary>A place name that is not in the input.</summary>
    Places,

    /// <summary>A person's name that is not in the input.</summary>
    Persons,

    /// <summary>A covert unit's real name or place.</summary>
    Secrets,

    /// <summary>Something that identifies a person who sent a tip (a phone number, an e-mail address, "举报人王某").</summary>
    Identity,

    /// <summary>The answer does what a sentence in a note asked for (or repeats that sentence).</summary>
    Instruction,
}

/// <summary>
/// One failed check and what it found (empty where repeating it would leak: secrets, identities,
/// instructions; the names of <see cref="GuardRailCheck.Persons"/> are kept here but never described).
/// </summary>
public sealed record GuardRailFailure(GuardRailCheck Check, IReadOnlyList<string> Items);

/// <summary>Every failed check of one answer; passed when there is none.</summary>
public sealed record GuardRailVerdict(IReadOnlyList<GuardRailFailure> Failures)
{
    public static GuardRailVerdict Pass { get; } = new([]);

    public bool Passed => Failures.Count == 0;

    /// <summary>For logs: the failed checks with how many items each found, never the items (they may quote a note).</summary>
    public string Summary => Passed
        ? "passed"
        : "failed: " + string.Join(", ", Failures.Select(f => f.Items.Count > 0 ? $"{f.Check} ({f.Items.Count})" : f.Check.ToString()));

    /// <summary>For the person who asked: every failed check and the first items it found, in their language.</summary>
    public string Describe(Texts t) =>
        string.Join(t["summary.check.separator"], Failures.Select(f =>
            t.Plain("summary.check." + f.Check.ToString().ToLowerInvariant(), string.Join(t["brief.list_separator"], f.Items.Take(5)))));
}
