using Microsoft.SemanticKernel;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Logs each model call: the prompt's name, how long it took, the token usage the server reported,
/// why the answer ended and the guard rails' verdict (the checks that failed, never the text they
/// found: answers and prompts carry notes and tips, which never go to a log).
/// </summary>
public sealed class ModelCallLog(ILogger<ModelCallLog> logger, TimeProvider time) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        var started = time.GetTimestamp();
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Model call {Prompt} failed after {Milliseconds} ms: {Error}.",
                context.Function.Name, (long)time.GetElapsedTime(started).TotalMilliseconds, Describe(ex));
            throw;
        }

        var (prompt, answer, finish) = ModelAnswer.Usage(context.Result);
        var verdict = context.Result.Metadata?.GetValueOrDefault(ModelAnswer.VerdictKey) as GuardRailVerdict;
        logger.LogInformation("Model call {Prompt}: {Milliseconds} ms, {PromptTokens} prompt tokens, {AnswerTokens} answer tokens, finish {FinishReason}, guard rails {Verdict}.",
            context.Function.Name, (long)time.GetElapsedTime(started).TotalMilliseconds, prompt, answer, finish ?? "unknown", verdict?.Summary ?? "not checked");
    }

    /// <summary>The kind of failure only: a server's error body may quote the request.</summary>
    private static string Describe(Exception ex) => ex is HttpOperationException { StatusCode: { } status }
        ? $"HTTP {(int)status}"
        : ex.GetType().Name;
}
