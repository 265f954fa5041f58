using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Sends outbox items through the Bot API (HTML parse mode) and classifies what came back:
/// 429 → wait its retry_after, 5xx and network errors → retry, "message is not modified" → done,
/// a text edit of a message that is gone or cannot be edited → sent as a new message instead (a buttons-only
/// edit of it → done), a blocked bot or a missing chat → give up.
/// </summary>
public sealed class TelegramTransport(ITelegramBotClient client, IOptions<TelegramOptions> options, ILogger<TelegramTransport> logger) : IMessageTransport
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public DeliveryLimits Limits => options.Value.Pacing ? DeliveryLimits.Telegram : DeliveryLimits.Unlimited with { MaxConcurrentSends = DeliveryLimits.Telegram.MaxConcurrentSends };

    public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(item.FileContent is null ? options.Value.RequestTimeout : options.Value.RequestTimeout * 4);
        try
        {
            await SendAsync(item, ParseMode.Html, item.Html, timeout.Token);
            return new DeliveryResult.Delivered();
        }
        catch (ApiRequestException ex) when (ex.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase))
        {
            // A formatting bug must not cost the user the message: send it once more as plain text.
            logger.LogError("Chat {Chat}: Telegram rejected the HTML of message {Id} ({Error}); sending it as plain text.", item.ChatId, item.Id, Redact(ex.Message));
            try
            {
                await SendAsync(item, ParseMode.None, Html.ToPlainText(item.Html), timeout.Token);
                return new DeliveryResult.Delivered();
            }
            catch (Exception retry) when (retry is ApiRequestException or RequestException or HttpRequestException)
            {
                return Classify(retry, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException or OperationCanceledException)
        {
            return Classify(ex, cancellationToken);
        }
    }

    public async Task ShowTypingAsync(long chatId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        await client.SendChatAction(chatId, ChatAction.Typing, cancellationToken: timeout.Token);
    }

    private async Task SendAsync(OutboxItem item, ParseMode mode, string text, CancellationToken ct)
    {
        var markup = Markup(item.Keyboard);
        if (item.EditMessageId is { } messageId)
        {
            if (item.KeyboardOnly)
            {
                await Send(new EditMessageReplyMarkupRequest { ChatId = item.ChatId, MessageId = messageId, ReplyMarkup = markup }, ct);
                return;
            }

            try
            {
                await Send(new EditMessageTextRequest { ChatId = item.ChatId, MessageId = messageId, Text = text, ParseMode = mode, ReplyMarkup = markup, LinkPreviewOptions = NoPreview }, ct);
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400 && CannotEdit(ex.Message))
            {
                // A card the member deleted, too old to edit, or not text: what it would show goes out as a new message.
                logger.LogDebug("Chat {Chat}: message {Message} cannot be edited ({Error}); sending a new one.", item.ChatId, messageId, Redact(ex.Message));
            }
        }

        if (item.FileContent is { } content)
        {
            await using var stream = new MemoryStream(content, writable: false);
            var file = InputFile.FromStream(stream, item.FileName ?? "file");
            var caption = text.Length == 0 ? null : text;
            await Send(
                item.FileAsPhoto
                    ? new SendPhotoRequest { ChatId = item.ChatId, Photo = file, Caption = caption, ParseMode = mode, ReplyMarkup = markup }
                    : new SendDocumentRequest { ChatId = item.ChatId, Document = file, Caption = caption, ParseMode = mode, ReplyMarkup = markup },
                ct);
            return;
        }

        await Send(new SendMessageRequest { ChatId = item.ChatId, Text = text, ParseMode = mode, ReplyMarkup = markup, LinkPreviewOptions = NoPreview }, ct);
    }

    /// <summary>Sends a message request, reading of the answer only whether it succeeded (<see cref="AcknowledgedRequest"/>).</summary>
    private async Task Send(RequestBase<Message> request, CancellationToken ct) => await client.SendRequest(new AcknowledgedRequest(request), ct);

    /// <summary>Telegram's answers to an edit of a message that is gone or cannot take the edit (not "not modified": that one is done).</summary>
    private static bool CannotEdit(string message) =>
        message.Contains("message to edit not found", StringComparison.OrdinalIgnoreCase)
        || message.Contains("message can't be edited", StringComparison.OrdinalIgnoreCase)
        || message.Contains("there is no text in the message to edit", StringComparison.OrdinalIgnoreCase);

    private DeliveryResult Classify(Exception ex, CancellationToken stopping)
    {
        if (ex is OperationCanceledException)
        {
            return stopping.IsCancellationRequested
                ? new DeliveryResult.RetryLater("stopping")
                : new DeliveryResult.RetryLater("timed out");
        }

        var reason = Redact(ex.Message);
        if (ex is ApiRequestException api)
        {
            if (api.ErrorCode == 429)
            {
                return new DeliveryResult.RetryLater(reason, TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 5)));
            }

            if (api.ErrorCode == 400 && (reason.Contains("message is not modified", StringComparison.OrdinalIgnoreCase)
                || reason.Contains("message to edit not found", StringComparison.OrdinalIgnoreCase)
                || reason.Contains("message can't be edited", StringComparison.OrdinalIgnoreCase)))
            {
                // Not modified: what the edit shows is there already. Gone or not editable (only a buttons-only edit
                // gets here; a text edit was sent anew): nothing is left to change.
                return new DeliveryResult.Delivered();
            }

            if (api.ErrorCode is >= 500 or 401 or 0)
            {
                return new DeliveryResult.RetryLater(reason);
            }

            return new DeliveryResult.Failed($"{api.ErrorCode}: {reason}");
        }

        return new DeliveryResult.RetryLater(reason);
    }

    private string Redact(string text) => TokenRedaction.Redact(text, options.Value.BotToken);

    private static InlineKeyboardMarkup? Markup(List<List<OutboxButton>>? keyboard) =>
        keyboard is null
            ? null
            : new InlineKeyboardMarkup(keyboard.Select(row => row.Select(b => b.WebAppUrl is { } url
                ? InlineKeyboardButton.WithWebApp(b.Label, new WebAppInfo(url))
                : InlineKeyboardButton.WithCallbackData(b.Label, b.Data))));
}

/// <summary>Keeps the bot token out of anything written to a log.</summary>
public static class TokenRedaction
{
    public static string Redact(string? text, string? token)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (string.IsNullOrEmpty(token))
        {
            return text;
        }

        var redacted = text.Replace(token, "[token]", StringComparison.Ordinal);
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < token.Length - 1
            ? redacted.Replace(token[(colon + 1)..], "[token]", StringComparison.Ordinal)
            : redacted;
    }
}
