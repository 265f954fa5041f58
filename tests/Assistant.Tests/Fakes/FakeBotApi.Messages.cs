using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Tests.Fakes;

public sealed partial class FakeBotApi
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private const int MaxCallbackDataBytes = 64;
    private const int MaxDownloadBytes = 20 * 1024 * 1024;

    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private static readonly HashSet<string> ChatActions = new(StringComparer.Ordinal)
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    };

    private static readonly string[] InlineButtonActions =
    [
        "callback_data", "url", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    private readonly Dictionary<(long Chat, int Id), StoredMessage> _messages = [];
    private readonly Dictionary<long, int> _messageCounters = [];
    private readonly Dictionary<long, JsonObject> _chats = [];
    private readonly HashSet<long> _unknownChats = [];
    private readonly HashSet<long> _blockedChats = [];
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredFile> _filesByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _commands = new(StringComparer.Ordinal);
    private long _fileCounter;

    /// <summary>Sending to this chat fails with 400 "Bad Request: chat not found".</summary>
    public void MarkChatUnknown(long chatId)
    {
        lock (_gate)
        {
            _unknownChats.Add(chatId);
        }
    }

    /// <summary>
    /// Sending to this chat fails with 403: "Forbidden: bot was blocked by the user" for a private chat
    /// (the "kicked from the group chat" variants for groups).
    /// </summary>
    public void MarkBlocked(long chatId)
    {
        lock (_gate)
        {
            _blockedChats.Add(chatId);
        }
    }

    /// <summary>Undoes <see cref="MarkChatUnknown"/> and <see cref="MarkBlocked"/>.</summary>
    public void ClearChatMarks(long chatId)
    {
        lock (_gate)
        {
            _unknownChats.Remove(chatId);
            _blockedChats.Remove(chatId);
        }
    }

    /// <summary>getFile on this file id fails with 400 "Bad Request: file is too big" (as for files over 20 MB).</summary>
    public void MarkFileTooBig(string fileId)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(fileId, out var file))
            {
                throw new ArgumentException($"Unknown file id {fileId}.", nameof(fileId));
            }

            file.TooBig = true;
        }
    }

    /// <summary>Current state of a message in a chat (as the bot last sent/edited it), or null if unknown or deleted.</summary>
    public JsonObject? GetMessage(long chatId, int messageId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue((chatId, messageId), out var stored) ? (JsonObject)stored.Json.DeepClone() : null;
        }
    }

    /// <summary>
    /// A chat as its user sees it now, from what <see cref="Sent"/> holds: each message the bot sent, in its latest
    /// state (the last send or edit of it: text, caption and buttons), in the order of their last change. An edit of
    /// the buttons alone (editMessageReplyMarkup) changes the state but not the order.
    /// </summary>
    public IReadOnlyList<SentMessage> Current(long chatId)
    {
        var order = new List<int>();
        var latest = new Dictionary<int, SentMessage>();
        foreach (var message in Sent.Where(m => m.ChatId == chatId))
        {
            var known = latest.TryGetValue(message.MessageId, out var before);
            latest[message.MessageId] = message.Method == "editMessageReplyMarkup" && known
                ? before! with { InlineKeyboard = message.InlineKeyboard, ReplyMarkup = message.ReplyMarkup }
                : message;
            if (message.Method != "editMessageReplyMarkup" || !known)
            {
                order.Remove(message.MessageId);
                order.Add(message.MessageId);
            }
        }

        return [.. order.Select(id => latest[id])];
    }

    // ------------------------------------------------------------------ method table

    private void RegisterMethods()
    {
        Register("getMe", _ => ApiResult.Ok(BotJson(full: true)));
        _handlers["getUpdates"] = ("getUpdates", GetUpdatesAsync);
        Register("setWebhook", SetWebhook);
        Register("deleteWebhook", DeleteWebhook);
        Register("getWebhookInfo", GetWebhookInfo);
        Register("setMyCommands", SetMyCommands);
        Register("deleteMyCommands", DeleteMyCommands);
        Register("getMyCommands", GetMyCommands);
        foreach (var name in new[] { "logOut", "close", "setMyDescription", "setMyShortDescription", "setMyName", "setChatMenuButton", "answerCallbackQuery" })
        {
            Register(name, _ => ApiResult.Ok(true));
        }

        Register("sendChatAction", SendChatAction);
        Register("sendMessage", SendMessage);
        Register("editMessageText", EditMessageText);
        Register("editMessageCaption", EditMessageCaption);
        Register("editMessageReplyMarkup", EditMessageReplyMarkup);
        Register("deleteMessage", DeleteMessage);
        Register("sendDocument", call => SendFile(call, FileKind.Document));
        Register("sendPhoto", call => SendFile(call, FileKind.Photo));
        Register("getFile", GetFile);
    }

    private void Register(string name, Func<ApiCall, ApiResult> handler) =>
        _handlers[name] = (name, (call, _) => Task.FromResult(handler(call)));

    private JsonObject BotJson(bool full)
    {
        var bot = new JsonObject
        {
            ["id"] = Bot.Id,
            ["is_bot"] = true,
            ["first_name"] = Bot.FirstName,
            ["username"] = Bot.Username,
        };
        if (full)
        {
            bot["can_join_groups"] = true;
            bot["can_read_all_group_messages"] = false;
            bot["supports_inline_queries"] = false;
            bot["can_connect_to_business"] = false;
            bot["has_main_web_app"] = false;
        }

        return bot;
    }

    // ------------------------------------------------------------------ commands and chat actions

    private ApiResult SetMyCommands(ApiCall call)
    {
        if (call.GetJson("commands") is not JsonArray commands)
        {
            return ApiResult.BadRequest("can't parse commands JSON object");
        }

        foreach (var command in commands)
        {
            var name = command?["command"]?.GetValue<string>() ?? "";
            var description = command?["description"]?.GetValue<string>() ?? "";
            if (name.Length is 0 or > 32 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return ApiResult.BadRequest("BOT_COMMAND_INVALID");
            }

            if (description.Trim().Length is 0 or > 256)
            {
                return ApiResult.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }

        lock (_gate)
        {
            _commands[CommandsKey(call)] = commands.DeepClone();
        }

        return ApiResult.Ok(true);
    }

    private ApiResult DeleteMyCommands(ApiCall call)
    {
        lock (_gate)
        {
            _commands.Remove(CommandsKey(call));
        }

        return ApiResult.Ok(true);
    }

    private ApiResult GetMyCommands(ApiCall call)
    {
        lock (_gate)
        {
            return ApiResult.Ok(_commands.TryGetValue(CommandsKey(call), out var commands) ? commands.DeepClone() : new JsonArray());
        }
    }

    private static string CommandsKey(ApiCall call)
    {
        var scope = call.GetJson("scope");
        var type = scope?["type"]?.GetValue<string>() ?? "default";
        var chat = scope?["chat_id"]?.ToJsonString() ?? "";
        var user = scope?["user_id"]?.ToJsonString() ?? "";
        return $"{type}|{chat}|{user}|{call["language_code"] ?? ""}";
    }

    private ApiResult SendChatAction(ApiCall call)
    {
        lock (_gate)
        {
            if (CheckChat(call, out _) is { } chatError)
            {
                return chatError;
            }
        }

        return ChatActions.Contains(call["action"] ?? "")
            ? ApiResult.Ok(true)
            : ApiResult.BadRequest("wrong parameter action in request");
    }

    // ------------------------------------------------------------------ sending and editing

    private ApiResult SendMessage(ApiCall call)
    {
        lock (_gate)
        {
            if (CheckChat(call, out var chatId) is { } chatError)
            {
                return chatError;
            }

            if (ParseFormatted(call["text"], call["parse_mode"], caption: false, out var parsed) is { } textError)
            {
                return textError;
            }

            if (ParseMarkup(call, out var keyboard, out var markup) is { } markupError)
            {
                return markupError;
            }

            if (FindReplyTarget(call, chatId, out var replyTo) is { } replyError)
            {
                return replyError;
            }

            var message = NewBotMessage(chatId, replyTo);
            SetFormatted(message, "text", "entities", parsed);
            SetInlineKeyboard(message, keyboard);
            StoreMessage(chatId, message, fromBot: true);
            RecordSent(new SentMessage
            {
                Method = "sendMessage",
                ChatId = chatId,
                MessageId = (int)message["message_id"]!,
                Text = call["text"],
                PlainText = parsed.Text,
                ParseMode = call["parse_mode"],
                InlineKeyboard = keyboard is null ? null : ToButtons(keyboard),
                ReplyMarkup = markup,
                IsEdit = false,
                Time = DateTimeOffset.UtcNow,
            });
            return ApiResult.Ok(message);
        }
    }

    private ApiResult EditMessageText(ApiCall call)
    {
        lock (_gate)
        {
            if (FindEditTarget(call, out var chatId, out var stored) is { } targetError)
            {
                return targetError;
            }

            if (ParseFormatted(call["text"], call["parse_mode"], caption: false, out var parsed) is { } textError)
            {
                return textError;
            }

            if (ParseMarkup(call, out var keyboard, out var markup) is { } markupError)
            {
                return markupError;
            }

            var message = stored!.Json;
            if (message["text"] is null)
            {
                return ApiResult.BadRequest("there is no text in the message to edit");
            }

            if (SameContent(message, "text", "entities", parsed) && SameKeyboard(message, keyboard))
            {
                return ApiResult.BadRequest(NotModified);
            }

            SetFormatted(message, "text", "entities", parsed);
            SetInlineKeyboard(message, keyboard);
            message["edit_date"] = UnixNow;
            RecordSent(new SentMessage
            {
                Method = "editMessageText",
                ChatId = chatId,
                MessageId = (int)message["message_id"]!,
                Text = call["text"],
                PlainText = parsed.Text,
                ParseMode = call["parse_mode"],
                InlineKeyboard = keyboard is null ? null : ToButtons(keyboard),
                ReplyMarkup = markup,
                IsEdit = true,
                Time = DateTimeOffset.UtcNow,
            });
            return ApiResult.Ok(message.DeepClone());
        }
    }

    private ApiResult EditMessageCaption(ApiCall call)
    {
        lock (_gate)
        {
            if (FindEditTarget(call, out var chatId, out var stored) is { } targetError)
            {
                return targetError;
            }

            if (ParseFormatted(call["caption"], call["parse_mode"], caption: true, out var parsed) is { } textError)
            {
                return textError;
            }

            if (ParseMarkup(call, out var keyboard, out var markup) is { } markupError)
            {
                return markupError;
            }

            var message = stored!.Json;
            if (message["text"] is not null)
            {
                return ApiResult.BadRequest("there is no caption in the message to edit");
            }

            if (SameContent(message, "caption", "caption_entities", parsed) && SameKeyboard(message, keyboard))
            {
                return ApiResult.BadRequest(NotModified);
            }

            SetFormatted(message, "caption", "caption_entities", parsed);
            SetInlineKeyboard(message, keyboard);
            message["edit_date"] = UnixNow;
            RecordSent(new SentMessage
            {
                Method = "editMessageCaption",
                ChatId = chatId,
                MessageId = (int)message["message_id"]!,
                Caption = call["caption"],
                PlainText = parsed.Text,
                ParseMode = call["parse_mode"],
                InlineKeyboard = keyboard is null ? null : ToButtons(keyboard),
                ReplyMarkup = markup,
                IsEdit = true,
                Time = DateTimeOffset.UtcNow,
            });
            return ApiResult.Ok(message.DeepClone());
        }
    }

    private ApiResult EditMessageReplyMarkup(ApiCall call)
    {
        lock (_gate)
        {
            if (FindEditTarget(call, out var chatId, out var stored) is { } targetError)
            {
                return targetError;
            }

            if (ParseMarkup(call, out var keyboard, out var markup) is { } markupError)
            {
                return markupError;
            }

            var message = stored!.Json;
            if (SameKeyboard(message, keyboard))
            {
                return ApiResult.BadRequest(NotModified);
            }

            SetInlineKeyboard(message, keyboard);
            message["edit_date"] = UnixNow;
            RecordSent(new SentMessage
            {
                Method = "editMessageReplyMarkup",
                ChatId = chatId,
                MessageId = (int)message["message_id"]!,
                PlainText = (string?)message["text"] ?? (string?)message["caption"],
                InlineKeyboard = keyboard is null ? null : ToButtons(keyboard),
                ReplyMarkup = markup,
                IsEdit = true,
                Time = DateTimeOffset.UtcNow,
            });
            return ApiResult.Ok(message.DeepClone());
        }
    }

    private ApiResult DeleteMessage(ApiCall call)
    {
        lock (_gate)
        {
            if (CheckChat(call, out var chatId) is { } chatError)
            {
                return chatError;
            }

            var messageId = call.GetLong("message_id");
            if (messageId is null || !_messages.Remove((chatId, (int)messageId.Value)))
            {
                return ApiResult.BadRequest("message to delete not found");
            }

            return ApiResult.Ok(true);
        }
    }

    private ApiResult SendFile(ApiCall call, FileKind kind)
    {
        var field = kind == FileKind.Photo ? "photo" : "document";
        var method = kind == FileKind.Photo ? "sendPhoto" : "sendDocument";
        lock (_gate)
        {
            if (CheckChat(call, out var chatId) is { } chatError)
            {
                return chatError;
            }

            if (ParseFormatted(call["caption"], call["parse_mode"], caption: true, out var parsed) is { } captionError)
            {
                return captionError;
            }

            if (ParseMarkup(call, out var keyboard, out var markup) is { } markupError)
            {
                return markupError;
            }

            if (FindReplyTarget(call, chatId, out var replyTo) is { } replyError)
            {
                return replyError;
            }

            if (ResolveInputFile(call, field, out var input) is { } fileError)
            {
                return fileError;
            }

            var (content, fileName, mimeType, reused) = input!.Value;
            var message = NewBotMessage(chatId, replyTo);
            string fileId;
            if (kind == FileKind.Photo)
            {
                if (ImageSize(content) is not var (width, height))
                {
                    return ApiResult.BadRequest("IMAGE_PROCESS_FAILED");
                }

                var sizes = PhotoSizes(content, width, height);
                fileId = (string)sizes[^1]!["file_id"]!;
                message["photo"] = sizes;
            }
            else
            {
                var file = reused ?? RegisterFile(FileKind.Document, content, fileName, mimeType);
                fileId = file.FileId;
                message["document"] = new JsonObject
                {
                    ["file_name"] = file.FileName,
                    ["mime_type"] = file.MimeType,
                    ["file_id"] = file.FileId,
                    ["file_unique_id"] = file.UniqueId,
                    ["file_size"] = file.Content.Length,
                };
            }

            if (parsed.Text.Length > 0)
            {
                SetFormatted(message, "caption", "caption_entities", parsed);
            }

            SetInlineKeyboard(message, keyboard);
            StoreMessage(chatId, message, fromBot: true);
            RecordSent(new SentMessage
            {
                Method = method,
                ChatId = chatId,
                MessageId = (int)message["message_id"]!,
                Caption = call["caption"],
                PlainText = parsed.Text,
                ParseMode = call["parse_mode"],
                InlineKeyboard = keyboard is null ? null : ToButtons(keyboard),
                ReplyMarkup = markup,
                Document = new SentFile(fileName, mimeType, content, fileId),
                IsEdit = false,
                Time = DateTimeOffset.UtcNow,
            });
            return ApiResult.Ok(message);
        }
    }

    private ApiResult GetFile(ApiCall call)
    {
        lock (_gate)
        {
            if (call["file_id"] is not { Length: > 0 } fileId || !_files.TryGetValue(fileId, out var file))
            {
                return ApiResult.BadRequest("invalid file_id");
            }

            if (file.TooBig || file.Content.Length > MaxDownloadBytes)
            {
                return ApiResult.BadRequest("file is too big");
            }

            return ApiResult.Ok(new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.UniqueId,
                ["file_size"] = file.Content.Length,
                ["file_path"] = file.FilePath,
            });
        }
    }

    // ------------------------------------------------------------------ validation helpers (call under the lock)

    private ApiResult? CheckChat(ApiCall call, out long chatId)
    {
        chatId = 0;
        var raw = call["chat_id"];
        if (string.IsNullOrEmpty(raw))
        {
            return ApiResult.BadRequest("chat_id is empty");
        }

        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId) || _unknownChats.Contains(chatId))
        {
            return ApiResult.BadRequest("chat not found");
        }

        if (_blockedChats.Contains(chatId))
        {
            return ApiResult.Error(403, (string?)ChatJson(chatId)["type"] switch
            {
                "group" => "Forbidden: bot was kicked from the group chat",
                "supergroup" => "Forbidden: bot was kicked from the supergroup chat",
                "channel" => "Forbidden: bot is not a member of the channel chat",
                _ => "Forbidden: bot was blocked by the user",
            });
        }

        return null;
    }

    private ApiResult? FindEditTarget(ApiCall call, out long chatId, out StoredMessage? stored)
    {
        stored = null;
        chatId = 0;
        if (!string.IsNullOrEmpty(call["inline_message_id"]))
        {
            return ApiResult.BadRequest("MESSAGE_ID_INVALID");
        }

        if (CheckChat(call, out chatId) is { } chatError)
        {
            return chatError;
        }

        if (call.GetLong("message_id") is not { } messageId)
        {
            return ApiResult.BadRequest("message identifier is not specified");
        }

        if (!_messages.TryGetValue((chatId, (int)messageId), out stored))
        {
            return ApiResult.BadRequest("message to edit not found");
        }

        return stored.FromBot ? null : ApiResult.BadRequest("message can't be edited");
    }

    private static ApiResult? ParseFormatted(string? raw, string? parseMode, bool caption, out ParsedText parsed)
    {
        var text = raw ?? "";
        var mode = parseMode ?? "";
        if (mode.Equals("HTML", StringComparison.OrdinalIgnoreCase))
        {
            if (!TelegramHtml.TryParse(text, out parsed, out var error))
            {
                return ApiResult.BadRequest("can't parse entities: " + error);
            }
        }
        else if (mode.Length == 0 || mode.Equals("Markdown", StringComparison.OrdinalIgnoreCase) || mode.Equals("MarkdownV2", StringComparison.OrdinalIgnoreCase))
        {
            // Markdown is passed through unparsed: this fake validates HTML only.
            parsed = new ParsedText(text, []);
        }
        else
        {
            parsed = new ParsedText("", []);
            return ApiResult.BadRequest("unsupported parse_mode");
        }

        if (!caption && string.IsNullOrWhiteSpace(parsed.Text))
        {
            return ApiResult.BadRequest("message text is empty");
        }

        if (parsed.Text.Length > (caption ? MaxCaptionLength : MaxTextLength))
        {
            return ApiResult.BadRequest(caption ? "message caption is too long" : "message is too long");
        }

        return null;
    }

    /// <summary>Validates reply_markup; <paramref name="keyboard"/> is its inline_keyboard (null when none or empty).</summary>
    private static ApiResult? ParseMarkup(ApiCall call, out JsonArray? keyboard, out JsonNode? markup)
    {
        keyboard = null;
        markup = null;
        if (!call.Fields.TryGetValue("reply_markup", out var raw) || raw.Length == 0)
        {
            return null;
        }

        try
        {
            markup = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return ApiResult.BadRequest("can't parse reply keyboard markup JSON object");
        }

        if (markup is not JsonObject markupObject)
        {
            return ApiResult.BadRequest("can't parse reply keyboard markup JSON object");
        }

        if (!markupObject.TryGetPropertyValue("inline_keyboard", out var inline))
        {
            return null;
        }

        if (inline is not JsonArray rows || rows.Any(r => r is not JsonArray))
        {
            return ApiResult.BadRequest("can't parse inline keyboard button: field \"inline_keyboard\" must be an Array of Arrays");
        }

        foreach (var button in rows.SelectMany(r => r!.AsArray()))
        {
            if (button is not JsonObject b)
            {
                return ApiResult.BadRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
            }

            if (b["text"] is not JsonValue textValue || textValue.GetValueKind() != JsonValueKind.String)
            {
                return ApiResult.BadRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
            }

            if (b.TryGetPropertyValue("callback_data", out var data))
            {
                var bytes = data is JsonValue v && v.GetValueKind() == JsonValueKind.String ? Encoding.UTF8.GetByteCount(v.GetValue<string>()) : -1;
                if (bytes is < 1 or > MaxCallbackDataBytes)
                {
                    return ApiResult.BadRequest("BUTTON_DATA_INVALID");
                }
            }

            if (b.TryGetPropertyValue("url", out var url)
                && !(url is JsonValue u && u.GetValueKind() == JsonValueKind.String
                     && Uri.TryCreate(u.GetValue<string>(), UriKind.Absolute, out var uri)
                     && uri.Scheme is "http" or "https" or "tg"))
            {
                return ApiResult.BadRequest("BUTTON_URL_INVALID");
            }

            if (!InlineButtonActions.Any(b.ContainsKey))
            {
                return ApiResult.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
            }
        }

        keyboard = rows.Any(r => r!.AsArray().Count > 0) ? rows : null;
        return null;
    }

    private ApiResult? FindReplyTarget(ApiCall call, long chatId, out JsonObject? replyTo)
    {
        replyTo = null;
        var parameters = call.GetJson("reply_parameters") as JsonObject;
        var target = parameters?["message_id"] is JsonValue id ? id.GetValue<long>() : call.GetLong("reply_to_message_id");
        if (target is null)
        {
            return null;
        }

        var allowWithout = (bool?)parameters?["allow_sending_without_reply"] ?? call["allow_sending_without_reply"] == "true";
        if (_messages.TryGetValue((chatId, (int)target.Value), out var stored))
        {
            replyTo = (JsonObject)stored.Json.DeepClone();
            replyTo.Remove("reply_to_message");
            return null;
        }

        return allowWithout ? null : ApiResult.BadRequest("message to be replied not found");
    }

    private static bool SameContent(JsonObject message, string textField, string entitiesField, ParsedText parsed) =>
        ((string?)message[textField] ?? "") == parsed.Text
        && (message[entitiesField]?.ToJsonString() ?? "[]") == parsed.Entities.ToJsonString();

    private static bool SameKeyboard(JsonObject message, JsonArray? keyboard) =>
        (message["reply_markup"]?["inline_keyboard"]?.ToJsonString() ?? "") == (keyboard?.ToJsonString() ?? "");

    private static void SetFormatted(JsonObject message, string textField, string entitiesField, ParsedText parsed)
    {
        message[textField] = parsed.Text;
        if (parsed.Entities.Count > 0)
        {
            message[entitiesField] = parsed.Entities.DeepClone();
        }
        else
        {
            message.Remove(entitiesField);
        }
    }

    private static void SetInlineKeyboard(JsonObject message, JsonArray? keyboard)
    {
        if (keyboard is null)
        {
            message.Remove("reply_markup");
        }
        else
        {
            message["reply_markup"] = new JsonObject { ["inline_keyboard"] = keyboard.DeepClone() };
        }
    }

    private static List<IReadOnlyList<InlineButton>> ToButtons(JsonArray keyboard) =>
        [.. keyboard.Select(row => (IReadOnlyList<InlineButton>)[.. row!.AsArray().Select(b => new InlineButton(
            (string)b!["text"]!,
            (string?)b["callback_data"],
            (string?)b["url"]))])];

    private ApiResult? ResolveInputFile(ApiCall call, string field, out (byte[] Content, string FileName, string MimeType, StoredFile? Reused)? input)
    {
        input = null;
        UploadedFile? upload = null;
        if (call.Files.TryGetValue(field, out var direct))
        {
            upload = direct;
        }
        else if (call[field] is { Length: > 0 } reference)
        {
            if (reference.StartsWith("attach://", StringComparison.Ordinal))
            {
                if (!call.Files.TryGetValue(reference["attach://".Length..], out upload))
                {
                    return ApiResult.BadRequest("wrong file identifier/HTTP URL specified");
                }
            }
            else if (_files.TryGetValue(reference, out var stored))
            {
                input = (stored.Content, stored.FileName, stored.MimeType, stored);
                return null;
            }
            else if (reference.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || reference.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return ApiResult.BadRequest("failed to get HTTP URL content");
            }
            else
            {
                return ApiResult.BadRequest("wrong file identifier/HTTP URL specified");
            }
        }

        if (upload is null)
        {
            return ApiResult.BadRequest($"there is no {field} in the request");
        }

        if (upload.Content.Length == 0)
        {
            return ApiResult.BadRequest("file must be non-empty");
        }

        var fileName = upload.FileName.Length > 0 ? upload.FileName : field == "photo" ? "photo.jpg" : "document";
        var mimeType = upload.ContentType is { Length: > 0 } type && !type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            ? type
            : MimeFromName(fileName);
        input = (upload.Content, fileName, mimeType, null);
        return null;
    }

    private static string MimeFromName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".csv" => "text/csv",
        ".txt" => "text/plain",
        ".json" => "application/json",
        ".ics" => "text/calendar",
        ".zip" => "application/zip",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };

    // ------------------------------------------------------------------ chats, messages, files (call under the lock)

    private void RegisterChat(long chatId, string? chatType, string? title, long? userId)
    {
        if (chatType is null && _chats.ContainsKey(chatId))
        {
            return;
        }

        var type = chatType ?? InferChatType(chatId);
        var chat = new JsonObject { ["id"] = chatId, ["type"] = type };
        if (type == "private")
        {
            chat["first_name"] = _users.TryGetValue(userId ?? chatId, out var user)
                ? user.FirstName
                : $"User {chatId.ToString(CultureInfo.InvariantCulture)}";
        }
        else
        {
            chat["title"] = title ?? (_chats.TryGetValue(chatId, out var known) ? (string?)known["title"] : null) ?? $"Test {type} {chatId.ToString(CultureInfo.InvariantCulture)}";
        }

        _chats[chatId] = chat;
    }

    private JsonObject ChatJson(long chatId)
    {
        if (!_chats.ContainsKey(chatId))
        {
            RegisterChat(chatId, null, null, null);
        }

        return (JsonObject)_chats[chatId].DeepClone();
    }

    private static string InferChatType(long chatId) => chatId switch
    {
        > 0 => "private",
        <= -1_000_000_000_000 => "supergroup",
        _ => "group",
    };

    private int NextMessageId(long chatId)
    {
        var next = _messageCounters.GetValueOrDefault(chatId) + 1;
        _messageCounters[chatId] = next;
        return next;
    }

    private JsonObject NewBotMessage(long chatId, JsonObject? replyTo)
    {
        var message = new JsonObject
        {
            ["message_id"] = NextMessageId(chatId),
            ["from"] = BotJson(full: false),
            ["chat"] = ChatJson(chatId),
            ["date"] = UnixNow,
        };
        if (replyTo is not null)
        {
            message["reply_to_message"] = replyTo;
        }

        return message;
    }

    private void StoreMessage(long chatId, JsonObject message, bool fromBot) =>
        _messages[(chatId, (int)message["message_id"]!)] = new StoredMessage((JsonObject)message.DeepClone(), fromBot);

    private void RecordSent(SentMessage message)
    {
        _sent.Add(message);
        PulseRecords();
        MessageRecorded?.Invoke(message);
    }

    private StoredFile RegisterFile(FileKind kind, byte[] content, string? fileName, string mimeType)
    {
        var number = ++_fileCounter;
        Span<byte> id = stackalloc byte[24];
        BinaryPrimitives.WriteInt32LittleEndian(id, (int)kind);
        BinaryPrimitives.WriteInt32LittleEndian(id[4..], 2);
        BinaryPrimitives.WriteInt64LittleEndian(id[8..], number);
        BinaryPrimitives.WriteInt64LittleEndian(id[16..], Bot.Id);
        Span<byte> unique = stackalloc byte[9];
        BinaryPrimitives.WriteInt64LittleEndian(unique, number);
        unique[8] = (byte)kind;

        var n = number.ToString(CultureInfo.InvariantCulture);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var path = kind switch
        {
            FileKind.Photo => $"photos/file_{n}.jpg",
            FileKind.Voice => $"voice/file_{n}.oga",
            FileKind.Sticker => $"stickers/file_{n}.webp",
            _ => $"documents/file_{n}{(extension.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') ? extension : "")}",
        };
        var file = new StoredFile(
            Convert.ToBase64String(id).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            Convert.ToBase64String(unique).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            content,
            path,
            fileName ?? Path.GetFileName(path),
            mimeType);
        _files[file.FileId] = file;
        _filesByPath[file.FilePath] = file;
        return file;
    }

    private JsonArray PhotoSizes(byte[] content, int width, int height)
    {
        var sizes = new JsonArray();
        // Like Telegram: a 90 px thumbnail and a 320 px preview when the image is bigger than that, then the full size.
        var longest = Math.Max(1, Math.Max(width, height));
        foreach (var side in new[] { 90, 320 }.Where(s => s < longest).Append(longest))
        {
            var scale = Math.Min(1.0, side / (double)longest);
            var file = RegisterFile(FileKind.Photo, content, null, "image/jpeg");
            sizes.Add(new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.UniqueId,
                ["file_size"] = content.Length,
                ["width"] = Math.Max(1, (int)Math.Round(width * scale)),
                ["height"] = Math.Max(1, (int)Math.Round(height * scale)),
            });
        }

        return sizes;
    }

    /// <summary>Width and height of a PNG, JPEG, GIF or WebP image; null when the bytes are none of these.</summary>
    private static (int Width, int Height)? ImageSize(byte[] bytes)
    {
        ReadOnlySpan<byte> b = bytes;
        if (b.Length >= 24 && b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]));
        }

        if (b.Length >= 10 && (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)))
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));
        }

        if (b.Length >= 16 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return b.Length >= 30 && b[12..16].SequenceEqual("VP8X"u8)
                ? (1 + (b[24] | (b[25] << 8) | (b[26] << 16)), 1 + (b[27] | (b[28] << 8) | (b[29] << 16)))
                : (512, 512);
        }

        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < b.Length && b[i] == 0xFF)
            {
                var marker = b[i + 1];
                var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    return (BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
                }

                i += 2 + length;
            }
        }

        return null;
    }

    private enum FileKind
    {
        Photo = 2,
        Voice = 3,
        Document = 5,
        Sticker = 8,
    }

    private sealed record StoredMessage(JsonObject Json, bool FromBot);

    private sealed class StoredFile(string fileId, string uniqueId, byte[] content, string filePath, string fileName, string mimeType)
    {
        public string FileId { get; } = fileId;

        public string UniqueId { get; } = uniqueId;

        public byte[] Content { get; } = content;

        public string FilePath { get; } = filePath;

        public string FileName { get; } = fileName;

        public string MimeType { get; } = mimeType;

        public bool TooBig { get; set; }
    }
}
