using Assistant.Core.Findings;
using Assistant.Core.Localization;
using Assistant.Core.Summaries.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Summaries.Model;

/// <summary>The model's text failed the guard rails; the verdict lists every failed check.</summary>
public sealed class GuardRailException(GuardRailVerdict verdict) : Exception(verdict.Summary)
{
    public GuardRailVerdict Verdict { get; } = verdict;
}

/// <summary>The answer stopped at the output cap (incomplete), or ran past it (the server ignored the cap).</summary>
public sealed class AnswerLengthException(ModelAnswer answer) : Exception($"answer of {answer.AnswerTokens} tokens, cap {answer.Cap}, finish {answer.FinishReason}")
{
    public ModelAnswer Answer { get; } = answer;
}

/// <summary>The prompt does not fit the context budget.</summary>
public sealed class PromptTooLongException(int tokens, int budget) : Exception($"the prompt needs about {tokens} tokens, more than the {budget} that AI:ContextTokens allows")
{
    public int Tokens { get; } = tokens;

    public int Budget { get; } = budget;
}

/// <summary>
/// Writes briefs with a model through Semantic Kernel (prompts in <c>prompts/Briefs</c>), on
/// redacted facts. A day that fits the context budget is one call; a longer one is written in parts
/// (one polished sentence per finding, <c>ProblemLines</c>) and a frame around them, and merged.
/// Every answer is checked (<see cref="GuardRails"/>, through <see cref="GuardRailFilter"/>); on a
/// failed check, an answer cut at the cap, an error or a timeout the offline text goes out instead,
/// with a note saying why. The annexes are always built from data.
/// </summary>
public sealed class ModelBriefWriter(IOptions<AiOptions> options, PromptLibrary prompts, TimeProvider time, ILogger<ModelBriefWriter> logger) : IBriefWriter
{
    private AiOptions Options => options.Value;

    public string Name => "model:" + Options.Model;

    public bool TakesTime => true;

    /// <summary>The most a prompt may take: half the context, the rest is for the answer.</summary>
    public int PromptBudget => Options.ContextTokens / 2;

    public Task<WrittenBrief> DailyAsync(DayFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken) =>
        WithFallback(OfflineBriefWriter.Daily(facts, t), t, ct => Daily(facts, t, progress, ct), cancellationToken);

    public Task<WrittenBrief> FeedbackAsync(VisitFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken) =>
        WithFallback(OfflineBriefWriter.Feedback(facts, t), t, ct => Feedback(facts, t, progress, ct), cancellationToken);

    /// <summary>The arguments of the daily prompt (also used to measure it).</summary>
    public static KernelArguments DailyArguments(DayFacts safe, Texts t, bool withFindings) => new()
    {
        ["language"] = t["summary.model_language"],
        ["headings"] = string.Join('\n', OfflineBriefWriter.DailyHeadings(t)),
        ["date"] = BriefFormat.DayWithWeekday(t, safe.Day),
        ["facts"] = FactsText.Day(safe, t, withFindings),
        ["notes"] = FactsText.Notes(safe.Notes, t),
    };

    public static KernelArguments FeedbackArguments(VisitFacts safe, Texts t, bool withFindings) => new()
    {
        ["language"] = t["summary.model_language"],
        ["headings"] = string.Join('\n', OfflineBriefWriter.FeedbackHeadings(t)),
        ["facts"] = FactsText.Visit(safe, t, withFindings),
        ["notes"] = FactsText.Notes(safe.Highlights, t),
        ["no_highlights"] = t["report.highlights_none"],
        ["annex"] = t["summary.model_annex"],
    };

    /// <summary>How the findings are cut into parts that each fit the budget (empty when none).</summary>
    public async Task<List<List<FindingFact>>> PartsAsync(IReadOnlyList<FindingFact> findings, DateOnly reference, Texts t, CancellationToken cancellationToken)
    {
        var overhead = TokenEstimate.Of(await prompts.RenderAsync("ProblemLines", LineArguments([], reference, t), cancellationToken));
        var parts = new List<List<FindingFact>>();
        var current = new List<FindingFact>();
        var size = overhead;
        foreach (var f in findings)
        {
            var cost = TokenEstimate.Of(FactsText.FindingLines([f], reference, t));
            if (current.Count > 0 && size + cost > PromptBudget)
            {
                parts.Add(current);
                current = [];
                size = overhead;
            }

            current.Add(f);
            size += cost;
        }

        if (current.Count > 0)
        {
            parts.Add(current);
        }

        return parts;
    }

    private async Task<WrittenBrief> WithFallback(BriefDocument offline, Texts t, Func<CancellationToken, Task<BriefDocument>> write, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Options.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string reason;
        string logged;
        try
        {
            return new WrittenBrief(await write(linked.Token), Name, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            reason = t.Plain("summary.fallback.timeout", Options.TimeoutSeconds);
            logged = $"no answer within {Options.TimeoutSeconds} s";
        }
        catch (GuardRailException ex)
        {
            // The person sees what failed; the log only which checks (what they found may quote a note).
            reason = t.Plain("summary.fallback.check", ex.Verdict.Describe(t));
            logged = "guard rails " + ex.Verdict.Summary;
        }
        catch (AnswerLengthException ex)
        {
            reason = t.Plain(ex.Answer.IgnoredCap ? "summary.fallback.cap_ignored" : "summary.fallback.length", ex.Answer.Cap);
            logged = ex.Message;
        }
        catch (PromptTooLongException ex)
        {
            reason = t.Plain("summary.fallback.too_long", ex.Tokens, ex.Budget);
            logged = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            reason = t.Plain("summary.fallback.error", Describe(ex));
            logged = Describe(ex);
        }

        logger.LogWarning("The model did not write the brief ({Reason}); the offline text is used.", logged);
        return new WrittenBrief(offline with { Note = reason }, OfflineBriefWriter.Name, reason);
    }

    private async Task<BriefDocument> Daily(DayFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken ct)
    {
        var (safe, redaction) = Redaction.Of(facts, t);
        var headings = OfflineBriefWriter.DailyHeadings(t);
        var offline = OfflineBriefWriter.Daily(facts, t);
        var notes = safe.Notes.Select(n => n.Text).ToList();
        var secrets = Secrets(facts.Findings);
        var full = DailyArguments(safe, t, withFindings: true);
        var prompt = await prompts.RenderAsync("DailyBrief", full, ct);
        List<BriefSection> sections;
        if (TokenEstimate.Of(prompt) <= PromptBudget)
        {
            var text = await Ask("DailyBrief", full, Input(full, notes, headings, [.. safe.Findings.Select(f => f.Code)], secrets), TokenEstimate.Of(prompt), ct);
            sections = ModelTextParser.Parse(redaction.Restore(text), headings);
        }
        else
        {
            var lines = await ProblemLinesAsync(safe.Findings, safe.Day, t, secrets, progress, ct);
            var frame = DailyArguments(safe, t, withFindings: false);
            var text = await Ask("DailyBriefFrame", frame, Input(frame, notes, headings, [], secrets), await Measured("DailyBriefFrame", frame, ct), ct);
            sections = ModelTextParser.Parse(redaction.Restore(text), headings);
            var list = ProblemList(facts.Findings, Restore(lines, redaction), facts.Day, t, firstGroup: 1, majorsAsGroup: false);
            sections[1] = sections[1] with { Blocks = [.. sections[1].Blocks, .. list] };
        }

        return offline with { Sections = sections };
    }

    private async Task<BriefDocument> Feedback(VisitFacts facts, Texts t, IProgress<BriefProgress>? progress, CancellationToken ct)
    {
        var (safe, redaction) = Redaction.Of(facts, t);
        var headings = OfflineBriefWriter.FeedbackHeadings(t);
        var offline = OfflineBriefWriter.Feedback(facts, t);
        var notes = safe.Highlights.Select(n => n.Text).ToList();
        var secrets = Secrets(facts.Findings);
        var full = FeedbackArguments(safe, t, withFindings: true);
        var prompt = await prompts.RenderAsync("Feedback", full, ct);
        List<BriefSection> sections;
        if (TokenEstimate.Of(prompt) <= PromptBudget)
        {
            var text = await Ask("Feedback", full, Input(full, notes, headings, [.. safe.Findings.Select(f => f.Code)], secrets), TokenEstimate.Of(prompt), ct);
            sections = ModelTextParser.Parse(redaction.Restore(text), headings);
        }
        else
        {
            var lines = await ProblemLinesAsync(safe.Findings, safe.To, t, secrets, progress, ct);
            var frame = FeedbackArguments(safe, t, withFindings: false);
            var text = await Ask("FeedbackFrame", frame, Input(frame, notes, headings, [], secrets), await Measured("FeedbackFrame", frame, ct), ct);
            sections = ModelTextParser.Parse(redaction.Restore(text), headings);
            var list = ProblemList(facts.Findings, Restore(lines, redaction), facts.To, t, firstGroup: 1, majorsAsGroup: true);
            sections[2] = sections[2] with { Blocks = [.. sections[2].Blocks, .. list] };
        }

        // The annexes, the signature and the distribution come with the offline document: built from the data, never the model's.
        return offline with { Sections = sections };
    }

    /// <summary>One sentence per finding, written part by part, each part checked on its own; the frame is the last part.</summary>
    private async Task<Dictionary<string, string>> ProblemLinesAsync(
        IReadOnlyList<FindingFact> findings, DateOnly reference, Texts t, IReadOnlyList<string> secrets, IProgress<BriefProgress>? progress, CancellationToken ct)
    {
        var lines = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var parts = await PartsAsync(findings, reference, t, ct);
        logger.LogInformation("Writing {Count} findings in {Parts} parts.", findings.Count, parts.Count);
        foreach (var (part, index) in parts.Select((p, i) => (p, i)))
        {
            progress?.Report(new BriefProgress(index + 1, parts.Count + 1));
            var arguments = LineArguments(part, reference, t);
            var codes = part.Select(f => f.Code).ToList();
            var text = await Ask("ProblemLines", arguments, Input(arguments, [], [], codes, secrets), await Measured("ProblemLines", arguments, ct), ct);
            foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
            {
                var bar = raw.IndexOfAny(['｜', '|']);
                var code = bar > 0 ? raw[..bar].Trim().TrimStart('-', ' ') : "";
                if (codes.Contains(code, StringComparer.OrdinalIgnoreCase))
                {
                    lines[code] = raw[(bar + 1)..].Trim();
                }
            }

            if (codes.Where(c => !lines.ContainsKey(c)).ToList() is { Count: > 0 } missing)
            {
                throw new GuardRailException(new GuardRailVerdict([new GuardRailFailure(GuardRailCheck.Missing, missing)]));
            }
        }

        progress?.Report(new BriefProgress(parts.Count + 1, parts.Count + 1));
        return lines;
    }

    /// <summary>The problem list from the model's sentences: major hazards (numbered, with basis and deadline), then the four aspects.</summary>
    private static List<BriefBlock> ProblemList(IReadOnlyList<FindingFact> findings, Dictionary<string, string> lines, DateOnly reference, Texts t, int firstGroup, bool majorsAsGroup)
    {
        string Sentence(FindingFact f) => BriefFormat.Trimmed(lines[f.Code].Replace("（" + f.Code + "）", "", StringComparison.OrdinalIgnoreCase));
        var blocks = new List<BriefBlock>();
        var majors = findings.Where(f => f.Severity == Severity.MajorHazard).ToList();
        var group = firstGroup;
        if (majors.Count > 0)
        {
            blocks.Add(majorsAsGroup
                ? new BriefSubheading(t.Plain("report.majors", BriefFormat.GroupNumber(t, group++)))
                : new BriefParagraph(t["brief.majors"]));
            blocks.Add(new BriefList([.. majors.Select((f, i) => t.Plain("summary.major_sentence", i + 1, f.Code, Sentence(f),
                string.IsNullOrWhiteSpace(f.Basis) ? "" : t.Plain("brief.basis", BriefFormat.Trimmed(f.Basis)),
                f.Deadline is { } d ? t.Plain("brief.deadline", BriefFormat.Date(t, d, reference)) : ""))]));
        }

        var others = findings.Where(f => f.Severity != Severity.MajorHazard).ToList();
        if (others.Count > 0 && !majorsAsGroup)
        {
            blocks.Add(new BriefParagraph(t["brief.main_problems"]));
        }

        foreach (var aspect in Enum.GetValues<Aspect>())
        {
            var items = others.Where(f => f.Aspect == aspect).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            blocks.Add(new BriefSubheading(t.Plain("brief.aspect_group", BriefFormat.GroupNumber(t, group++), t[aspect.ShortKey()])));
            blocks.Add(new BriefList([.. items.Select((f, i) =>
                t.Plain("summary.problem_sentence", BriefFormat.ItemMarker(t, i + 1), Sentence(f), f.Code) + BriefFormat.ItemEnd(t, i == items.Count - 1))]));
        }

        return blocks;
    }

    private static Dictionary<string, string> Restore(Dictionary<string, string> lines, Redaction redaction) =>
        lines.ToDictionary(l => l.Key, l => redaction.Restore(l.Value), StringComparer.OrdinalIgnoreCase);

    /// <summary>The arguments of one part's problem-lines prompt.</summary>
    public static KernelArguments LineArguments(IReadOnlyList<FindingFact> part, DateOnly reference, Texts t) => new()
    {
        ["language"] = t["summary.model_language"],
        ["findings"] = FactsText.FindingLines(part, reference, t),
    };

    /// <summary>
    /// What an answer to a prompt with these arguments is checked against: every argument but the
    /// notes, the language and the headings is a fact; the notes are quoted people's text; and what
    /// must (not) appear.
    /// </summary>
    public static GuardRailInput Input(KernelArguments arguments, IReadOnlyList<string> notes, IReadOnlyList<string> headings, IReadOnlyList<string> required, IReadOnlyList<string> secrets) => new()
    {
        Facts = string.Join('\n', arguments.Where(a => a.Key is not ("notes" or "language" or "headings")).Select(a => a.Value?.ToString())),
        Notes = notes,
        Headings = headings,
        Required = required,
        Secrets = secrets,
    };

    /// <summary>What the model never saw and must never write: covert units' real names and places.</summary>
    private static List<string> Secrets(IEnumerable<FindingFact> findings) =>
        [.. findings.Where(f => f.Covert).SelectMany(f => new[] { f.Unit, f.Place }).OfType<string>().Where(s => s.Trim().Length >= 2).Distinct(StringComparer.Ordinal)];

    /// <summary>The prompt's size; one that does not fit the budget is not sent.</summary>
    private async Task<int> Measured(string function, KernelArguments arguments, CancellationToken ct)
    {
        var tokens = TokenEstimate.Of(await prompts.RenderAsync(function, arguments, ct));
        if (tokens > PromptBudget)
        {
            throw new PromptTooLongException(tokens, PromptBudget);
        }

        return tokens;
    }

    /// <summary>The model's text for a prompt, if it is complete and passes the guard rails.</summary>
    private async Task<string> Ask(string function, KernelArguments arguments, GuardRailInput check, int promptTokens, CancellationToken ct)
    {
        var answer = await prompts.InvokeAsync(function, arguments, check, promptTokens, ct);
        if (answer.WasCut || answer.IgnoredCap)
        {
            throw new AnswerLengthException(answer);
        }

        if (!answer.Verdict.Passed)
        {
            throw new GuardRailException(answer.Verdict);
        }

        return answer.Text;
    }

    private static string Describe(Exception ex) => ex switch
    {
        HttpOperationException http when http.StatusCode is { } status => $"HTTP {(int)status}",
        HttpOperationException => "no answer from the server",
        System.Text.Json.JsonException or ArgumentOutOfRangeException => "the server's answer could not be read",
        _ => ex.GetType().Name,
    };
}
