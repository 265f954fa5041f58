using Microsoft.SemanticKernel;
using OpenAI.Chat;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// A model's answer to one prompt: its text, why it ended, its token counts (as the server reports
/// them; null when it reports none), the cap the request carried, and the guard rails' verdict.
/// </summary>
public sealed record ModelAnswer(string Text, string? FinishReason, int? PromptTokens, int? AnswerTokens, int Cap, GuardRailVerdict Verdict)
{
    /// <summary>The metadata key under which <see cref="GuardRailFilter"/> leaves its verdict on the function's result.</summary>
    public const string VerdictKey = "GuardRailVerdict";

    /// <summary>
    /// The answer stopped at the cap: finish_reason "length", or as many tokens as the cap (a server may
    /// say "stop" there). A cut answer is incomplete, whatever it says.
    /// </summary>
    public bool WasCut => string.Equals(FinishReason, "length", StringComparison.OrdinalIgnoreCase) || AnswerTokens == Cap;

    /// <summary>The server wrote more than the cap: it ignored the field (some Ollama versions bound nothing on /v1).</summary>
    public bool IgnoredCap => AnswerTokens > Cap;

    public static ModelAnswer From(FunctionResult result, int cap)
    {
        var verdict = result.Metadata?.GetValueOrDefault(VerdictKey) as GuardRailVerdict
            ?? throw new InvalidOperationException($"No guard-rail verdict on the answer: {nameof(GuardRailFilter)} is not registered with the kernel.");
        var (prompt, answer, finish) = Usage(result);
        return new ModelAnswer(result.GetValue<string>() ?? "", finish, prompt, answer, cap, verdict);
    }

    /// <summary>The token counts and the finish reason Semantic Kernel's OpenAI connector leaves on a function's result.</summary>
    public static (int? Prompt, int? Answer, string? FinishReason) Usage(FunctionResult? result)
    {
        var usage = result?.Metadata?.GetValueOrDefault("Usage") as ChatTokenUsage;
        return (usage?.InputTokenCount, usage?.OutputTokenCount, result?.Metadata?.GetValueOrDefault("FinishReason") as string);
    }
}
