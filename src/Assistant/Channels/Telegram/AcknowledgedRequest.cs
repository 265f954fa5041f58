using System.Text.Json.Serialization;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Sends one of Telegram.Bot's own message requests (the same JSON body) and reads of the answer only whether it
/// succeeded. Telegram answers a send or an edit with the whole message (chat, sender, text, entities, keyboard),
/// which nothing here uses; reading it into objects cost about 6 % of the process's CPU in the capture run (README,
/// Performance), skipping it costs next to nothing. Telegram.Bot reads the answer with its own options;
/// <see cref="AcknowledgedJson"/> is in their resolver chain (<see cref="BotApiJson"/>), so the answer is read by
/// generated code, also in the native program. Errors are read and raised by Telegram.Bot as for any request.
/// </summary>
internal sealed class AcknowledgedRequest(RequestBase<Message> request) : IRequest<Acknowledged>
{
    public HttpMethod HttpMethod => request.HttpMethod;

    public string MethodName => request.MethodName;

    public bool IsWebhookResponse
    {
        get => request.IsWebhookResponse;
        set => request.IsWebhookResponse = value;
    }

    public HttpContent? ToHttpContent() => request.ToHttpContent();
}

/// <summary>A message Telegram sent or edited, none of its fields read.</summary>
internal sealed class Acknowledged;

/// <summary>The generated JSON contract of <see cref="AcknowledgedRequest"/>'s answer, named as Telegram.Bot names the Bot API's fields.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ApiResponse<Acknowledged>))]
internal sealed partial class AcknowledgedJson : JsonSerializerContext;
