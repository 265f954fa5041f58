using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Assistant.Tests.Fakes;

/// <summary>
/// In-process fake of the Telegram Bot API (https://core.telegram.org/bots/api) served by Kestrel on
/// 127.0.0.1, so the real <c>Telegram.Bot.TelegramBotClient</c> can talk to it unchanged through
/// <c>new TelegramBotClientOptions(token, api.BaseUrl)</c>. Tests enqueue updates for the bot, inspect what
/// the bot called and sent, and inject faults (errors, slow answers, conflicts, the server going away).
/// Everything is thread-safe; date fields are Unix seconds from <see cref="Clock"/> (the real clock by default).
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    public const string DefaultToken = "7000001:AAFakeTokenForTests_0123456789abcdefg";

    /// <summary>Name under which file downloads (GET /file/bot{token}/{path}) appear in <see cref="Calls"/>.</summary>
    public const string DownloadMethod = "downloadFile";

    /// <summary>Default time <see cref="WaitForSentAsync"/> and <see cref="WaitForCallAsync"/> wait.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions ResponseJsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Name, Func<ApiCall, CancellationToken, Task<ApiResult>> Handler)> _handlers =
        new(StringComparer.OrdinalIgnoreCase);

    private readonly List<ApiCall> _calls = [];
    private readonly List<SentMessage> _sent = [];
    private readonly List<FaultRule> _faults = [];
    private TaskCompletionSource _recordSignal = NewSignal();
    private LocalHttpServer? _server;
    private bool _disposed;

    private FakeBotApi(string token)
    {
        Token = token;
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        var botId = colon > 0 && long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : 7000001;
        Bot = new BotUser(botId, "Inspection Test Bot", "inspection_test_bot");
        RegisterMethods();
    }

    public string Token { get; }

    /// <summary>Port the server listens on; stays the same across <see cref="GoDownAsync"/> / <see cref="ComeBackAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>"http://127.0.0.1:PORT", to pass as the base URL of <c>TelegramBotClientOptions</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public BotUser Bot { get; }

    /// <summary>Clock for the date fields of messages and updates; the real clock unless a test swaps it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Whether the server currently accepts connections.</summary>
    public bool IsUp
    {
        get
        {
            lock (_gate)
            {
                return _server is not null;
            }
        }
    }

    /// <summary>Every request received so far (including failed, unauthorized and unknown ones), oldest first.</summary>
    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Messages the bot sent or edited successfully, oldest first.</summary>
    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Starts a fake server on 127.0.0.1 (<paramref name="port"/> 0 picks a free port).</summary>
    public static async Task<FakeBotApi> StartAsync(string token = DefaultToken, int port = 0)
    {
        var api = new FakeBotApi(token);
        await api.ListenAsync(port);
        return api;
    }

    // ------------------------------------------------------------------ faults

    /// <summary>
    /// Makes the next <paramref name="times"/> calls of <paramref name="method"/> ("*" for any method) fail with
    /// HTTP status <paramref name="errorCode"/> and the Bot API error body, optionally with parameters.retry_after.
    /// The failing calls are not carried out.
    /// </summary>
    public void FailNext(string method, int times, int errorCode, string description, int? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            _faults.Add(new FaultRule(method, times, () => ApiResult.Error(errorCode, description, retryAfter), null));
        }
    }

    /// <summary>
    /// Makes the next <paramref name="times"/> calls of <paramref name="method"/> ("*" for any) fail with HTTP
    /// <paramref name="statusCode"/> and a body that is not the Bot API envelope, like the HTML page a proxy in
    /// front of the real server answers with when the backend is down (502/504).
    /// </summary>
    public void FailNextRaw(string method, int times, int statusCode, string body, string contentType = "text/html")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            _faults.Add(new FaultRule(method, times, () => new ApiResult(statusCode, null, body, contentType), null));
        }
    }

    /// <summary>
    /// Holds the answer to the next <paramref name="times"/> calls of <paramref name="method"/> ("*" for any) for
    /// <paramref name="delay"/> before handling them. Like the real server, a delayed call is still carried out
    /// even when the client has given up waiting for it.
    /// </summary>
    public void DelayNext(string method, int times, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            _faults.Add(new FaultRule(method, times, null, delay));
        }
    }

    /// <summary>Forgets pending <see cref="FailNext"/> and <see cref="DelayNext"/> rules.</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Stops listening: open connections are dropped and new ones refused. State is kept.</summary>
    public async Task GoDownAsync()
    {
        LocalHttpServer? server;
        lock (_gate)
        {
            server = _server;
            _server = null;
        }

        if (server is not null)
        {
            await server.StopAsync();
        }
    }

    /// <summary>Listens again on the same port after <see cref="GoDownAsync"/>.</summary>
    public async Task ComeBackAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsUp)
        {
            return;
        }

        // The port was ours a moment ago; retry briefly in case the OS has not released it yet.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await ListenAsync(Port);
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Clears <see cref="Calls"/> and <see cref="Sent"/>; pending updates, messages and files are kept.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _calls.Clear();
            _sent.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await GoDownAsync();
    }

    // ------------------------------------------------------------------ waiting

    /// <summary>
    /// Returns the first message in <see cref="Sent"/> matching <paramref name="predicate"/>, waiting for it if
    /// needed; throws <see cref="TimeoutException"/> listing what was sent when none comes in time (5 s default).
    /// </summary>
    public async Task<SentMessage> WaitForSentAsync(Func<SentMessage, bool> predicate, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (sent, signal) = SnapshotSent();
            var match = sent.FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            var remaining = limit - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching message was sent within {limit.TotalSeconds:0.###} s.\n{Dump()}");
            }

            await WaitAsync(signal, remaining);
        }
    }

    /// <summary>
    /// Returns the first call of <paramref name="method"/> (case-insensitive) matching <paramref name="predicate"/>,
    /// waiting for it if needed (5 s default); throws <see cref="TimeoutException"/> with a dump otherwise.
    /// </summary>
    public async Task<ApiCall> WaitForCallAsync(string method, Func<ApiCall, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (calls, signal) = SnapshotCalls();
            var match = calls.FirstOrDefault(c =>
                string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase) && (predicate?.Invoke(c) ?? true));
            if (match is not null)
            {
                return match;
            }

            var remaining = limit - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching {method} call arrived within {limit.TotalSeconds:0.###} s.\n{Dump()}");
            }

            await WaitAsync(signal, remaining);
        }
    }

    /// <summary>Waits until a getUpdates request is being held open (the bot is long-polling with nothing to receive).</summary>
    public async Task WaitUntilPollingAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_activePoll is { IsWaiting: true })
                {
                    return;
                }

                signal = _recordSignal.Task;
            }

            var remaining = limit - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No getUpdates request was held open within {limit.TotalSeconds:0.###} s.\n{Dump()}");
            }

            await WaitAsync(signal, remaining);
        }
    }

    /// <summary>Human-readable list of what the bot sent and called, for failure messages.</summary>
    public string Dump()
    {
        var (sent, _) = SnapshotSent();
        var (calls, _) = SnapshotCalls();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Sent ({sent.Length}):\n");
        foreach (var message in sent)
        {
            text.Append("  ").Append(message).Append('\n');
        }

        const int lastCalls = 30;
        text.Append(CultureInfo.InvariantCulture, $"Calls ({calls.Length}, last {Math.Min(lastCalls, calls.Length)} shown):\n");
        foreach (var call in calls.TakeLast(lastCalls))
        {
            text.Append("  ").Append(call).Append('\n');
        }

        return text.ToString();
    }

    private (SentMessage[] Sent, Task Signal) SnapshotSent()
    {
        lock (_gate)
        {
            return ([.. _sent], _recordSignal.Task);
        }
    }

    private (ApiCall[] Calls, Task Signal) SnapshotCalls()
    {
        lock (_gate)
        {
            return ([.. _calls], _recordSignal.Task);
        }
    }

    private static async Task WaitAsync(Task signal, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource();
        var delay = Task.Delay(timeout, cts.Token);
        await Task.WhenAny(signal, delay);
        await cts.CancelAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes everything waiting for calls or sent messages. Call under the lock.</summary>
    private void PulseRecords()
    {
        var old = _recordSignal;
        _recordSignal = NewSignal();
        old.TrySetResult();
    }

    private long UnixNow => Clock.GetUtcNow().ToUnixTimeSeconds();

    // ------------------------------------------------------------------ HTTP plumbing

    private async Task ListenAsync(int port)
    {
        var server = await LocalHttpServer.StartAsync(port, HandleAsync, maxRequestBodySize: 100 * 1024 * 1024);
        lock (_gate)
        {
            Port = server.Port;
            _server = server;
        }
    }

    private async Task HandleAsync(HttpContext context, CancellationToken lifetime)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            await ServeFileAsync(context, path["/file/bot".Length..]);
            return;
        }

        string token;
        string methodName;
        if (path.StartsWith("/bot", StringComparison.Ordinal) && path.IndexOf('/', 4) is var slash and > 4)
        {
            token = path[4..slash];
            methodName = path[(slash + 1)..];
        }
        else
        {
            token = "";
            methodName = "";
        }

        if (methodName.Length == 0 || methodName.Contains('/', StringComparison.Ordinal))
        {
            await WriteAsync(context, ApiResult.Error(404, "Not Found"));
            return;
        }

        var authorized = token == Token;
        (string Name, Func<ApiCall, CancellationToken, Task<ApiResult>> Handler)? method =
            authorized && _handlers.TryGetValue(methodName, out var known) ? known : null;

        RequestData data;
        try
        {
            data = await ReadParametersAsync(context.Request, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException or BadHttpRequestException)
        {
            await WriteAsync(context, ApiResult.Error(400, "Bad Request: can't parse request parameters: " + ex.Message));
            return;
        }

        var call = new ApiCall
        {
            Method = method?.Name ?? methodName,
            HttpMethod = context.Request.Method,
            BodyKind = data.Kind,
            Fields = data.Fields,
            Files = data.Files,
            Time = DateTimeOffset.UtcNow,
            Authorized = authorized,
        };
        Record(call);

        ApiResult result;
        try
        {
            if (!authorized)
            {
                result = ApiResult.Error(401, "Unauthorized");
            }
            else if (method is not { } m)
            {
                result = ApiResult.Error(404, "Not Found");
            }
            else
            {
                var (failure, delay) = TakeFaults(m.Name);
                if (delay is { } wait)
                {
                    await Task.Delay(wait, lifetime);
                }

                if (failure is { } failed)
                {
                    result = failed;
                }
                else
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(lifetime, context.RequestAborted);
                    result = await m.Handler(call, linked.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The server is going down or the client went away: drop the connection like a dying server would.
            Complete(call, 499);
            context.Abort();
            return;
        }
        catch (Exception ex)
        {
            // A bug in the fake: answer in the Bot API envelope so the test failure says what went wrong.
            result = ApiResult.Error(500, $"Internal Server Error: FakeBotApi failed on {call.Method}: {ex}");
        }

        Complete(call, result.StatusCode);
        await WriteAsync(context, result);
    }

    private void Record(ApiCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
            PulseRecords();
        }
    }

    private void Complete(ApiCall call, int statusCode)
    {
        lock (_gate)
        {
            call.Complete(statusCode);
            PulseRecords();
        }
    }

    private (ApiResult? Failure, TimeSpan? Delay) TakeFaults(string method)
    {
        lock (_gate)
        {
            ApiResult? failure = null;
            TimeSpan? delay = null;
            foreach (var rule in _faults)
            {
                if (rule.Remaining <= 0 || !(rule.Method == "*" || string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (rule.Failure is not null && failure is null)
                {
                    failure = rule.Failure();
                    rule.Remaining--;
                }
                else if (rule.Delay is not null && delay is null)
                {
                    delay = rule.Delay;
                    rule.Remaining--;
                }
            }

            _faults.RemoveAll(r => r.Remaining <= 0);
            return (failure, delay);
        }
    }

    private static async Task<RequestData> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            fields[key] = value.ToString();
        }

        var kind = RequestBodyKind.None;
        if (request.HasJsonContentType())
        {
            kind = RequestBodyKind.Json;
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length > 0)
            {
                using var document = JsonDocument.Parse(buffer.ToArray());
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException("the body is not a JSON object");
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    switch (property.Value.ValueKind)
                    {
                        case JsonValueKind.Null or JsonValueKind.Undefined:
                            break;
                        case JsonValueKind.String:
                            fields[property.Name] = property.Value.GetString()!;
                            break;
                        default:
                            fields[property.Name] = property.Value.GetRawText();
                            break;
                    }
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            kind = request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                ? RequestBodyKind.Multipart
                : RequestBodyKind.Form;
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                files[file.Name] = new UploadedFile(file.Name, file.FileName, file.ContentType ?? "application/octet-stream", buffer.ToArray());
            }
        }

        return new RequestData(kind, fields, files);
    }

    private static async Task WriteAsync(HttpContext context, ApiResult result)
    {
        try
        {
            context.Response.StatusCode = result.StatusCode;
            context.Response.ContentType = result.ContentType;
            var body = result.RawBody ?? result.Body?.ToJsonString(ResponseJsonOptions) ?? "";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client is gone; nothing to answer.
        }
    }

    private async Task ServeFileAsync(HttpContext context, string rest)
    {
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var token = slash > 0 ? rest[..slash] : rest;
        var filePath = slash > 0 ? Uri.UnescapeDataString(rest[(slash + 1)..]) : "";
        var call = new ApiCall
        {
            Method = DownloadMethod,
            HttpMethod = context.Request.Method,
            BodyKind = RequestBodyKind.None,
            Fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["file_path"] = filePath },
            Files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal),
            Time = DateTimeOffset.UtcNow,
            Authorized = token == Token,
        };
        Record(call);

        if (!call.Authorized)
        {
            Complete(call, 401);
            await WriteAsync(context, ApiResult.Error(401, "Unauthorized"));
            return;
        }

        var (failure, delay) = TakeFaults(DownloadMethod);
        if (delay is { } wait)
        {
            await Task.Delay(wait);
        }

        byte[]? content = null;
        lock (_gate)
        {
            if (failure is null && _filesByPath.TryGetValue(filePath, out var file))
            {
                content = file.Content;
            }
        }

        if (content is null)
        {
            var error = failure ?? ApiResult.Error(404, "Not Found");
            Complete(call, error.StatusCode);
            await WriteAsync(context, error);
            return;
        }

        Complete(call, 200);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length;
        try
        {
            await context.Response.Body.WriteAsync(content, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client is gone.
        }
    }

    private sealed record RequestData(
        RequestBodyKind Kind,
        IReadOnlyDictionary<string, string> Fields,
        IReadOnlyDictionary<string, UploadedFile> Files);

    private sealed class FaultRule(string method, int remaining, Func<ApiResult>? failure, TimeSpan? delay)
    {
        public string Method { get; } = method;

        public int Remaining { get; set; } = remaining;

        public Func<ApiResult>? Failure { get; } = failure;

        public TimeSpan? Delay { get; } = delay;
    }

    /// <summary>An HTTP answer: status code and the Bot API envelope (or, for injected faults, any body).</summary>
    private sealed record ApiResult(int StatusCode, JsonObject? Body, string? RawBody = null, string ContentType = "application/json")
    {
        public static ApiResult Ok(JsonNode? result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

        public static ApiResult Error(int errorCode, string description, int? retryAfter = null)
        {
            var body = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
            if (retryAfter is { } seconds)
            {
                body["parameters"] = new JsonObject { ["retry_after"] = seconds };
            }

            return new ApiResult(errorCode, body);
        }

        public static ApiResult BadRequest(string description) => Error(400, "Bad Request: " + description);
    }
}
