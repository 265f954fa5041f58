using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Assistant.Tests.Fakes;

/// <summary>
/// In-process fake of an OpenAI-compatible chat-completions server, served by Kestrel on 127.0.0.1 with a free
/// port, so the real OpenAI SDK and the Semantic Kernel OpenAI connector can talk to it unchanged. It answers
/// <c>POST /v1/chat/completions</c> (non-streaming) and <c>GET /v1/models</c>; anything else gets OpenAI's 404
/// error body. Tests script the replies (<see cref="Reply"/>, <see cref="Enqueue"/>), inspect what was sent
/// (<see cref="Requests"/>, <see cref="WaitForRequestAsync"/>) and inject faults (errors, malformed bodies, delays,
/// a required API key). Everything is thread-safe.
/// </summary>
/// <remarks>
/// Configure the client with <see cref="BaseUrl"/>, which includes the "/v1/" path, as the endpoint:
/// <c>new OpenAIClient(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = server.BaseUrl,
/// RetryPolicy = new ClientRetryPolicy(0) })</c>, then
/// <c>Kernel.CreateBuilder().AddOpenAIChatCompletion("test-model", openAIClient)</c>.
/// The SDK appends "chat/completions" to the endpoint, so the endpoint must carry the "/v1" itself (its default,
/// https://api.openai.com/v1, does); a trailing slash makes no difference. Without "/v1" requests arrive at
/// /chat/completions and get the 404 "Invalid URL" error, like the real server would answer. Set
/// <c>RetryPolicy = new ClientRetryPolicy(0)</c>: by default the SDK retries 429 and 5xx answers
/// with back-off, which makes fault tests slow and hides how many requests were made.
/// What the connector (SK 1.82, OpenAI SDK 2.14) makes of the fake's answers: a 4xx/5xx becomes
/// <c>Microsoft.SemanticKernel.HttpOperationException</c> (StatusCode set, the SDK's
/// <c>System.ClientModel.ClientResultException</c> as InnerException); a malformed 200 body (truncated JSON or
/// not JSON) escapes as a <c>System.Text.Json.JsonException</c>, not wrapped; an empty choices array as an
/// <c>ArgumentOutOfRangeException</c> (the SDK reads Choices[0] unguarded); cancelling the CancellationToken during
/// a delayed reply as <c>KernelFunctionCanceledException</c> (an OperationCanceledException) from
/// InvokePromptAsync. <c>OpenAIPromptExecutionSettings.MaxTokens</c> is sent as "max_completion_tokens", not
/// "max_tokens" (the assistant's <c>OutputCapPolicy</c> adds "max_tokens"). Started with a
/// <see cref="ModelServerFamily"/>, the fake honours the cap field that server honours (cutting the answer there
/// with finish_reason "length"), refuses what it refuses and adds its extra answer fields.
/// </remarks>
public sealed partial class FakeModelServer : IAsyncDisposable
{
    /// <summary>What the default reply function answers until a test calls <see cref="Reply"/>.</summary>
    public const string DefaultReplyText = "OK";

    /// <summary>The one model GET /v1/models lists.</summary>
    public const string ListedModel = "fake-model";

    /// <summary>Default time <see cref="WaitForRequestAsync"/> waits.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly List<ModelRequest> _requests = [];
    private readonly Queue<ModelReply> _replies = new();
    private Func<ModelRequest, string> _defaultReply = _ => DefaultReplyText;
    private string? _apiKey;
    private int _waitCursor;
    private TaskCompletionSource _recordSignal = NewSignal();
    private int _completionCount;
    private bool _disposed;

    private FakeModelServer()
    {
    }

    /// <summary>Port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>"http://127.0.0.1:PORT/v1/": the endpoint to give the OpenAI client; chat requests go to {BaseUrl}chat/completions.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/v1/");

    /// <summary>Clock for the "created" fields (Unix seconds); the real clock unless a test swaps it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Every chat-completions request received so far (refused ones included), oldest first.</summary>
    public IReadOnlyList<ModelRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a fake server on 127.0.0.1 on a free port.</summary>
    public static async Task<FakeModelServer> StartAsync()
    {
        var server = new FakeModelServer();
        await server.ListenAsync();
        return server;
    }

    // ------------------------------------------------------------------ scripting

    /// <summary>
    /// Sets the function that makes the assistant's content for requests with no queued <see cref="Enqueue"/>
    /// reply (by default every answer is <see cref="DefaultReplyText"/>). If it throws, the request gets a 500
    /// whose message names the exception.
    /// </summary>
    public void Reply(Func<ModelRequest, string> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            _defaultReply = content;
        }
    }

    /// <summary>
    /// Queues a one-off reply; queued replies answer the next accepted chat requests in order, before the
    /// default function. Requests refused for the API key, streaming or an unreadable body do not consume one.
    /// </summary>
    public void Enqueue(ModelReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        lock (_gate)
        {
            _replies.Enqueue(reply);
        }
    }

    /// <summary>
    /// Requires <c>Authorization: Bearer {key}</c> on every /v1 request from now on (null lifts the requirement);
    /// other requests get 401 with OpenAI's error body.
    /// </summary>
    public void RequireApiKey(string? key)
    {
        lock (_gate)
        {
            _apiKey = key;
        }
    }

    /// <summary>Number of queued replies not yet used.</summary>
    public int PendingReplies
    {
        get
        {
            lock (_gate)
            {
                return _replies.Count;
            }
        }
    }

    // ------------------------------------------------------------------ waiting

    /// <summary>
    /// Returns the next request this method has not returned yet: the first call returns the first request ever
    /// received, the second call the second, and so on, waiting for it when it has not arrived. Throws
    /// <see cref="TimeoutException"/> with a dump when none comes in time (5 s default).
    /// </summary>
    public async Task<ModelRequest> WaitForRequestAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_waitCursor < _requests.Count)
                {
                    return _requests[_waitCursor++];
                }

                signal = _recordSignal.Task;
            }

            var remaining = limit - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No new chat request arrived within {limit.TotalSeconds:0.###} s.\n{Dump()}");
            }

            await WaitAsync(signal, remaining);
        }
    }

    /// <summary>Human-readable list of the requests received, for failure messages.</summary>
    public string Dump()
    {
        var requests = Requests;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Chat requests ({requests.Count}), {PendingReplies} queued replies left:\n");
        foreach (var request in requests)
        {
            text.Append("  ").Append(request).Append('\n');
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync();
    }

    // ------------------------------------------------------------------ recording

    private void Record(ModelRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            PulseRecords();
        }
    }

    private void Complete(ModelRequest request, int statusCode)
    {
        lock (_gate)
        {
            request.Complete(statusCode);
            PulseRecords();
        }
    }

    /// <summary>The reply for an accepted request: the next queued one, else the default function's text.</summary>
    private (ModelReply? Queued, Func<ModelRequest, string> Default) TakeReply()
    {
        lock (_gate)
        {
            return (_replies.TryDequeue(out var reply) ? reply : null, _defaultReply);
        }
    }

    private string? RequiredApiKey
    {
        get
        {
            lock (_gate)
            {
                return _apiKey;
            }
        }
    }

    private string NextCompletionId() =>
        "chatcmpl-fake" + Interlocked.Increment(ref _completionCount).ToString("D6", CultureInfo.InvariantCulture);

    private static async Task WaitAsync(Task signal, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource();
        var delay = Task.Delay(timeout, cts.Token);
        await Task.WhenAny(signal, delay);
        await cts.CancelAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes everything waiting for requests. Call under the lock.</summary>
    private void PulseRecords()
    {
        var old = _recordSignal;
        _recordSignal = NewSignal();
        old.TrySetResult();
    }
}
