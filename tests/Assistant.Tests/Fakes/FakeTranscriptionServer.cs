using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Assistant.Tests.Fakes;

/// <summary>
/// Stand-in for an OpenAI-compatible transcription server (whisper.cpp's server, faster-whisper-server, vLLM):
/// <c>POST /v1/audio/transcriptions</c> with a multipart form (<c>file</c>, <c>model</c>, <c>language</c>, …),
/// answering <c>{"text": …}</c>. Tests script the next answers (<see cref="Answer"/>) and read what arrived
/// (<see cref="Requests"/>).
/// </summary>
public sealed class FakeTranscriptionServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<TranscriptionReply> _replies = new();
    private readonly ConcurrentQueue<TranscriptionRequest> _requests = new();
    private LocalHttpServer? _server;

    public Uri BaseUrl => new($"http://127.0.0.1:{_server!.Port.ToString(CultureInfo.InvariantCulture)}/v1/");

    public IReadOnlyList<TranscriptionRequest> Requests => [.. _requests];

    public static async Task<FakeTranscriptionServer> StartAsync()
    {
        var fake = new FakeTranscriptionServer();
        fake._server = await LocalHttpServer.StartAsync(0, fake.HandleAsync);
        return fake;
    }

    /// <summary>The next request gets this reply; without one, the text "OK".</summary>
    public void Answer(TranscriptionReply reply) => _replies.Enqueue(reply);

    private async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        if (context.Request.Method != "POST" || context.Request.Path != "/v1/audio/transcriptions" || !context.Request.HasFormContentType)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var form = await context.Request.ReadFormAsync(stopping);
        var file = form.Files.GetFile("file");
        byte[] bytes = [];
        if (file is not null)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, stopping);
            bytes = buffer.ToArray();
        }

        _requests.Enqueue(new TranscriptionRequest(bytes, file?.FileName, form["model"].ToString(), form["language"].ToString(), form["response_format"].ToString()));
        var reply = _replies.TryDequeue(out var next) ? next : TranscriptionReply.Text("OK");
        if (reply.Delay > TimeSpan.Zero)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
            try
            {
                await Task.Delay(reply.Delay, linked.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        var body = reply.Status == 200
            ? JsonSerializer.Serialize(new { text = reply.Content })
            : JsonSerializer.Serialize(new { error = new { message = reply.Content, type = "server_error" } });
        await context.Response.WriteAsync(body, stopping);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }
}

/// <summary>One request as the server saw it.</summary>
public sealed record TranscriptionRequest(byte[] Audio, string? FileName, string Model, string Language, string ResponseFormat);

/// <summary>A scripted answer: a text, an error status, a delay.</summary>
public sealed record TranscriptionReply(int Status, string Content)
{
    public TimeSpan Delay { get; init; }

    public static TranscriptionReply Text(string text) => new(200, text);

    public static TranscriptionReply Error(int status) => new(status, "the server had an error");
}
