using System.Globalization;
using System.Text.Json.Nodes;

namespace Assistant.Tests.Fakes;

/// <summary>The bot account the fake server answers for (what getMe returns).</summary>
public sealed record BotUser(long Id, string FirstName, string Username);

/// <summary>How the parameters of a recorded request arrived.</summary>
public enum RequestBodyKind
{
    /// <summary>No body: parameters, if any, came in the query string.</summary>
    None,

    /// <summary><c>application/json</c> body.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c> body.</summary>
    Form,

    /// <summary><c>multipart/form-data</c> body (file uploads).</summary>
    Multipart,
}

/// <summary>A file part of a multipart request.</summary>
public sealed record UploadedFile(string FieldName, string FileName, string ContentType, byte[] Content);

/// <summary>
/// One request the fake server received, whatever its outcome. Parameters from the query string and the body
/// are merged into <see cref="Fields"/> as strings; nested objects (reply_markup, ...) are kept as JSON text,
/// which is also how Telegram receives them in form fields.
/// </summary>
public sealed class ApiCall
{
    private int _statusCode;

    /// <summary>Canonical Bot API method name (e.g. "sendMessage"), or the name as sent when unknown.</summary>
    public required string Method { get; init; }

    public required string HttpMethod { get; init; }

    public required RequestBodyKind BodyKind { get; init; }

    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    public required IReadOnlyDictionary<string, UploadedFile> Files { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>Whether the request carried the right token.</summary>
    public required bool Authorized { get; init; }

    /// <summary>HTTP status answered; 0 while the request is still being handled, 499 if the client went away first.</summary>
    public int StatusCode => Volatile.Read(ref _statusCode);

    public string? this[string name] => Fields.TryGetValue(name, out var value) ? value : null;

    public long? GetLong(string name) =>
        Fields.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>Parses a field as JSON (objects arrive as JSON text); null when absent or not valid JSON.</summary>
    public JsonNode? GetJson(string name)
    {
        if (!Fields.TryGetValue(name, out var value))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(value);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    internal void Complete(int statusCode) => Interlocked.CompareExchange(ref _statusCode, statusCode, 0);

    public override string ToString()
    {
        var fields = string.Join(", ", Fields.Select(f => $"{f.Key}={Shorten(f.Value, 60)}"));
        var files = Files.Count == 0 ? "" : " files: " + string.Join(", ", Files.Values.Select(f => $"{f.FieldName}={f.FileName} ({f.Content.Length} B)"));
        return $"{Time:HH:mm:ss.fff} {HttpMethod} {Method} [{BodyKind}] -> {StatusCode} {{{fields}}}{files}";
    }

    internal static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}

/// <summary>A button of an inline keyboard the bot sent.</summary>
public sealed record InlineButton(string Text, string? CallbackData, string? Url);

/// <summary>A file the bot sent (sendDocument / sendPhoto).</summary>
public sealed record SentFile(string FileName, string MimeType, byte[] Content, string FileId);

/// <summary>
/// A message the bot successfully sent or edited (sendMessage, sendDocument, sendPhoto, editMessageText,
/// editMessageReplyMarkup).
/// </summary>
public sealed record SentMessage
{
    /// <summary>Canonical method name that produced it.</summary>
    public required string Method { get; init; }

    public required long ChatId { get; init; }

    public required int MessageId { get; init; }

    /// <summary>Text as the bot sent it (still with HTML tags when <see cref="ParseMode"/> is HTML).</summary>
    public string? Text { get; init; }

    /// <summary>Caption as the bot sent it.</summary>
    public string? Caption { get; init; }

    /// <summary>Text or caption as a user sees it: tags removed and HTML entities decoded.</summary>
    public string? PlainText { get; init; }

    public string? ParseMode { get; init; }

    /// <summary>Rows of inline buttons, or null when the message has no inline keyboard.</summary>
    public IReadOnlyList<IReadOnlyList<InlineButton>>? InlineKeyboard { get; init; }

    /// <summary>The reply_markup parameter as sent (any kind of keyboard), or null.</summary>
    public JsonNode? ReplyMarkup { get; init; }

    /// <summary>The uploaded or re-sent file for sendDocument / sendPhoto.</summary>
    public SentFile? Document { get; init; }

    public required bool IsEdit { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary><see cref="Text"/> or else <see cref="Caption"/>.</summary>
    public string? Body => Text ?? Caption;

    /// <summary>All inline buttons, row by row.</summary>
    public IEnumerable<InlineButton> Buttons => InlineKeyboard?.SelectMany(row => row) ?? [];

    public override string ToString()
    {
        var keyboard = InlineKeyboard is null
            ? ""
            : " keyboard: " + string.Join(" | ", InlineKeyboard.Select(row => string.Join(", ", row.Select(b => $"[{b.Text}→{b.CallbackData ?? b.Url}]"))));
        var file = Document is null ? "" : $" file: {Document.FileName} ({Document.Content.Length} B)";
        return $"{Time:HH:mm:ss.fff} {Method} chat={ChatId} msg={MessageId}{(IsEdit ? " (edit)" : "")}: {ApiCall.Shorten(Body ?? "", 200)}{keyboard}{file}";
    }
}
