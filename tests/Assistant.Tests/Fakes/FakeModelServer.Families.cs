using System.Text.Json.Nodes;

namespace Assistant.Tests.Fakes;

/// <summary>
/// The OpenAI-compatible servers the assistant supports. Each differs in the request field that caps
/// the answer and in what its answer carries besides OpenAI's fields; <see cref="FakeModelServer"/>
/// reproduces what their documentation and issue trackers say.
/// </summary>
public enum ModelServerFamily
{
    /// <summary>A server that follows OpenAI's documented API to the letter (the fake's default): honours max_completion_tokens, else max_tokens; accepts both; adds nothing.</summary>
    Compatible,

    /// <summary>api.openai.com: honours max_completion_tokens (and, on older models, max_tokens); refuses both at once (400 invalid_parameter_combination).</summary>
    OpenAI,

    /// <summary>vLLM: honours max_completion_tokens, else max_tokens (deprecated); ignores unknown fields; adds stop_reason, prompt_logprobs, kv_transfer_params, message.reasoning_content.</summary>
    Vllm,

    /// <summary>llama.cpp's llama-server before February 2026 (#13700, fixed by #19831): honours n_predict and max_tokens, ignores max_completion_tokens; adds timings.</summary>
    LlamaCppServer,

    /// <summary>llama-cpp-python's server: honours max_tokens only (#1907; its pydantic models drop unknown fields); no system_fingerprint.</summary>
    LlamaCppPython,

    /// <summary>LM Studio: honours max_tokens only (its documented payload parameters); adds stats; reports completion_tokens one short at the cap (lmstudio-bug-tracker#2335).</summary>
    LmStudio,

    /// <summary>Ollama's /v1: honours max_tokens, ignores max_completion_tokens (ollama#7125); system_fingerprint "fp_ollama".</summary>
    Ollama,
}

/// <summary>How each <see cref="ModelServerFamily"/> reads a request and shapes its answer.</summary>
public sealed partial class FakeModelServer
{
    /// <summary>Which server this fake behaves like (<see cref="ModelServerFamily.Compatible"/> unless started otherwise).</summary>
    public ModelServerFamily Family { get; private set; } = ModelServerFamily.Compatible;

    /// <summary>Starts a fake server that behaves like <paramref name="family"/>.</summary>
    public static async Task<FakeModelServer> StartAsync(ModelServerFamily family)
    {
        var server = await StartAsync();
        server.Family = family;
        return server;
    }

    /// <summary>The cap this server applies to the request (null: none, the answer runs as long as it runs).</summary>
    public int? HonouredCap(ModelRequest request) => Family switch
    {
        ModelServerFamily.Compatible or ModelServerFamily.OpenAI or ModelServerFamily.Vllm => request.MaxCompletionTokens ?? request.MaxTokens,
        ModelServerFamily.LlamaCppServer => request.NPredict ?? request.MaxTokens,
        _ => request.MaxTokens,
    };

    /// <summary>Tokens of a text as the fakes count them: a CJK character is one, other text four characters a token.</summary>
    public static int CountTokens(string text)
    {
        var cjk = text.Count(c => c is >= '\u3000' and <= '\u9fff' or >= '\uff00' and <= '\uffef');
        return cjk + (text.Length - cjk + 3) / 4;
    }

    /// <summary>A request this family refuses before answering (null: accepted).</summary>
    private Result? Refusal(ModelRequest request) =>
        Family == ModelServerFamily.OpenAI && request.MaxTokens is not null && request.MaxCompletionTokens is not null
            ? ErrorResult(400, "Setting 'max_tokens' and 'max_completion_tokens' at the same time is not supported.", "invalid_request_error", "invalid_parameter_combination", "max_tokens")
            : null;

    /// <summary>The content cut at the honoured cap, the finish reason, and the completion tokens the family reports.</summary>
    private (string Content, string FinishReason, int CompletionTokens) Capped(ModelRequest request, string content, string finishReason)
    {
        var tokens = CountTokens(content);
        if (HonouredCap(request) is not { } cap || tokens <= cap)
        {
            return (content, finishReason, tokens);
        }

        var cut = content;
        while (CountTokens(cut) > cap)
        {
            cut = cut[..^Math.Max(1, (CountTokens(cut) - cap) / 2)];
        }

        return (cut, "length", Family == ModelServerFamily.LmStudio ? cap - 1 : cap);
    }

    /// <summary>What this family adds to OpenAI's answer.</summary>
    private void AddFamilyFields(JsonObject body, JsonObject? choice, JsonObject? message, int promptTokens, int completionTokens)
    {
        switch (Family)
        {
            case ModelServerFamily.OpenAI:
                body["service_tier"] = "default";
                body["usage"]!["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0 };
                body["usage"]!["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0, ["audio_tokens"] = 0 };
                message?.Add("annotations", new JsonArray());
                break;
            case ModelServerFamily.Vllm:
                body["system_fingerprint"] = null;
                body["prompt_logprobs"] = null;
                body["kv_transfer_params"] = null;
                choice?.Add("stop_reason", null);
                message?.Add("reasoning_content", null);
                message?.Add("tool_calls", new JsonArray());
                break;
            case ModelServerFamily.LlamaCppServer:
                body["system_fingerprint"] = "b6152-e2c1bff";
                body["timings"] = new JsonObject
                {
                    ["prompt_n"] = promptTokens,
                    ["prompt_ms"] = promptTokens * 2.5,
                    ["predicted_n"] = completionTokens,
                    ["predicted_ms"] = completionTokens * 95.0,
                    ["predicted_per_second"] = 10.5,
                };
                break;
            case ModelServerFamily.LlamaCppPython:
                body.Remove("system_fingerprint");
                message?.Remove("refusal");
                break;
            case ModelServerFamily.LmStudio:
                body["system_fingerprint"] = body["model"]?.DeepClone();
                body["stats"] = new JsonObject();
                break;
            case ModelServerFamily.Ollama:
                body["system_fingerprint"] = "fp_ollama";
                message?.Remove("refusal");
                break;
        }
    }
}
