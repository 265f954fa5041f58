using Microsoft.SemanticKernel;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Writes the narrative parts of a document with a model, through Semantic Kernel (prompts
/// <c>DailyNarrative</c> and <c>FeedbackNarrative</c> in <c>prompts/Briefs</c>), on the redacted job. One call asks
/// for all the parts under their headings: the model reads the system prompt once and sees every note of the day,
/// so it does not repeat one part in another. A job whose prompt exceeds the budget is written in several calls,
/// its notes packed in order, a part's notes split across calls when they must be (its paragraphs joined). Each
/// answer is checked as a whole (<see cref="GuardRailFilter"/>) and each part on its own (<see cref="NarrativeCall.Read"/>);
/// a part that fails, or whose call fails (an error, a time-out, an answer cut at its cap), is not written, with
/// the reason, and the offline text stands in for it alone. Nothing is asked when no part has notes.
/// </summary>
public sealed class ModelNarratives(IOptions<AiOptions> options, PromptLibrary prompts, TimeProvider time, ILogger<ModelNarratives> logger) : INarrativeWriter
{
    private AiOptions Options => options.Value;

    /// <summary>The most a prompt may take: half the context, the rest is for the answer.</summary>
    public int PromptBudget => Options.ContextTokens / 2;

    public async Task<NarrativeSet> WriteAsync(NarrativeJob job, Texts t, IProgress<BriefProgress>? progress, CancellationToken cancellationToken)
    {
        if (job.Parts.All(p => p.Notes.Count == 0))
        {
            return NarrativeSet.None;
        }

        var (safe, redaction) = Redaction.Of(job, t);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Options.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var calls = await CallsAsync(safe, redaction.Secrets, t, linked.Token);
        if (calls.Count > 1)
        {
            logger.LogInformation("Writing the narrative of {Notes} notes in {Calls} calls.", safe.Parts.Sum(p => p.Notes.Count), calls.Count);
        }

        var written = new Dictionary<NarrativeSlot, List<string>>();
        var failed = new Dictionary<NarrativeSlot, string>();
        foreach (var (call, index) in calls.Select((c, i) => (c, i)))
        {
            if (calls.Count > 1)
            {
                progress?.Report(new BriefProgress(index + 1, calls.Count));
            }

            foreach (var (slot, paragraphs, reason) in await AskAsync(call, t, timeout, linked.Token, cancellationToken))
            {
                if (reason is not null)
                {
                    failed.TryAdd(slot, reason);
                }
                else if (written.TryGetValue(slot, out var list))
                {
                    list.AddRange(paragraphs!);
                }
                else
                {
                    written[slot] = [.. paragraphs!];
                }
            }
        }

        return new NarrativeSet(
            written.Where(w => !failed.ContainsKey(w.Key)).ToDictionary(w => w.Key, w => (IReadOnlyList<string>)LeadIn(w.Key, [.. w.Value.Select(redaction.Restore)], t)),
            failed);
    }

    /// <summary>The calls the job needs: one when its prompt fits the budget, else the notes packed in order into calls that each fit.</summary>
    public async Task<IReadOnlyList<NarrativeCall>> CallsAsync(NarrativeJob safe, IReadOnlyList<string> secrets, Texts t, CancellationToken cancellationToken)
    {
        var whole = new NarrativeCall(safe, safe.Parts, secrets, t);
        if (await MeasureAsync(whole, cancellationToken) <= PromptBudget)
        {
            return [whole];
        }

        var calls = new List<NarrativeCall>();
        var current = new List<NarrativeRequest>();
        foreach (var part in safe.Parts)
        {
            if (part.Notes.Count == 0)
            {
                current.Add(part); // the opening draws on the notes of the call it is in: the first
                continue;
            }

            foreach (var note in part.Notes)
            {
                var candidate = With(current, part, note);
                if (current.Any(p => p.Notes.Count > 0) && await MeasureAsync(new NarrativeCall(safe, candidate, secrets, t), cancellationToken) > PromptBudget)
                {
                    calls.Add(new NarrativeCall(safe, current, secrets, t));
                    candidate = [part with { Notes = [note] }];
                }

                current = candidate;
            }
        }

        calls.Add(new NarrativeCall(safe, current, secrets, t));
        return calls;
    }

    /// <summary>The parts with the note added to its part (the part added at the end if it is not there yet).</summary>
    private static List<NarrativeRequest> With(List<NarrativeRequest> parts, NarrativeRequest part, NoteFact note) =>
        parts.Count > 0 && parts[^1].Slot == part.Slot
            ? [.. parts[..^1], parts[^1] with { Notes = [.. parts[^1].Notes, note] }]
            : [.. parts, part with { Notes = [note] }];

    private async Task<int> MeasureAsync(NarrativeCall call, CancellationToken cancellationToken) =>
        TokenEstimate.Of(await prompts.RenderAsync(call.Prompt, call.Arguments, cancellationToken));

    /// <summary>Each part of the call with its paragraphs, or the reason it was not written.</summary>
    private async Task<IEnumerable<(NarrativeSlot Slot, IReadOnlyList<string>? Paragraphs, string? Reason)>> AskAsync(
        NarrativeCall call, Texts t, CancellationTokenSource timeout, CancellationToken linked, CancellationToken cancellationToken)
    {
        IEnumerable<(NarrativeSlot, IReadOnlyList<string>?, string?)> All(string reason, string logged)
        {
            logger.LogWarning("The model did not write {Parts} ({Reason}); the offline text is used.", string.Join(", ", call.Parts.Select(p => p.Slot)), logged);
            return call.Parts.Select(p => (p.Slot, (IReadOnlyList<string>?)null, (string?)reason));
        }

        if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return All(t.Plain("summary.fallback.timeout", Options.TimeoutSeconds), $"no answer within {Options.TimeoutSeconds} s");
        }

        ModelAnswer answer;
        try
        {
            var tokens = await MeasureAsync(call, linked);
            if (tokens > PromptBudget)
            {
                return All(t.Plain("summary.fallback.too_long", tokens, PromptBudget), $"the prompt needs about {tokens} tokens, more than the {PromptBudget} that AI:ContextTokens allows");
            }

            answer = await prompts.InvokeAsync(call.Prompt, call.Arguments, call.Input, tokens, linked);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return All(t.Plain("summary.fallback.timeout", Options.TimeoutSeconds), $"no answer within {Options.TimeoutSeconds} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return All(t.Plain("summary.fallback.error", Describe(ex)), Describe(ex));
        }

        if (answer.WasCut || answer.IgnoredCap)
        {
            return All(t.Plain(answer.IgnoredCap ? "summary.fallback.cap_ignored" : "summary.fallback.length", answer.Cap),
                $"answer of {answer.AnswerTokens} tokens, cap {answer.Cap}, finish {answer.FinishReason}");
        }

        return call.Read(answer.Text, answer.Verdict).Select(p =>
        {
            if (p.Paragraphs is not null)
            {
                return (p.Slot, p.Paragraphs, (string?)null);
            }

            // The person sees what failed; the log only which checks (what they found may quote a note).
            logger.LogWarning("The model's {Part} failed the guard rails ({Verdict}); the offline text is used.", p.Slot, p.Verdict.Summary);
            return (p.Slot, (IReadOnlyList<string>?)null, t.Plain("summary.fallback.check", p.Verdict.Describe(t)));
        });
    }

    /// <summary>The part's paragraphs with the lead-in the document gives it ("听取汇报方面，…", "主要做法有：…").</summary>
    private static List<string> LeadIn(NarrativeSlot slot, List<string> paragraphs, Texts t)
    {
        var key = slot switch
        {
            NarrativeSlot.FeedbackOpening => null,
            NarrativeSlot.FeedbackHighlights => "report.highlights_many",
            _ => "brief.narrative." + slot.ToString().ToLowerInvariant(),
        };
        if (key is not null && paragraphs.Count > 0)
        {
            paragraphs[0] = t.Plain(key, paragraphs[0]);
        }

        return paragraphs;
    }

    private static string Describe(Exception ex) => ex switch
    {
        HttpOperationException http when http.StatusCode is { } status => $"HTTP {(int)status}",
        HttpOperationException => "no answer from the server",
        System.Text.Json.JsonException or ArgumentOutOfRangeException => "the server's answer could not be read",
        _ => ex.GetType().Name,
    };
}
