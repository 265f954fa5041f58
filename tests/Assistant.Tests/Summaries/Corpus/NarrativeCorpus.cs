using System.Globalization;
using System.Text;
using Assistant.Core.Localization;
using Assistant.Core.Summaries.Model;
using Assistant.Tests.Support;

namespace Assistant.Tests.Summaries.Corpus;

/// <summary>
/// One answer of the corpus (<c>Corpus/answers/NAME.md</c>): the document it was written for (<see cref="CorpusDays"/>),
/// the model whose habits it imitates, whether it is faithful, and, when not, its one error: its kind, the part it
/// is in ("all" for the structure), the check that must catch it and what was changed.
/// </summary>
public sealed record CorpusAnswer(string Name, string Document, string Style, bool Faithful, string? Error, string? Slot, GuardRailCheck? Check, string? Change, string Text);

/// <summary>What the writer made of an answer: each part accepted (its paragraphs) or rejected (its verdict).</summary>
public sealed record CorpusResult(CorpusAnswer Answer, IReadOnlyList<PartAnswer> Parts)
{
    /// <summary>Every part written by the model.</summary>
    public bool Accepted => Parts.All(p => p.Paragraphs is not null);

    /// <summary>The parts the error is in are all the offline text (the error reaches no document).</summary>
    public bool ErrorRejected => ErrorParts.All(p => p.Paragraphs is null);

    /// <summary>The error's parts were rejected by the check meant for it.</summary>
    public bool RightReason => ErrorParts.All(p => p.Verdict.Failures.Any(f => f.Check == Answer.Check));

    /// <summary>Parts without the error that were rejected all the same.</summary>
    public IEnumerable<PartAnswer> Collateral => Parts.Except(ErrorParts).Where(p => p.Paragraphs is null);

    private IEnumerable<PartAnswer> ErrorParts => Parts.Where(p => Answer.Slot == "all" || p.Slot.ToString() == Answer.Slot);
}

/// <summary>
/// The corpus of model answers and how the model writer takes them: each answer read and checked exactly as
/// <see cref="ModelNarratives"/> does with an answer to its one call (<see cref="NarrativeCall.Read"/> after the
/// whole answer's verdict), and the rates: faithful answers accepted, unfaithful ones rejected where their error is.
/// </summary>
public static class NarrativeCorpus
{
    private static readonly Texts Zh = TextCatalog.Default.Chinese;

    public static string Folder { get; } = Repository.PathOf("tests", "Assistant.Tests", "Summaries", "Corpus", "answers");

    public static IReadOnlyList<CorpusAnswer> Load() =>
        [.. Directory.EnumerateFiles(Folder, "*.md").Order(StringComparer.Ordinal).Select(Parse)];

    public static CorpusResult Run(CorpusAnswer answer)
    {
        var call = ModelAnswers.CallFor(CorpusDays.Job(answer.Document, Zh), Zh);
        return new CorpusResult(answer, call.Read(answer.Text, GuardRails.Check(answer.Text, call.Input)));
    }

    /// <summary>Every answer, its verdict per part, and the rates.</summary>
    public static string Table(IReadOnlyList<CorpusResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"answer",-9} {"label",-10} {"error",-19} {"outcome",-9} parts rejected (checks)   [style]");
        foreach (var r in results)
        {
            var outcome = r.Answer.Faithful ? (r.Accepted ? "accepted" : "REJECTED") : (r.ErrorRejected ? (r.RightReason ? "rejected" : "rejected?") : "ACCEPTED");
            var rejected = string.Join("; ", r.Parts.Where(p => p.Paragraphs is null).Select(p => $"{p.Slot} ({p.Verdict.Summary["failed: ".Length..]})"));
            sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Answer.Name,-9} {(r.Answer.Faithful ? "faithful" : "unfaithful"),-10} {r.Answer.Error ?? "-",-19} {outcome,-9} {(rejected.Length == 0 ? "-" : rejected)}   [{r.Answer.Style}]");
        }

        var faithful = results.Where(r => r.Answer.Faithful).ToList();
        var unfaithful = results.Where(r => !r.Answer.Faithful).ToList();
        var accepted = faithful.Count(r => r.Accepted);
        var rejectedRight = unfaithful.Count(r => r.ErrorRejected);
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"faithful answers accepted:   {accepted}/{faithful.Count} ({Percent(accepted, faithful.Count)}); false rejections {faithful.Count - accepted} ({Percent(faithful.Count - accepted, faithful.Count)}); goal >= 95 %");
        sb.AppendLine(CultureInfo.InvariantCulture, $"unfaithful answers rejected: {rejectedRight}/{unfaithful.Count} ({Percent(rejectedRight, unfaithful.Count)}); false acceptances {unfaithful.Count - rejectedRight} ({Percent(unfaithful.Count - rejectedRight, unfaithful.Count)}); goal 100 %");
        sb.AppendLine(CultureInfo.InvariantCulture, $"rejected by the check meant for the error: {unfaithful.Count(r => r.ErrorRejected && r.RightReason)}/{unfaithful.Count}; faithful parts of unfaithful answers rejected with them: {unfaithful.Sum(r => r.Collateral.Count())}/{unfaithful.Sum(r => r.Parts.Count - r.Parts.Count(p => r.Answer.Slot == "all" || p.Slot.ToString() == r.Answer.Slot))}");
        return sb.ToString();
    }

    public static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>Reads the front matter (key: value lines between "---" lines) and the answer after it.</summary>
    private static CorpusAnswer Parse(string path)
    {
        var lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        if (lines[0] != "---")
        {
            throw new InvalidDataException($"{path}: no front matter");
        }

        var end = Array.IndexOf(lines, "---", 1);
        var head = lines[1..end].Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        var faithful = head["label"] switch
        {
            "faithful" => true,
            "unfaithful" => false,
            var other => throw new InvalidDataException($"{path}: label {other}"),
        };
        return new CorpusAnswer(
            Path.GetFileNameWithoutExtension(path), head["document"], head["style"], faithful,
            head.GetValueOrDefault("error"), head.GetValueOrDefault("slot"),
            head.TryGetValue("check", out var check) ? Enum.Parse<GuardRailCheck>(check) : null, head.GetValueOrDefault("change"),
            string.Join('\n', lines[(end + 1)..]));
    }
}
