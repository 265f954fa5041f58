using Microsoft.SemanticKernel;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Checks every answer of a prompt function against the <see cref="GuardRailInput"/> its call carries
/// (<see cref="PromptLibrary.CheckArgument"/>) and leaves the verdict on the result's metadata
/// (<see cref="ModelAnswer.VerdictKey"/>), where <see cref="ModelCallLog"/> logs it and the writer acts on it.
/// </summary>
public sealed class GuardRailFilter : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        await next(context);
        if (!context.Arguments.TryGetValue(PromptLibrary.CheckArgument, out var value) || value is not GuardRailInput input)
        {
            return;
        }

        var verdict = GuardRails.Check(context.Result.GetValue<string>() ?? "", input);
        var metadata = new Dictionary<string, object?>(context.Result.Metadata ?? new Dictionary<string, object?>(), StringComparer.Ordinal)
        {
            [ModelAnswer.VerdictKey] = verdict,
        };
        context.Result = new FunctionResult(context.Result) { Metadata = metadata };
    }
}
