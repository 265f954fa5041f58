using Assistant.Core.Findings;
using Assistant.Core.Localization;
using Assistant.Core.Summaries.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Summaries.Model;

/// <summary>The model's text failed a check; the message says which.</summary>
public sealed class GuardRailException(string message) : Exception(message);

/// <summary>
/// Writes briefs with a model through Semantic Kernel (prompts in <c>prompts/Briefs</c>), on
/// redacted facts. A day that fits the context budget is one call; a longer one is written in parts
/// (one polished sentence per finding, <c>ProblemLines</c>) and a frame around them, and merged.
/// Every text is checked (<see cref="GuardRails"/>); on a failed check, an error or a timeout the
/// offline text goes out instead, with a note saying why. The annexes are always built from data.
/// </summary>
public sealed class ModelBriefWriter(IOptions<AiOptions> options, PromptLibrary prompts, TimeProvider time, ILogger<ModelBriefWriter> logger) : IBriefWriter
{
    private const int AnswerMargin = 64;

    private AiOptions Options => options.Value;

    public string Name => "model:" + Options.Model;

    /// <summary>The most a prompt may take: half the context, the rest is for the answer.</summary>
    public int PromptBudget => Options.ContextTokens / 2;

    public Task<WrittenBrief> DailyAsync(DayFacts facts, Texts t, CancellationToken cancellationToken) =>
        WithFallback(OfflineBriefWriter.Daily(facts, t), t, ct => Daily(facts, t, ct), cancellationToken);

    public Task<WrittenBrief> FeedbackAsync(VisitFacts facts, Texts t, CancellationToken cancellationToken) =>
        WithFallback(OfflineBriefWriter.Feedback(facts, t), t, ct => Feedback(facts, t, ct), cancellationToken);

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
        try
        {
            return new WrittenBrief(await write(linked.Token), Name, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            reason = t.Plain("summary.fallback.timeout", Options.TimeoutSeconds);
        }
        catch (GuardRailException ex)
        {
            reason = t.Plain("summary.fallback.check", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            reason = t.Plain("summary.fallback.error", Describe(ex));
        }

        logger.LogWarning("The model did not write the brief ({Reason}); the offline text is used.", reason);
        return new WrittenBrief(offline with { Note = reason }, OfflineBriefWriter.Name, reason);
    }

    private async Task<BriefDocument> Daily(DayFacts facts, Texts t, CancellationToken ct)
    {
        var (safe, redaction) = Redaction.Of(facts, t);
        var headings = OfflineBriefWriter.DailyHeadings(t);
        var offline = OfflineBriefWriter.Daily(facts, t);
        var full = DailyArguments(safe, t, withFindings: true);
        var prompt = await prompts.RenderAsync("DailyBrief", full, ct);
        List<BriefSection> sections;
        if (TokenEstimate.Of(prompt) <= PromptBudget)
        {
            var text = await Ask("DailyBrief", full, prompt, ct);
            Check(text, Input(full), [.. safe.Findings.Select(f => f.Code)], headings);
            sections = ModelTextParser.Parse(redaction.Restore(text), headings);
        }
        else
        {
            var lines = await ProblemLinesAsync(safe.Findings, safe.Day, t, ct);
            var frame = DailyArguments(safe, t, withFindings: false);
            var text = await Ask("DailyBriefFrame", frame, await Measured("DailyBriefFrame", frame, ct), ct);
            Check(text, Input(frame), [], headings);
            sections = ModelTextParser.Parse(redaction.Restore(text), headings);
            var list = ProblemList(facts.Findings, Restore(lines, redaction), facts.Day, t, firstGroup: 1, majorsAsGroup: false);
            sections[1] = sections[1] with { Blocks = [.. sections[1].Blocks, .. list] };
        }

        return offline with { Sections = sections };
    }

    private async Task<BriefDocument> Feedback(VisitFacts facts, Texts t, CancellationToken ct)
    {
        var (safe, redaction) = Redaction.Of(facts, t);
        var headings = OfflineBriefWriter.FeedbackHeadings(t);
        var offline = OfflineBriefWriter.Feedback(facts, t);
        var full = FeedbackArguments(safe, t, withFindings: true);
        var prompt = await prompts.RenderAsync("Feedback", full, ct);
        List<BriefSection> sections;
        if (TokenEstimate.Of(prompt) <= PromptBudget)
        {
            var text = await Ask("Feedback", full, prompt, ct);
            Check(text, Input(full), [.. safe.Findings.Select(f => f.Code)], headings);
            sections = ModelTextParser.Parse(redaction.Restore(text), headings);
        }
        else
        {
            var lines = await ProblemLinesAsync(safe.Findings, safe.To, t, ct);
            var frame = FeedbackArguments(safe, t, withFindings: false);
            var text = await Ask("FeedbackFrame", frame, await Measured("FeedbackFrame", frame, ct), ct);
            Check(text, Input(frame), [], headings);
            sections = ModelTextParser.Parse(redaction.Restore(text), headings);
            var list = ProblemList(facts.Findings, Restore(lines, redaction), facts.To, t, firstGroup: 1, majorsAsGroup: true);
            sections[2] = sections[2] with { Blocks = [.. sections[2].Blocks, .. list] };
        }

        // The annexes, the signature and the distribution come with the offline document: built from the data, never the model's.
        return offline with { Sections = sections };
    }

    /// <summary>One sentence per finding, written part by part, each part checked on its own.</summary>
    private async Task<Dictionary<string, string>> ProblemLinesAsync(IReadOnlyList<FindingFact> findings, DateOnly reference, Texts t, CancellationToken ct)
    {
        var lines = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var parts = await PartsAsync(findings, reference, t, ct);
        logger.LogInformation("Writing {Count} findings in {Parts} parts.", findings.Count, parts.Count);
        foreach (var part in parts)
        {
            var arguments = LineArguments(part, reference, t);
            var text = await Ask("ProblemLines", arguments, await Measured("ProblemLines", arguments, ct), ct);
            var codes = part.Select(f => f.Code).ToList();
            Check(text, Input(arguments), codes, []);
            foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
            {
                var bar = raw.IndexOfAny(['｜', '|']);
                var code = bar > 0 ? raw[..bar].Trim().TrimStart('-', ' ') : "";
                if (codes.Contains(code, StringComparer.OrdinalIgnoreCase))
                {
                    lines[code] = raw[(bar + 1)..].Trim();
                }
            }

            if (codes.FirstOrDefault(c => !lines.ContainsKey(c)) is { } missing)
            {
                throw new GuardRailException("no line for " + missing);
            }
        }

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

    private static string Input(KernelArguments arguments) =>
        string.Join('\n', arguments.Where(a => a.Key is "facts" or "notes" or "findings").Select(a => a.Value?.ToString()));

    private static void Check(string text, string input, IReadOnlyCollection<string> codes, IReadOnlyList<string> headings)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new GuardRailException("empty answer");
        }

        if (GuardRails.Check(text, input, codes, headings) is { Count: > 0 } problems)
        {
            throw new GuardRailException(problems[0]);
        }
    }

    private async Task<string> Measured(string function, KernelArguments arguments, CancellationToken ct)
    {
        var prompt = await prompts.RenderAsync(function, arguments, ct);
        if (TokenEstimate.Of(prompt) > PromptBudget)
        {
            throw new GuardRailException($"the prompt needs about {TokenEstimate.Of(prompt)} tokens, more than the {PromptBudget} that AI:ContextTokens allows");
        }

        return prompt;
    }

    private Task<string> Ask(string function, KernelArguments arguments, string renderedPrompt, CancellationToken ct) =>
        prompts.InvokeAsync(function, arguments, Math.Max(256, Options.ContextTokens - TokenEstimate.Of(renderedPrompt) - AnswerMargin), ct);

    private static string Describe(Exception ex) => ex switch
    {
        HttpOperationException http when http.StatusCode is { } status => $"HTTP {(int)status}",
        HttpOperationException => "no answer from the server",
        System.Text.Json.JsonException or ArgumentOutOfRangeException => "the server's answer could not be read",
        _ => ex.GetType().Name,
    };
}
