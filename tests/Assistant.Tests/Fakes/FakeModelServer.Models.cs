using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Tests.Fakes;

/// <summary>
/// One message of a recorded chat-completions request. <see cref="Content"/> is the string content, or the text
/// parts of an array content joined with "\n" (image and other parts are left out); "" when content is null
/// (an assistant message that only calls tools).
/// </summary>
public sealed record ModelMessage(string Role, string Content);

/// <summary>
/// One POST to <c>/v1/chat/completions</c> the <see cref="FakeModelServer"/> received, whatever its outcome
/// (refused for a missing key, streaming or bad JSON included). Fields the body did not carry are null.
/// </summary>
public sealed class ModelRequest
{
    private int _statusCode;

    /// <summary>The "model" field, or null when absent or the body is not JSON.</summary>
    public string? Model { get; init; }

    public required IReadOnlyList<ModelMessage> Messages { get; init; }

    public double? Temperature { get; init; }

    /// <summary>The "top_p" field.</summary>
    public double? TopP { get; init; }

    /// <summary>llama.cpp's own "n_predict" field.</summary>
    public int? NPredict { get; init; }

    /// <summary>The legacy "max_tokens" field.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The "max_completion_tokens" field (what newer clients send instead of max_tokens).</summary>
    public int? MaxCompletionTokens { get; init; }

    /// <summary>Whether the body asked for "stream": true (the fake refuses such requests with 400).</summary>
    public bool Stream { get; init; }

    /// <summary>The Authorization header as sent (e.g. "Bearer test-key"), or null.</summary>
    public string? Authorization { get; init; }

    /// <summary>The request body exactly as received.</summary>
    public required string Body { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>HTTP status answered; 0 while the request is still being handled, 499 if the client went away first.</summary>
    public int StatusCode => Volatile.Read(ref _statusCode);

    /// <summary>Content of the last "user" message, or null when there is none.</summary>
    public string? LastUserContent => Messages.LastOrDefault(m => m.Role == "user")?.Content;

    /// <summary>The body as a JSON tree (for fields not surfaced above, e.g. "tools"); null when it is not JSON.</summary>
    public JsonNode? ParseBody()
    {
        try
        {
            return JsonNode.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal void Complete(int statusCode) => Interlocked.CompareExchange(ref _statusCode, statusCode, 0);

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    public override string ToString()
    {
        var messages = string.Join(" | ", Messages.Select(m => $"{m.Role}: {Shorten(m.Content, 80)}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Time:HH:mm:ss.fff} model={Model ?? "(none)"} -> {StatusCode} [{messages}]");
    }

    /// <summary>Reads what a test needs from a chat-completions body; never throws (fields it cannot read stay null).</summary>
    internal static ModelRequest Parse(string body, string? authorization, DateTimeOffset time, out string? error)
    {
        error = null;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            error = "We could not parse the JSON body of your request. (FakeModelServer: " + ex.Message + ")";
            return new ModelRequest { Messages = [], Body = body, Authorization = authorization, Time = time };
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "We could not parse the JSON body of your request: it is not a JSON object.";
            return new ModelRequest { Messages = [], Body = body, Authorization = authorization, Time = time };
        }

        var messages = new List<ModelMessage>();
        if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in list.EnumerateArray())
            {
                if (message.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
                var content = message.TryGetProperty("content", out var c) ? FlattenContent(c) : "";
                messages.Add(new ModelMessage(role, content));
            }
        }
        else
        {
            error = "Missing required parameter: 'messages'.";
        }

        var model = String(root, "model");
        if (model is null)
        {
            error ??= "you must provide a model parameter";
        }

        return new ModelRequest
        {
            Model = model,
            Messages = messages,
            Temperature = root.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null,
            TopP = root.TryGetProperty("top_p", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : null,
            NPredict = Int(root, "n_predict"),
            MaxTokens = Int(root, "max_tokens"),
            MaxCompletionTokens = Int(root, "max_completion_tokens"),
            Stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True,
            Authorization = authorization,
            Body = body,
            Time = time,
        };
    }

    private static string FlattenContent(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => string.Join(
            "\n",
            content.EnumerateArray()
                .Where(part => part.ValueKind == JsonValueKind.Object && String(part, "type") == "text")
                .Select(part => String(part, "text") ?? "")),
        _ => "",
    };

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;
}

/// <summary>
/// A scripted answer for <see cref="FakeModelServer.Enqueue"/>: a text completion, an OpenAI error, a raw
/// (malformed) body or an empty choices array. Any of them can wait first:
/// <c>ModelReply.Text("…") with { Delay = TimeSpan.FromSeconds(5) }</c>; the wait ends early (and the connection
/// is dropped) when the client cancels or the server is disposed.
/// </summary>
public sealed record ModelReply
{
    private ModelReply()
    {
    }

    /// <summary>HTTP status answered (200 except for <see cref="Error"/> and <see cref="Raw"/>).</summary>
    public int StatusCode { get; private init; } = 200;

    /// <summary>Assistant message content for a text completion; null for the other kinds.</summary>
    public string? Content { get; private init; }

    /// <summary>finish_reason of a text completion ("stop", "length", "content_filter").</summary>
    public string FinishReason { get; init; } = "stop";

    /// <summary>How long the server waits before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A task the server waits for before answering (a test completes it when the model should "finish").</summary>
    public Task? Until { get; init; }

    /// <summary>Whether the answer is a completion with <c>"choices": []</c>.</summary>
    public bool IsEmptyChoices { get; private init; }

    /// <summary>error.message / type / param / code of an error answer; null for the other kinds.</summary>
    public string? ErrorMessage { get; private init; }

    public string? ErrorType { get; private init; }

    public string? ErrorParam { get; private init; }

    public string? ErrorCode { get; private init; }

    /// <summary>Sent as the <c>retry-after</c> header (whole seconds) and <c>retry-after-ms</c>, like OpenAI's 429s.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>Body sent verbatim by <see cref="Raw"/> / <see cref="Malformed"/>.</summary>
    public string? RawBody { get; private init; }

    public string ContentType { get; private init; } = "application/json";

    /// <summary>A normal completion whose assistant message is <paramref name="content"/>.</summary>
    public static ModelReply Text(string content) => new() { Content = content };

    /// <summary>Any status with OpenAI's error body <c>{"error": {"message", "type", "param", "code"}}</c>.</summary>
    public static ModelReply Error(int statusCode, string message, string type, string? code = null, string? param = null, TimeSpan? retryAfter = null) =>
        new()
        {
            StatusCode = statusCode,
            ErrorMessage = message,
            ErrorType = type,
            ErrorCode = code,
            ErrorParam = param,
            RetryAfter = retryAfter,
        };

    /// <summary>500 server_error, as OpenAI answers when its backend fails.</summary>
    public static ModelReply ServerError(string message = "The server had an error while processing your request. Sorry about that!") =>
        Error(500, message, "server_error");

    /// <summary>429 rate_limit_exceeded with a retry-after header.</summary>
    public static ModelReply RateLimited(TimeSpan retryAfter) =>
        Error(
            429,
            "Rate limit reached for requests. Please try again in " + retryAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s.",
            "requests",
            "rate_limit_exceeded",
            retryAfter: retryAfter);

    /// <summary>401 invalid_api_key, as for a wrong or revoked key.</summary>
    public static ModelReply InvalidApiKey() =>
        Error(401, "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key");

    /// <summary>200 with a body that is not a valid completion: truncated JSON by default, or any text.</summary>
    public static ModelReply Malformed(string body = "{\"choices\": [") => Raw(200, body);

    /// <summary>Any status, body and content type, sent verbatim.</summary>
    public static ModelReply Raw(int statusCode, string body, string contentType = "application/json") =>
        new() { StatusCode = statusCode, RawBody = body, ContentType = contentType };

    /// <summary>200 with a well-formed completion whose choices array is empty.</summary>
    public static ModelReply EmptyChoices() => new() { IsEmptyChoices = true };
}
