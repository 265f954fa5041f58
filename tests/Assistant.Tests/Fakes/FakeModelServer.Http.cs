using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Assistant.Tests.Fakes;

/// <summary>Kestrel plumbing and the OpenAI wire format of <see cref="FakeModelServer"/>.</summary>
public sealed partial class FakeModelServer
{
    private const string ChatPath = "/v1/chat/completions";
    private const string ModelsPath = "/v1/models";

    private static readonly JsonSerializerOptions ResponseJsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private LocalHttpServer? _server;

    private async Task ListenAsync()
    {
        var server = await LocalHttpServer.StartAsync(0, HandleAsync);
        lock (_gate)
        {
            Port = server.Port;
            _server = server;
        }
    }

    /// <summary>Cancels pending delays first (their connections are dropped), then stops Kestrel.</summary>
    private async Task StopAsync()
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

    private async Task HandleAsync(HttpContext context, CancellationToken lifetime)
    {
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;
        if (path == ChatPath && HttpMethods.IsPost(method))
        {
            await HandleChatAsync(context, lifetime);
        }
        else if (path == ModelsPath && HttpMethods.IsGet(method))
        {
            await WriteAsync(context, AuthorizationFailure(context.Request.Headers.Authorization) ?? ModelList());
        }
        else
        {
            await WriteAsync(context, ErrorResult(404, $"Invalid URL ({method} {path})", "invalid_request_error"));
        }
    }

    private async Task HandleChatAsync(HttpContext context, CancellationToken lifetime)
    {
        string body;
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException)
        {
            context.Abort();
            return;
        }

        var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
        var request = ModelRequest.Parse(body, authorization, Clock.GetUtcNow(), out var parseError);
        Record(request);

        Result result;
        if (AuthorizationFailure(authorization) is { } refused)
        {
            result = refused;
        }
        else if (parseError is not null)
        {
            result = ErrorResult(400, parseError, "invalid_request_error");
        }
        else if (Refusal(request) is { } refusal)
        {
            result = refusal;
        }
        else if (request.Stream)
        {
            result = ErrorResult(
                400,
                "Streaming (\"stream\": true) is not supported by FakeModelServer; send non-streaming requests.",
                "invalid_request_error",
                code: "unsupported_value",
                param: "stream");
        }
        else
        {
            var (queued, reply) = TakeReply();
            if (queued is not null && (queued.Delay > TimeSpan.Zero || queued.Until is not null))
            {
                try
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(lifetime, context.RequestAborted);
                    await Task.Delay(queued.Delay, linked.Token);
                    if (queued.Until is { } until)
                    {
                        await until.WaitAsync(linked.Token);
                    }
                }
                catch (OperationCanceledException)
                {
                    // The client gave up or the server is going down: drop the connection like a dying server would.
                    Complete(request, 499);
                    context.Abort();
                    return;
                }
            }

            result = queued is null ? Answer(request, reply) : Answer(request, queued);
        }

        Complete(request, result.StatusCode);
        await WriteAsync(context, result);
    }

    private Result? AuthorizationFailure(string? authorization)
    {
        var key = RequiredApiKey;
        if (key is null || authorization == "Bearer " + key)
        {
            return null;
        }

        return string.IsNullOrEmpty(authorization)
            ? ErrorResult(
                401,
                "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                "invalid_request_error")
            : ErrorResult(
                401,
                "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
                "invalid_request_error",
                code: "invalid_api_key");
    }

    private Result Answer(ModelRequest request, Func<ModelRequest, string> reply)
    {
        string content;
        try
        {
            content = reply(request);
        }
        catch (Exception ex)
        {
            // A bug in the test's reply function: answer in OpenAI's error shape so the failure says what went wrong.
            return ErrorResult(500, "FakeModelServer: the reply function threw " + ex, "server_error");
        }

        return Completion(request, content, "stop", emptyChoices: false);
    }

    private Result Answer(ModelRequest request, ModelReply reply)
    {
        if (reply.RawBody is not null)
        {
            return new Result(reply.StatusCode, reply.RawBody, reply.ContentType);
        }

        if (reply.ErrorType is not null)
        {
            var error = ErrorResult(reply.StatusCode, reply.ErrorMessage ?? "", reply.ErrorType, reply.ErrorCode, reply.ErrorParam);
            if (reply.RetryAfter is { } wait)
            {
                error = error with
                {
                    Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                    {
                        ["retry-after"] = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                        ["retry-after-ms"] = Math.Ceiling(wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                    },
                };
            }

            return error;
        }

        return Completion(request, reply.Content ?? "", reply.FinishReason, reply.IsEmptyChoices);
    }

    /// <summary>A completion as this server's family writes it: cut at the cap it honours, with its own extra fields.</summary>
    private Result Completion(ModelRequest request, string content, string finishReason, bool emptyChoices)
    {
        var promptTokens = 3 + request.Messages.Sum(m => 4 + CountTokens(m.Content));
        (content, finishReason, var completionTokens) = emptyChoices ? (content, finishReason, 0) : Capped(request, content, finishReason);
        var choices = new JsonArray();
        JsonObject? choice = null;
        JsonObject? message = null;
        if (!emptyChoices)
        {
            message = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = content,
                ["refusal"] = null,
            };
            choice = new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            };
            choices.Add(choice);
        }

        var body = new JsonObject
        {
            ["id"] = NextCompletionId(),
            ["object"] = "chat.completion",
            ["created"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["model"] = request.Model,
            ["choices"] = choices,
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
            ["system_fingerprint"] = "fp_fake",
        };
        AddFamilyFields(body, choice, message, promptTokens, completionTokens);
        return new Result(200, body.ToJsonString(ResponseJsonOptions));
    }

    private Result ModelList()
    {
        var body = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = ListedModel,
                    ["object"] = "model",
                    ["created"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
                    ["owned_by"] = "fake",
                },
            },
        };
        return new Result(200, body.ToJsonString(ResponseJsonOptions));
    }

    private static Result ErrorResult(int statusCode, string message, string type, string? code = null, string? param = null)
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message,
                ["type"] = type,
                ["param"] = param,
                ["code"] = code,
            },
        };
        return new Result(statusCode, body.ToJsonString(ResponseJsonOptions));
    }

    private static async Task WriteAsync(HttpContext context, Result result)
    {
        try
        {
            context.Response.StatusCode = result.StatusCode;
            context.Response.ContentType = result.ContentType;
            context.Response.Headers["x-request-id"] = "req_fake_" + context.TraceIdentifier;
            foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsync(result.Body, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client is gone; nothing to answer.
        }
    }

    /// <summary>An HTTP answer: status, body text, content type and extra headers.</summary>
    private sealed record Result(int StatusCode, string Body, string ContentType = "application/json")
    {
        public IReadOnlyDictionary<string, string>? Headers { get; init; }
    }
}
