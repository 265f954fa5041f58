using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace Assistant.Tests.Fakes;

/// <summary>
/// Proves the fake answers like OpenAI's chat-completions API, first with a plain <see cref="HttpClient"/> (wire
/// format) and then with the real Semantic Kernel OpenAI connector (compatibility). Each test gets its own server.
/// </summary>
public sealed class FakeModelServerTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeModelServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeModelServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private Uri Url(string relative) => new(_server.BaseUrl, relative);

    private static string ChatBody(string model = "gpt-test", string user = "hello", bool stream = false) =>
        new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray
            {
                new JsonObject { ["role"] = "system", ["content"] = "You are terse." },
                new JsonObject { ["role"] = "user", ["content"] = user },
            },
            ["stream"] = stream,
        }.ToJsonString();

    private async Task<HttpResponseMessage> PostChatAsync(string body, string? apiKey = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("chat/completions"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return await _http.SendAsync(request, cancellationToken);
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Asserts OpenAI's error body: {"error": {"message": string, "type": string, "param", "code"}}.</summary>
    private static async Task<JsonObject> AssertErrorBodyAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.IsType<JsonObject>((await JsonAsync(response))["error"]);
        Assert.Equal(JsonValueKind.String, error["message"]!.GetValueKind());
        Assert.NotEmpty(error["message"]!.GetValue<string>());
        Assert.Equal(type, error["type"]!.GetValue<string>());
        Assert.True(error.ContainsKey("param"));
        Assert.True(error.ContainsKey("code"));
        return error;
    }

    // ------------------------------------------------------------------ wire format (plain HttpClient)

    [Fact]
    public async Task ChatCompletion_HasOpenAiShape()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var response = await PostChatAsync(ChatBody(model: "gpt-echo-me"));
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await JsonAsync(response);
        Assert.StartsWith("chatcmpl-", json["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("chat.completion", json["object"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Number, json["created"]!.GetValueKind());
        Assert.InRange(json["created"]!.GetValue<long>(), before, after); // seconds, not milliseconds
        Assert.Equal("gpt-echo-me", json["model"]!.GetValue<string>());

        var choice = Assert.Single(json["choices"]!.AsArray())!;
        Assert.Equal(0, choice["index"]!.GetValue<int>());
        Assert.Equal("assistant", choice["message"]!["role"]!.GetValue<string>());
        Assert.Equal(FakeModelServer.DefaultReplyText, choice["message"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());

        var usage = json["usage"]!;
        var prompt = usage["prompt_tokens"]!.GetValue<int>();
        var completion = usage["completion_tokens"]!.GetValue<int>();
        Assert.True(prompt > 0);
        Assert.True(completion > 0);
        Assert.Equal(prompt + completion, usage["total_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Replies_QueuedInOrder_ThenDefaultFunction()
    {
        _server.Reply(r => "echo: " + r.LastUserContent);
        _server.Enqueue(ModelReply.Text("first"));
        _server.Enqueue(ModelReply.Text("second") with { FinishReason = "length" });

        var contents = new List<string>();
        var reasons = new List<string>();
        foreach (var user in new[] { "a", "b", "c" })
        {
            using var response = await PostChatAsync(ChatBody(user: user));
            var choice = (await JsonAsync(response))["choices"]![0]!;
            contents.Add(choice["message"]!["content"]!.GetValue<string>());
            reasons.Add(choice["finish_reason"]!.GetValue<string>());
        }

        Assert.Equal(["first", "second", "echo: c"], contents);
        Assert.Equal(["stop", "length", "stop"], reasons);
        Assert.Equal(0, _server.PendingReplies);
    }

    [Fact]
    public async Task Models_ListsOneModel()
    {
        using var response = await _http.GetAsync(Url("models"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("list", json["object"]!.GetValue<string>());
        var model = Assert.Single(json["data"]!.AsArray())!;
        Assert.Equal(FakeModelServer.ListedModel, model["id"]!.GetValue<string>());
        Assert.Equal("model", model["object"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("POST", "/v1/completions")]
    [InlineData("POST", "/chat/completions")]
    [InlineData("GET", "/v1/chat/completions")]
    [InlineData("GET", "/")]
    public async Task UnknownPath_Returns404WithOpenAiErrorBody(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_server.BaseUrl, path));
        if (method == "POST")
        {
            request.Content = new StringContent(ChatBody(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);

        var error = await AssertErrorBodyAsync(response, HttpStatusCode.NotFound, "invalid_request_error");
        Assert.Contains(path, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task EnqueuedErrors_HaveStatusErrorBodyAndHeaders()
    {
        _server.Enqueue(ModelReply.ServerError());
        _server.Enqueue(ModelReply.RateLimited(TimeSpan.FromSeconds(7)));
        _server.Enqueue(ModelReply.InvalidApiKey());

        using (var response = await PostChatAsync(ChatBody()))
        {
            var error = await AssertErrorBodyAsync(response, HttpStatusCode.InternalServerError, "server_error");
            Assert.Null(error["code"]);
        }

        using (var response = await PostChatAsync(ChatBody()))
        {
            var error = await AssertErrorBodyAsync(response, HttpStatusCode.TooManyRequests, "requests");
            Assert.Equal("rate_limit_exceeded", error["code"]!.GetValue<string>());
            Assert.Equal("7", Assert.Single(response.Headers.GetValues("retry-after")));
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        }

        using (var response = await PostChatAsync(ChatBody()))
        {
            var error = await AssertErrorBodyAsync(response, HttpStatusCode.Unauthorized, "invalid_request_error");
            Assert.Equal("invalid_api_key", error["code"]!.GetValue<string>());
        }

        Assert.Equal([500, 429, 401], _server.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Malformed_And_EmptyChoices_AreSentAsScripted()
    {
        _server.Enqueue(ModelReply.Malformed());
        _server.Enqueue(ModelReply.Malformed("upstream said no"));
        _server.Enqueue(ModelReply.EmptyChoices());

        using (var response = await PostChatAsync(ChatBody()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("{\"choices\": [", await response.Content.ReadAsStringAsync());
        }

        using (var response = await PostChatAsync(ChatBody()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("upstream said no", await response.Content.ReadAsStringAsync());
        }

        using (var response = await PostChatAsync(ChatBody()))
        {
            var json = await JsonAsync(response);
            Assert.Equal("chat.completion", json["object"]!.GetValue<string>());
            Assert.Empty(json["choices"]!.AsArray());
        }
    }

    [Fact]
    public async Task Delay_IsHonoured()
    {
        _server.Enqueue(ModelReply.Text("late") with { Delay = TimeSpan.FromMilliseconds(200) });

        var clock = Stopwatch.StartNew();
        using var response = await PostChatAsync(ChatBody());
        var elapsed = clock.Elapsed;

        Assert.Equal("late", (await JsonAsync(response))["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(190), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Delay_EndsWhenTheClientCancels()
    {
        _server.Enqueue(ModelReply.Text("too late") with { Delay = TimeSpan.FromSeconds(30) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PostChatAsync(ChatBody(), cancellationToken: cts.Token));

        // The server notices the disconnect and gives up the delayed reply (499), well before the 30 s.
        var request = Assert.Single(_server.Requests);
        var clock = Stopwatch.StartNew();
        while (request.StatusCode == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        Assert.Equal(499, request.StatusCode);
    }

    [Fact]
    public async Task Dispose_IsPromptWhileADelayedReplyIsPending()
    {
        _server.Enqueue(ModelReply.Text("never") with { Delay = TimeSpan.FromSeconds(30) });
        var pending = PostChatAsync(ChatBody());
        await _server.WaitForRequestAsync();

        var clock = Stopwatch.StartNew();
        await _server.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"DisposeAsync took {clock.Elapsed}, as if it waited for the 30 s reply");
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
        Assert.Equal(499, Assert.Single(_server.Requests).StatusCode);
    }

    [Fact]
    public async Task Requests_RecordModelMessagesSettingsHeaderAndBody()
    {
        var body = """
            {"model":"gpt-rec","temperature":0.25,"max_tokens":100,"max_completion_tokens":120,
             "messages":[
               {"role":"system","content":"Be brief."},
               {"role":"user","content":[{"type":"text","text":"第一段"},{"type":"image_url","image_url":{"url":"http://x/y.png"}},{"type":"text","text":"second"}]},
               {"role":"assistant","content":null}]}
            """;

        using var response = await PostChatAsync(body, apiKey: "sk-abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = await _server.WaitForRequestAsync();
        Assert.Equal("gpt-rec", request.Model);
        Assert.Equal(
            [new ModelMessage("system", "Be brief."), new ModelMessage("user", "第一段\nsecond"), new ModelMessage("assistant", "")],
            request.Messages);
        Assert.Equal("第一段\nsecond", request.LastUserContent);
        Assert.Equal(0.25, request.Temperature);
        Assert.Equal(100, request.MaxTokens);
        Assert.Equal(120, request.MaxCompletionTokens);
        Assert.False(request.Stream);
        Assert.Equal("Bearer sk-abc", request.Authorization);
        Assert.Equal(body, request.Body);
        Assert.Equal(200, request.StatusCode);
        Assert.Equal("gpt-rec", request.ParseBody()?["model"]?.GetValue<string>());
    }

    [Fact]
    public async Task WaitForRequest_ReturnsEachRequestOnce_ThenTimesOut()
    {
        var waiting = _server.WaitForRequestAsync();
        Assert.False(waiting.IsCompleted);

        (await PostChatAsync(ChatBody(user: "one"))).Dispose();
        (await PostChatAsync(ChatBody(user: "two"))).Dispose();

        Assert.Equal("one", (await waiting).LastUserContent);
        Assert.Equal("two", (await _server.WaitForRequestAsync()).LastUserContent);
        Assert.Null(_server.Requests[0].Temperature);
        Assert.Null(_server.Requests[0].MaxTokens);
        Assert.Null(_server.Requests[0].Authorization);
        await Assert.ThrowsAsync<TimeoutException>(() => _server.WaitForRequestAsync(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task StreamingRequest_IsRefusedWith400_AndKeepsTheQueuedReply()
    {
        _server.Enqueue(ModelReply.Text("queued"));

        using (var response = await PostChatAsync(ChatBody(stream: true)))
        {
            var error = await AssertErrorBodyAsync(response, HttpStatusCode.BadRequest, "invalid_request_error");
            Assert.Contains("not supported", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("stream", error["param"]!.GetValue<string>());
        }

        Assert.True(Assert.Single(_server.Requests).Stream);
        using var next = await PostChatAsync(ChatBody());
        Assert.Equal("queued", (await JsonAsync(next))["choices"]![0]!["message"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidJson_IsRefusedWith400()
    {
        using var response = await PostChatAsync("{not json");

        await AssertErrorBodyAsync(response, HttpStatusCode.BadRequest, "invalid_request_error");
        var request = Assert.Single(_server.Requests);
        Assert.Equal("{not json", request.Body);
        Assert.Null(request.Model);
    }

    [Fact]
    public async Task RequireApiKey_RefusesMissingAndWrongKeys()
    {
        _server.RequireApiKey("sk-right");

        using (var response = await PostChatAsync(ChatBody()))
        {
            var error = await AssertErrorBodyAsync(response, HttpStatusCode.Unauthorized, "invalid_request_error");
            Assert.Null(error["code"]);
        }

        using (var response = await PostChatAsync(ChatBody(), apiKey: "sk-wrong"))
        {
            var error = await AssertErrorBodyAsync(response, HttpStatusCode.Unauthorized, "invalid_request_error");
            Assert.Equal("invalid_api_key", error["code"]!.GetValue<string>());
        }

        using (var response = await _http.GetAsync(Url("models")))
        {
            await AssertErrorBodyAsync(response, HttpStatusCode.Unauthorized, "invalid_request_error");
        }

        using (var response = await PostChatAsync(ChatBody(), apiKey: "sk-right"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal([401, 401, 200], _server.Requests.Select(r => r.StatusCode));
        Assert.Equal([null, "Bearer sk-wrong", "Bearer sk-right"], _server.Requests.Select(r => r.Authorization));
    }

    // ------------------------------------------------------------------ server families

    private async Task<HttpResponseMessage> PostToAsync(FakeModelServer server, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _http.PostAsync(new Uri(server.BaseUrl, "chat/completions"), content);
    }

    private static string CappedBody(int? maxTokens, int? maxCompletionTokens, int? nPredict = null)
    {
        var body = JsonNode.Parse(ChatBody())!.AsObject();
        if (maxTokens is { } m)
        {
            body["max_tokens"] = m;
        }

        if (maxCompletionTokens is { } c)
        {
            body["max_completion_tokens"] = c;
        }

        if (nPredict is { } n)
        {
            body["n_predict"] = n;
        }

        return body.ToJsonString();
    }

    [Theory]
    [InlineData(ModelServerFamily.Compatible, null, 10, 10)]
    [InlineData(ModelServerFamily.Compatible, 10, null, 10)]
    [InlineData(ModelServerFamily.OpenAI, null, 10, 10)]
    [InlineData(ModelServerFamily.Vllm, 20, 10, 10)]
    [InlineData(ModelServerFamily.Vllm, 10, null, 10)]
    [InlineData(ModelServerFamily.LlamaCppServer, null, 10, null)]
    [InlineData(ModelServerFamily.LlamaCppServer, 10, 20, 10)]
    [InlineData(ModelServerFamily.LlamaCppPython, null, 10, null)]
    [InlineData(ModelServerFamily.LmStudio, null, 10, null)]
    [InlineData(ModelServerFamily.Ollama, null, 10, null)]
    [InlineData(ModelServerFamily.Ollama, 10, 10, 10)]
    public async Task Families_HonourTheirOwnCapField_AndCutTheAnswerThere(ModelServerFamily family, int? maxTokens, int? maxCompletionTokens, int? honoured)
    {
        await using var server = await FakeModelServer.StartAsync(family);
        server.Reply(_ => new string('字', 50));

        using var response = await PostToAsync(server, CappedBody(maxTokens, maxCompletionTokens));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        var content = json["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        Assert.Equal(honoured ?? 50, content.Length);
        Assert.Equal(honoured is null ? "stop" : "length", json["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal(honoured, server.HonouredCap(Assert.Single(server.Requests)));
    }

    [Fact]
    public async Task LlamaCppServer_HonoursItsOwnNPredict()
    {
        await using var server = await FakeModelServer.StartAsync(ModelServerFamily.LlamaCppServer);
        server.Reply(_ => new string('字', 50));

        using var response = await PostToAsync(server, CappedBody(null, 30, nPredict: 12));

        Assert.Equal(12, (await JsonAsync(response))["choices"]![0]!["message"]!["content"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task OpenAI_RefusesBothCapFieldsTogether()
    {
        await using var server = await FakeModelServer.StartAsync(ModelServerFamily.OpenAI);

        using var response = await PostToAsync(server, CappedBody(10, 10));

        var error = await AssertErrorBodyAsync(response, HttpStatusCode.BadRequest, "invalid_request_error");
        Assert.Equal("invalid_parameter_combination", error["code"]!.GetValue<string>());
        Assert.Equal("max_tokens", error["param"]!.GetValue<string>());
    }

    [Fact]
    public async Task LmStudio_ReportsOneTokenShort_AtTheCap()
    {
        await using var server = await FakeModelServer.StartAsync(ModelServerFamily.LmStudio);
        server.Reply(_ => new string('字', 50));

        using var response = await PostToAsync(server, CappedBody(20, null));

        var json = await JsonAsync(response);
        Assert.Equal(19, json["usage"]!["completion_tokens"]!.GetValue<int>());
        Assert.Equal("length", json["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ModelServerFamily.OpenAI, "service_tier")]
    [InlineData(ModelServerFamily.Vllm, "kv_transfer_params")]
    [InlineData(ModelServerFamily.Vllm, "prompt_logprobs")]
    [InlineData(ModelServerFamily.LlamaCppServer, "timings")]
    [InlineData(ModelServerFamily.LmStudio, "stats")]
    public async Task Families_AddTheirOwnFieldsToTheAnswer(ModelServerFamily family, string field)
    {
        await using var server = await FakeModelServer.StartAsync(family);

        using var response = await PostToAsync(server, ChatBody());

        Assert.True((await JsonAsync(response)).AsObject().ContainsKey(field));
    }

    [Theory]
    [InlineData(ModelServerFamily.OpenAI)]
    [InlineData(ModelServerFamily.Vllm)]
    [InlineData(ModelServerFamily.LlamaCppServer)]
    [InlineData(ModelServerFamily.LlamaCppPython)]
    [InlineData(ModelServerFamily.LmStudio)]
    [InlineData(ModelServerFamily.Ollama)]
    public async Task SemanticKernel_ReadsEveryFamilysAnswer_WithItsFinishReasonAndUsage(ModelServerFamily family)
    {
        await using var server = await FakeModelServer.StartAsync(family);
        server.Reply(_ => new string('字', 50));
        var client = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = server.BaseUrl, RetryPolicy = new ClientRetryPolicy(0) });
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("m", client).Build();

        var result = await kernel.InvokePromptAsync("hello", new KernelArguments(new OpenAIPromptExecutionSettings { MaxTokens = 20 }));

        // SK sends max_completion_tokens only: the families that read max_tokens do not cut.
        var cut = family is ModelServerFamily.OpenAI or ModelServerFamily.Vllm;
        Assert.Equal(cut ? 20 : 50, result.GetValue<string>()!.Length);
        Assert.Equal(cut ? "Length" : "Stop", result.Metadata!["FinishReason"]);
        Assert.NotNull(result.Metadata!["Usage"]);
    }

    // ------------------------------------------------------------------ Semantic Kernel OpenAI connector

    private Kernel NewKernel()
    {
        var client = new OpenAIClient(
            new ApiKeyCredential("test-key"),
            new OpenAIClientOptions { Endpoint = _server.BaseUrl, RetryPolicy = new ClientRetryPolicy(0) });
        return Kernel.CreateBuilder().AddOpenAIChatCompletion("test-model", client).Build();
    }

    [Fact]
    public async Task SemanticKernel_InvokePrompt_GetsTheReply_AndSendsTheRenderedPrompt()
    {
        _server.RequireApiKey("test-key");
        _server.Reply(r => "你好, " + r.LastUserContent);
        var kernel = NewKernel();

        var result = await kernel.InvokePromptAsync(
            "Summarise the finding at {{$site}}.",
            new KernelArguments(new OpenAIPromptExecutionSettings { Temperature = 0.5, MaxTokens = 64 }) { ["site"] = "Site A" });

        Assert.Equal("你好, Summarise the finding at Site A.", result.GetValue<string>());
        // SK sends OpenAIPromptExecutionSettings.MaxTokens as max_completion_tokens.
        var request = Assert.Single(_server.Requests);
        Assert.Equal("test-model", request.Model);
        Assert.Equal([new ModelMessage("user", "Summarise the finding at Site A.")], request.Messages);
        Assert.Equal("Bearer test-key", request.Authorization);
        Assert.Equal(0.5, request.Temperature);
        Assert.Equal((64, (int?)null), (request.MaxCompletionTokens, request.MaxTokens));
        Assert.False(request.Stream);
    }

    [Fact]
    public async Task SemanticKernel_ServerError_ThrowsHttpOperationException_WithoutRetry()
    {
        _server.Enqueue(ModelReply.ServerError());
        var kernel = NewKernel();

        var ex = await Assert.ThrowsAsync<HttpOperationException>(() => kernel.InvokePromptAsync("hello"));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.IsType<ClientResultException>(ex.InnerException);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SemanticKernel_RateLimit_ThrowsHttpOperationException_WithoutRetry()
    {
        _server.Enqueue(ModelReply.RateLimited(TimeSpan.FromSeconds(1)));
        var kernel = NewKernel();

        var ex = await Assert.ThrowsAsync<HttpOperationException>(() => kernel.InvokePromptAsync("hello"));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("{\"choices\": [")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    public async Task SemanticKernel_MalformedBody_ThrowsJsonException(string body)
    {
        _server.Enqueue(ModelReply.Malformed(body));
        var kernel = NewKernel();

        // The SDK's parse error escapes unwrapped (not an HttpOperationException): the product must catch it too.
        await Assert.ThrowsAnyAsync<JsonException>(() => kernel.InvokePromptAsync("hello"));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SemanticKernel_EmptyChoices_ThrowsArgumentOutOfRange()
    {
        _server.Enqueue(ModelReply.EmptyChoices());
        var kernel = NewKernel();

        // OpenAI.Chat.ChatCompletion reads Choices[0] unguarded.
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => kernel.InvokePromptAsync("hello"));
    }

    [Fact]
    public async Task SemanticKernel_Cancellation_ThrowsKernelFunctionCanceled_AndTheServerGivesUp()
    {
        // The reply never comes on its own; the call is cancelled once the server holds the request (not after a fixed
        // delay: a cold first call, JIT and connection, can take longer than one, and would be cancelled before sending).
        var never = new TaskCompletionSource();
        _server.Enqueue(ModelReply.Text("too late") with { Until = never.Task });
        var kernel = NewKernel();
        using var cts = new CancellationTokenSource();

        var call = kernel.InvokePromptAsync("hello", cancellationToken: cts.Token);
        var request = await _server.WaitForRequestAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<KernelFunctionCanceledException>(() => call);

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.Same(request, Assert.Single(_server.Requests));
        var clock = Stopwatch.StartNew();
        while (request.StatusCode == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        Assert.Equal(499, request.StatusCode);
    }

    [Theory]
    [InlineData("/v1/", HttpStatusCode.OK)]
    [InlineData("/v1", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.NotFound)]
    public async Task SemanticKernel_EndpointMustIncludeV1(string path, HttpStatusCode expected)
    {
        var endpoint = new Uri(_server.BaseUrl, path);
        var client = new OpenAIClient(
            new ApiKeyCredential("test-key"),
            new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(0) });
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("test-model", client).Build();

        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(FakeModelServer.DefaultReplyText, (await kernel.InvokePromptAsync("hello")).GetValue<string>());
        }
        else
        {
            var ex = await Assert.ThrowsAsync<HttpOperationException>(() => kernel.InvokePromptAsync("hello"));
            Assert.Equal(expected, ex.StatusCode);
        }
    }
}
