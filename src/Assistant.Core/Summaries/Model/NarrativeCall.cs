using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// One call to the model for narrative parts of a document (all of them, or those of one part of a long day): the
/// prompt and its arguments (a heading per part, in order; the facts; the parts' notes, quoted), what the answer is
/// checked against (as a whole by <see cref="GuardRailFilter"/>, and each part on its own), and how an answer is read
/// into the parts' paragraphs. Pure: the corpus of model answers is measured through <see cref="Read"/>.
/// </summary>
public sealed partial class NarrativeCall
{
    private readonly Texts _t;
    private readonly Lazy<GuardRailInput[]> _inputs;

    /// <param name="job">The redacted job.</param>
    /// <param name="parts">The parts this call asks for (a part may hold only some of its notes).</param>
    /// <param name="secrets">What the model never saw and must never write (<see cref="Redaction.Secrets"/>).</param>
    /// <param name="t">The document's language.</param>
    public NarrativeCall(NarrativeJob job, IReadOnlyList<NarrativeRequest> parts, IReadOnlyList<string> secrets, Texts t)
    {
        _t = t;
        Parts = parts;
        Prompt = job.Document + "Narrative";
        Headings = [.. parts.Select((p, i) => t.Plain("narrative.heading", BriefFormat.GroupNumber(t, i + 1), Label(p.Slot, t)))];
        _inputs = new Lazy<GuardRailInput[]>(() => Inputs(job, parts, secrets, translated: t.Language != Language.Chinese));
        Arguments = new KernelArguments
        {
            ["language"] = t["summary.model_language"],
            ["headings"] = string.Join('\n', Headings),
            ["sections"] = string.Join('\n', parts.Select(p => "- " + t.Plain("narrative.section", Label(p.Slot, t), t["narrative.ask." + Key(p.Slot)]))),
            ["facts"] = job.Facts,
            ["notes"] = Notes(parts, t),
        };
    }

    /// <summary>The prompt function: "DailyNarrative" or "FeedbackNarrative".</summary>
    public string Prompt { get; }

    public IReadOnlyList<NarrativeRequest> Parts { get; }

    /// <summary>One heading per part, in order ("一、听取汇报").</summary>
    public IReadOnlyList<string> Headings { get; }

    public KernelArguments Arguments { get; }

    /// <summary>What the whole answer is checked against: the headings in order, every note of every part covered.</summary>
    public GuardRailInput Input => _inputs.Value[0] with { Headings = Headings, Required = [.. _inputs.Value.SelectMany(i => i.Required)] };

    /// <summary>What the text of part <paramref name="index"/> is checked against: the same knowledge, its own notes covered.</summary>
    public GuardRailInput InputFor(int index) => _inputs.Value[index];

    /// <summary>"听取汇报": what a part is called in the prompt and in a reason.</summary>
    public static string Label(NarrativeSlot slot, Texts t) => t["narrative.label." + Key(slot)];

    /// <summary>
    /// The parts' paragraphs, each part checked on its own (what a part may state is what the facts and the notes of
    /// the document state; it must cover its own notes). An answer whose sections cannot be told apart (none found,
    /// one repeated, the order changed) or that is empty fails every part with the whole answer's verdict; a part
    /// whose section is missing or empty fails alone. Text before the first heading is left out.
    /// </summary>
    public IReadOnlyList<PartAnswer> Read(string answer, GuardRailVerdict whole)
    {
        var lines = answer.ReplaceLineEndings("\n").Split('\n');
        var sections = new List<string>?[Parts.Count];
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (SectionHeadings.Find(line, Headings) is { } heading)
            {
                current = sections[heading.Index] ??= [];
                current.Add(heading.Rest);
            }
            else
            {
                current?.Add(line);
            }
        }

        var unreadable = whole.Failures.Any(f => f.Check is GuardRailCheck.Empty or GuardRailCheck.RepeatedSection or GuardRailCheck.SectionOrder)
            || sections.All(s => s is null);
        return [.. Parts.Select((part, i) =>
        {
            if (unreadable)
            {
                return new PartAnswer(part.Slot, null, whole);
            }

            var text = string.Join('\n', sections[i] ?? []).Trim();
            if (text.Length == 0)
            {
                return new PartAnswer(part.Slot, null, new GuardRailVerdict([new GuardRailFailure(GuardRailCheck.MissingSection, [Headings[i]])]));
            }

            var verdict = GuardRails.Check(text, InputFor(i));
            return new PartAnswer(part.Slot, verdict.Passed ? Paragraphs(text, part.Slot) : null, verdict);
        })];
    }

    /// <summary>The section's lines as paragraphs: Markdown marks and bullets gone, the lead-in the document adds taken off.</summary>
    private List<string> Paragraphs(string text, NarrativeSlot slot)
    {
        var paragraphs = text.Split('\n').Select(l => Bullet().Replace(l.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Trim(), ""))
            .Where(l => l.Length > 0).ToList();
        var label = Label(slot, _t);
        if (paragraphs.Count > 0 && paragraphs[0].StartsWith(label, StringComparison.Ordinal)
            && LeadIn().Match(paragraphs[0], label.Length) is { Success: true } lead && lead.Index == label.Length)
        {
            paragraphs[0] = paragraphs[0][(label.Length + lead.Length)..];
        }

        return paragraphs;
    }

    /// <summary>
    /// Per part: what the document knows (its facts, every note, the units of its findings, the secrets) and the part's
    /// own notes to cover (by their numbers alone when the document is not in the notes' language; built when an
    /// answer is checked, not when a call is only measured).
    /// </summary>
    private static GuardRailInput[] Inputs(NarrativeJob job, IReadOnlyList<NarrativeRequest> parts, IReadOnlyList<string> secrets, bool translated)
    {
        var all = job.Parts.SelectMany(p => p.Notes).Select(n => n.Text).Distinct(StringComparer.Ordinal).ToList();
        var known = new GuardRailInput
        {
            Facts = job.Facts,
            Notes = all,
            Units = [.. job.Findings.Select(f => f.Unit).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal)],
            Secrets = secrets,
        };
        return [.. parts.Select(p =>
        {
            var own = p.Notes.Select(n => n.Text).ToList();
            return known with { Required = NoteCoverage.Of(own, [.. all.Where(n => !own.Contains(n, StringComparer.Ordinal))], job.Facts, translated) };
        })];
    }

    private static string Key(NarrativeSlot slot) => slot.ToString().ToLowerInvariant();

    /// <summary>The notes of the parts, each marked with its part's name; a part without notes of its own draws on the others'.</summary>
    private static string Notes(IReadOnlyList<NarrativeRequest> parts, Texts t)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            foreach (var note in part.Notes)
            {
                sb.Append("- [").Append(Label(part.Slot, t)).Append("] ").AppendLine(note.Text.ReplaceLineEndings(" ").Trim());
            }
        }

        return sb.Length == 0 ? t["facts.none"] : sb.ToString().TrimEnd();
    }

    [GeneratedRegex(@"^(?:#{1,6}\s*|>\s*|[-*•·]\s+)")]
    private static partial Regex Bullet();

    /// <summary>What may follow a part's name that the model wrote as a lead-in ("听取汇报方面，", "Interviews: ").</summary>
    [GeneratedRegex(@"\G(?:方面|情况|有|是)?(?:[，,：:]\s*)")]
    private static partial Regex LeadIn();
}

/// <summary>What an answer gave one part: its paragraphs (null when it failed), and the part's verdict.</summary>
public sealed record PartAnswer(NarrativeSlot Slot, IReadOnlyList<string>? Paragraphs, GuardRailVerdict Verdict);
