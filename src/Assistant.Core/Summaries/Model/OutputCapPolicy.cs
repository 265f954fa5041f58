using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// Puts the output cap into the request field the server reads. Semantic Kernel's OpenAI connector
/// (1.82) hands <c>MaxTokens</c> to the OpenAI .NET SDK (2.14) as <c>MaxOutputTokenCount</c>, which the
/// SDK always writes as <c>max_completion_tokens</c>, the only field OpenAI's own API wants (it refuses
/// a request carrying both). But Ollama's <c>/v1</c> (ollama#7125), llama-cpp-python (#1907), LM Studio
/// and llama.cpp's server before February 2026 (#13700, fixed by #19831) read only <c>max_tokens</c>
/// and silently ignore the other, so a looping model would run until the time-out. vLLM reads both
/// (<c>max_completion_tokens</c> first). None of these servers refuses a field it does not know.
/// So, by default, the request to any server but api.openai.com carries both fields with the same
/// value; <see cref="OutputCapField"/> can choose one. A pipeline policy is the one place that sees
/// the body the SDK wrote, whatever Semantic Kernel put in it.
/// </summary>
public sealed class OutputCapPolicy(OutputCapField field) : PipelinePolicy
{
    public const string Legacy = "max_tokens";
    public const string Current = "max_completion_tokens";

    /// <summary>The field choice for an endpoint: <see cref="OutputCapField.Auto"/> resolved by host.</summary>
    public static OutputCapField For(OutputCapField configured, Uri endpoint) =>
        configured != OutputCapField.Auto ? configured
        : string.Equals(endpoint.Host, "api.openai.com", StringComparison.OrdinalIgnoreCase) ? OutputCapField.MaxCompletionTokens
        : OutputCapField.Both;

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Rewrite(PipelineMessage message)
    {
        if (field == OutputCapField.MaxCompletionTokens
            || message.Request.Content is not { } content
            || message.Request.Uri?.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal) != true)
        {
            return;
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, message.CancellationToken);
        if (JsonNode.Parse(buffer.ToArray()) is not JsonObject body || body[Current] is not { } cap)
        {
            return;
        }

        body[Legacy] = cap.DeepClone();
        if (field == OutputCapField.MaxTokens)
        {
            body.Remove(Current);
        }

        message.Request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }
}
