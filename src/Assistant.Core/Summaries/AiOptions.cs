using System.Net;

namespace Assistant.Core.Summaries;

/// <summary>
/// Settings of the <c>AI</c> section: the OpenAI-compatible model server that writes briefs. With no
/// endpoint and model, the offline writer writes them. A self-hosted server (Ollama, vLLM, LM Studio)
/// is the expected deployment for government data.
/// </summary>
public sealed class AiOptions : IValidatableSettings
{
    public const string Section = "AI";

    /// <summary>Base URL of the OpenAI-compatible API, e.g. http://localhost:11434/v1 (Ollama); empty: no model.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Model name as the server knows it, e.g. qwen2.5:14b.</summary>
    public string Model { get; set; } = "";

    /// <summary>API key, where the server needs one. Never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>How long one brief may take to write before the offline text is sent instead.</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>The model's context window in tokens; a prompt may use half, the answer the rest. Longer days are written in parts.</summary>
    public int ContextTokens { get; set; } = 8192;

    /// <summary>The folder of the prompt directories; empty: <c>prompts/Briefs</c> next to the program.</summary>
    public string PromptsPath { get; set; } = "";

    /// <summary>When true, text goes only to a model on this machine (localhost); any other endpoint is not used.</summary>
    public bool KeepTextOnThisMachine { get; set; }

    /// <summary>Sampling temperature for every prompt; empty: each prompt's <c>config.json</c> decides.</summary>
    public double? Temperature { get; set; }

    /// <summary>Nucleus sampling (top_p) for every prompt; empty: each prompt's <c>config.json</c> decides.</summary>
    public double? TopP { get; set; }

    /// <summary>The most tokens one answer may have, for every prompt; empty: each prompt's <c>config.json</c> <c>max_tokens</c>. Never more than the context leaves.</summary>
    public int? MaxOutputTokens { get; set; }

    /// <summary>Which request field carries the output cap (see <see cref="OutputCapField"/>).</summary>
    public OutputCapField OutputCapField { get; set; } = OutputCapField.Auto;

    /// <summary>How long the model may take to suggest a finding's fields before the keyword rules suggest them.</summary>
    public int SuggestionTimeoutSeconds { get; set; } = 20;

    /// <summary>Base URL of an OpenAI-compatible transcription server (<c>/v1/audio/transcriptions</c>: whisper.cpp's server, faster-whisper-server, vLLM), e.g. http://localhost:8080/v1; empty: voice notes stay audio only.</summary>
    public string TranscriptionEndpoint { get; set; } = "";

    /// <summary>The transcription model as the server knows it (whisper.cpp's server ignores it).</summary>
    public string TranscriptionModel { get; set; } = "whisper-1";

    /// <summary>How long one voice note may take to transcribe before the note stays audio only.</summary>
    public int TranscriptionTimeoutSeconds { get; set; } = 60;

    /// <summary>Whether voice notes are transcribed: an endpoint set, and allowed by <see cref="KeepTextOnThisMachine"/>.</summary>
    public bool UsesTranscription =>
        !string.IsNullOrWhiteSpace(TranscriptionEndpoint) && (!KeepTextOnThisMachine || IsLocal(TranscriptionEndpoint));

    /// <summary>Whether a model is configured (endpoint and model set).</summary>
    public bool HasModel => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);

    /// <summary>Whether the endpoint is on this machine (a loopback address or "localhost").</summary>
    public bool EndpointIsLocal => IsLocal(Endpoint);

    private static bool IsLocal(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>Whether briefs are written by the model: configured, and allowed by <see cref="KeepTextOnThisMachine"/>.</summary>
    public bool UsesModel => HasModel && (!KeepTextOnThisMachine || EndpointIsLocal);

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(Endpoint)
            && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return $"AI:Endpoint '{Endpoint}' is not an http(s) URL: expected e.g. http://localhost:11434/v1.";
        }

        if (string.IsNullOrWhiteSpace(Endpoint) != string.IsNullOrWhiteSpace(Model))
        {
            yield return "AI:Endpoint and AI:Model go together: set both to use a model, or neither for the offline writer.";
        }

        if (!string.IsNullOrWhiteSpace(TranscriptionEndpoint)
            && (!Uri.TryCreate(TranscriptionEndpoint, UriKind.Absolute, out var transcription) || (transcription.Scheme != Uri.UriSchemeHttp && transcription.Scheme != Uri.UriSchemeHttps)))
        {
            yield return $"AI:TranscriptionEndpoint '{TranscriptionEndpoint}' is not an http(s) URL: expected e.g. http://localhost:8080/v1.";
        }

        if (SuggestionTimeoutSeconds is < 1 or > 600)
        {
            yield return $"AI:SuggestionTimeoutSeconds {SuggestionTimeoutSeconds} is out of range: expected 1 to 600.";
        }

        if (TranscriptionTimeoutSeconds is < 1 or > 3600)
        {
            yield return $"AI:TranscriptionTimeoutSeconds {TranscriptionTimeoutSeconds} is out of range: expected 1 to 3600.";
        }

        if (TimeoutSeconds is < 1 or > 3600)
        {
            yield return $"AI:TimeoutSeconds {TimeoutSeconds} is out of range: expected 1 to 3600.";
        }

        if (ContextTokens is < 1024 or > 2_000_000)
        {
            yield return $"AI:ContextTokens {ContextTokens} is out of range: expected 1024 to 2000000.";
        }

        if (Temperature is < 0 or > 2)
        {
            yield return FormattableString.Invariant($"AI:Temperature {Temperature} is out of range: expected 0 to 2, or empty for each prompt's own.");
        }

        if (TopP is <= 0 or > 1)
        {
            yield return FormattableString.Invariant($"AI:TopP {TopP} is out of range: expected more than 0 and at most 1, or empty for each prompt's own.");
        }

        if (MaxOutputTokens is < 16 || MaxOutputTokens >= ContextTokens)
        {
            yield return $"AI:MaxOutputTokens {MaxOutputTokens} is out of range: expected 16 to less than AI:ContextTokens ({ContextTokens}), or empty for each prompt's own.";
        }
    }
}

/// <summary>
/// The request field that carries the output cap. OpenAI's API takes <c>max_completion_tokens</c> and
/// refuses it together with <c>max_tokens</c>; Ollama, llama-cpp-python, LM Studio and llama.cpp
/// builds before February 2026 read only <c>max_tokens</c>; vLLM reads both.
/// </summary>
public enum OutputCapField
{
    /// <summary>Only <c>max_completion_tokens</c> for api.openai.com, both fields for any other server.</summary>
    Auto,

    /// <summary>Both fields with the same value.</summary>
    Both,

    /// <summary>Only <c>max_tokens</c> (for a proxy or a cloud that refuses both at once).</summary>
    MaxTokens,

    /// <summary>Only <c>max_completion_tokens</c>.</summary>
    MaxCompletionTokens,
}
