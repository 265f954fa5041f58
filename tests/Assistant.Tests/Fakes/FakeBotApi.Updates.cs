using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Assistant.Tests.Fakes;

public sealed partial class FakeBotApi
{
    private const string PollConflict =
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    private const string WebhookConflict =
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

    /// <summary>Update types Telegram sends when allowed_updates was never given (or given as []).</summary>
    private static readonly string[] DefaultExcludedUpdates = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly Dictionary<long, JsonObject> _history = [];
    private readonly List<long> _pending = [];
    private readonly SortedSet<long> _redeliver = [];
    private readonly Dictionary<long, (string FirstName, string? LanguageCode)> _users = [];
    private TaskCompletionSource _updatesSignal = NewSignal();
    private PendingPoll? _activePoll;
    private HashSet<string>? _allowedUpdates;
    private long _lastUpdateId;
    private long _confirmedOffset;
    private long _callbackCounter;
    private bool _simulateConflict;
    private string? _webhookUrl;

    /// <summary>Highest offset the bot has confirmed through getUpdates (0 before any confirmation).</summary>
    public long ConfirmedOffset
    {
        get
        {
            lock (_gate)
            {
                return _confirmedOffset;
            }
        }
    }

    /// <summary>Number of updates enqueued and not yet confirmed.</summary>
    public int PendingUpdateCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>A copy of an update as it was enqueued (with its update_id), e.g. to read the file ids it carries.</summary>
    public JsonObject GetUpdate(long updateId)
    {
        lock (_gate)
        {
            return _history.TryGetValue(updateId, out var update)
                ? (JsonObject)update.DeepClone()
                : throw new ArgumentException($"No update {updateId} was enqueued.", nameof(updateId));
        }
    }

    // ------------------------------------------------------------------ enqueueing

    /// <summary>A text message from a user; "/command" words get bot_command entities like Telegram adds.</summary>
    public long EnqueueText(
        long chatId,
        long fromId,
        string text,
        string chatType = "private",
        string? firstName = null,
        string? languageCode = "zh-hans",
        string? chatTitle = null)
    {
        lock (_gate)
        {
            RegisterUser(fromId, firstName, languageCode);
            RegisterChat(chatId, chatType, chatTitle, fromId);
            var message = NewUserMessage(chatId, fromId);
            message["text"] = text;
            var entities = CommandEntities(text);
            if (entities.Count > 0)
            {
                message["entities"] = entities;
            }

            StoreMessage(chatId, message, fromBot: false);
            return AddUpdate("message", message);
        }
    }

    /// <summary>
    /// A press on an inline button of message <paramref name="messageId"/>. The update carries the message as the
    /// bot last sent or edited it; an unknown message comes as an inaccessible one (date 0), as Telegram does.
    /// </summary>
    public long EnqueueCallback(long chatId, long fromId, int messageId, string data)
    {
        lock (_gate)
        {
            RegisterUser(fromId, null, null);
            JsonObject message = _messages.TryGetValue((chatId, messageId), out var stored)
                ? (JsonObject)stored.Json.DeepClone()
                : new JsonObject { ["chat"] = ChatJson(chatId), ["message_id"] = messageId, ["date"] = 0 };
            var query = new JsonObject
            {
                ["id"] = (4_000_000_000_000_000_000L + (++_callbackCounter * 7919)).ToString(CultureInfo.InvariantCulture),
                ["from"] = UserJson(fromId),
                ["message"] = message,
                ["chat_instance"] = ((chatId * 31) - 1_000_003).ToString(CultureInfo.InvariantCulture),
                ["data"] = data,
            };
            return AddUpdate("callback_query", query);
        }
    }

    /// <summary>A photo (three sizes, all downloadable through getFile) with an optional caption.</summary>
    public long EnqueuePhoto(long chatId, long fromId, string? caption = null, byte[]? content = null)
    {
        lock (_gate)
        {
            RegisterUser(fromId, null, null);
            RegisterChat(chatId, null, null, fromId);
            var bytes = content ?? DefaultJpeg();
            var (width, height) = ImageSize(bytes) ?? (1280, 960);
            var message = NewUserMessage(chatId, fromId);
            message["photo"] = PhotoSizes(bytes, width, height);
            if (caption is not null)
            {
                message["caption"] = caption;
            }

            StoreMessage(chatId, message, fromBot: false);
            return AddUpdate("message", message);
        }
    }

    /// <summary>A document (downloadable through getFile) with an optional caption.</summary>
    public long EnqueueDocument(long chatId, long fromId, string fileName, byte[] content, string mimeType, string? caption = null)
    {
        lock (_gate)
        {
            RegisterUser(fromId, null, null);
            RegisterChat(chatId, null, null, fromId);
            var file = RegisterFile(FileKind.Document, content, fileName, mimeType);
            var message = NewUserMessage(chatId, fromId);
            message["document"] = new JsonObject
            {
                ["file_name"] = fileName,
                ["mime_type"] = mimeType,
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.UniqueId,
                ["file_size"] = content.Length,
            };
            if (caption is not null)
            {
                message["caption"] = caption;
            }

            StoreMessage(chatId, message, fromBot: false);
            return AddUpdate("message", message);
        }
    }

    public long EnqueueLocation(long chatId, long fromId, double latitude, double longitude)
    {
        lock (_gate)
        {
            RegisterUser(fromId, null, null);
            RegisterChat(chatId, null, null, fromId);
            var message = NewUserMessage(chatId, fromId);
            message["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude };
            StoreMessage(chatId, message, fromBot: false);
            return AddUpdate("message", message);
        }
    }

    /// <summary>A voice note (OGG bytes, downloadable through getFile).</summary>
    public long EnqueueVoice(long chatId, long fromId, int durationSeconds = 3)
    {
        lock (_gate)
        {
            RegisterUser(fromId, null, null);
            RegisterChat(chatId, null, null, fromId);
            var bytes = new byte[256 + (durationSeconds * 1000)];
            "OggS"u8.CopyTo(bytes);
            var file = RegisterFile(FileKind.Voice, bytes, null, "audio/ogg");
            var message = NewUserMessage(chatId, fromId);
            message["voice"] = new JsonObject
            {
                ["duration"] = durationSeconds,
                ["mime_type"] = "audio/ogg",
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.UniqueId,
                ["file_size"] = bytes.Length,
            };
            StoreMessage(chatId, message, fromBot: false);
            return AddUpdate("message", message);
        }
    }

    /// <summary>An edited_message update: the user changed the text of their message <paramref name="messageId"/>.</summary>
    public long EnqueueEditedText(long chatId, long fromId, int messageId, string newText)
    {
        lock (_gate)
        {
            RegisterUser(fromId, null, null);
            RegisterChat(chatId, null, null, fromId);
            JsonObject message;
            if (_messages.TryGetValue((chatId, messageId), out var stored) && !stored.FromBot)
            {
                message = stored.Json;
            }
            else
            {
                message = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["from"] = UserJson(fromId),
                    ["chat"] = ChatJson(chatId),
                    ["date"] = UnixNow,
                };
                _messages.TryAdd((chatId, messageId), new StoredMessage(message, FromBot: false));
            }

            message["text"] = newText;
            message["edit_date"] = UnixNow;
            var entities = CommandEntities(newText);
            if (entities.Count > 0)
            {
                message["entities"] = entities;
            }
            else
            {
                message.Remove("entities");
            }

            return AddUpdate("edited_message", (JsonObject)message.DeepClone());
        }
    }

    /// <summary>A post in a channel the bot administers (no "from", sender_chat is the channel).</summary>
    public long EnqueueChannelPost(long chatId, string text)
    {
        lock (_gate)
        {
            RegisterChat(chatId, "channel", null, null);
            var chat = ChatJson(chatId);
            var message = new JsonObject
            {
                ["message_id"] = NextMessageId(chatId),
                ["sender_chat"] = chat.DeepClone(),
                ["chat"] = chat,
                ["date"] = UnixNow,
                ["text"] = text,
            };
            StoreMessage(chatId, message, fromBot: false);
            return AddUpdate("channel_post", message);
        }
    }

    public long EnqueueSticker(long chatId, long fromId)
    {
        lock (_gate)
        {
            RegisterUser(fromId, null, null);
            RegisterChat(chatId, null, null, fromId);
            var bytes = new byte[512];
            "RIFF"u8.CopyTo(bytes);
            "WEBP"u8.CopyTo(bytes.AsSpan(8));
            var file = RegisterFile(FileKind.Sticker, bytes, null, "image/webp");
            var message = NewUserMessage(chatId, fromId);
            message["sticker"] = new JsonObject
            {
                ["width"] = 512,
                ["height"] = 512,
                ["emoji"] = "👍",
                ["set_name"] = "InspectionTestStickers",
                ["is_animated"] = false,
                ["is_video"] = false,
                ["type"] = "regular",
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.UniqueId,
                ["file_size"] = bytes.Length,
            };
            StoreMessage(chatId, message, fromBot: false);
            return AddUpdate("message", message);
        }
    }

    /// <summary>Any other update: the object is copied and given the next update_id.</summary>
    public long EnqueueRaw(JsonObject updateWithoutId)
    {
        ArgumentNullException.ThrowIfNull(updateWithoutId);
        lock (_gate)
        {
            var id = ++_lastUpdateId;
            var update = new JsonObject { ["update_id"] = id };
            foreach (var (key, value) in updateWithoutId)
            {
                if (key != "update_id")
                {
                    update[key] = value?.DeepClone();
                }
            }

            _history[id] = update;
            _pending.Add(id);
            PulseUpdates();
            return id;
        }
    }

    /// <summary>
    /// At-least-once delivery: the next getUpdates returns again every update that is not confirmed yet, even
    /// when that request's offset confirms them.
    /// </summary>
    public void RedeliverAll()
    {
        lock (_gate)
        {
            _redeliver.UnionWith(_pending);
            PulseUpdates();
        }
    }

    /// <summary>Puts an update (typically one already confirmed) back in the queue with the same update_id.</summary>
    public void EnqueueDuplicate(long updateId)
    {
        lock (_gate)
        {
            if (!_history.ContainsKey(updateId))
            {
                throw new ArgumentException($"No update {updateId} was enqueued.", nameof(updateId));
            }

            _redeliver.Add(updateId);
            PulseUpdates();
        }
    }

    /// <summary>While on, every getUpdates is answered 409 Conflict (another instance is polling).</summary>
    public void SimulateConflict(bool on)
    {
        lock (_gate)
        {
            _simulateConflict = on;
            if (on)
            {
                _activePoll?.Terminate();
            }
        }
    }

    // ------------------------------------------------------------------ getUpdates and webhooks

    private async Task<ApiResult> GetUpdatesAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var offset = call.GetLong("offset") ?? 0;
        var limit = (int)Math.Clamp(call.GetLong("limit") ?? 100, 0, 100);
        if (limit == 0)
        {
            limit = 100;
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(0, call.GetLong("timeout") ?? 0));
        var deadline = DateTimeOffset.UtcNow + timeout;
        var poll = new PendingPoll();
        lock (_gate)
        {
            if (_webhookUrl is not null)
            {
                return ApiResult.Error(409, WebhookConflict);
            }

            if (_simulateConflict)
            {
                return ApiResult.Error(409, PollConflict);
            }

            if (call.Fields.ContainsKey("allowed_updates"))
            {
                if (call.GetJson("allowed_updates") is not JsonArray allowed)
                {
                    return ApiResult.BadRequest("can't parse allowed_updates JSON array");
                }

                var names = allowed.Select(n => n?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal);
                _allowedUpdates = names.Count == 0 ? null : names;
            }

            _activePoll?.Terminate();
            _activePoll = poll;
            if (offset < 0)
            {
                ApplyNegativeOffset(-offset);
            }
        }

        try
        {
            while (true)
            {
                Task signal;
                lock (_gate)
                {
                    if (poll.IsTerminated)
                    {
                        return ApiResult.Error(409, PollConflict);
                    }

                    if (offset > 0)
                    {
                        Confirm(offset);
                    }

                    var batch = CollectBatch(limit);
                    if (batch.Count > 0 || DateTimeOffset.UtcNow >= deadline)
                    {
                        return ApiResult.Ok(batch);
                    }

                    signal = _updatesSignal.Task;
                    if (!poll.IsWaiting)
                    {
                        poll.IsWaiting = true;
                        PulseRecords();
                    }
                }

                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    var remaining = deadline - DateTimeOffset.UtcNow;
                    var delay = Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, wait.Token);
                    await Task.WhenAny(signal, poll.Terminated, delay);
                    await wait.CancelAsync();
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == poll)
                {
                    _activePoll = null;
                }
            }
        }
    }

    /// <summary>Drops updates below <paramref name="offset"/> for good. Call under the lock.</summary>
    private void Confirm(long offset)
    {
        _pending.RemoveAll(id => id < offset);
        _confirmedOffset = Math.Max(_confirmedOffset, offset);
    }

    /// <summary>Keeps only the last <paramref name="count"/> pending updates, as a negative offset asks. Call under the lock.</summary>
    private void ApplyNegativeOffset(long count)
    {
        var drop = (int)Math.Max(0, _pending.Count - count);
        if (drop > 0)
        {
            _confirmedOffset = Math.Max(_confirmedOffset, _pending[drop - 1] + 1);
            _pending.RemoveRange(0, drop);
        }
    }

    /// <summary>Next updates to hand out, redeliveries included. Call under the lock.</summary>
    private JsonArray CollectBatch(int limit)
    {
        // Updates of types the bot did not ask for are never delivered: Telegram drops them.
        _pending.RemoveAll(id => !IsAllowed(_history[id]));
        _redeliver.RemoveWhere(id => !IsAllowed(_history[id]));

        var ids = _redeliver.Union(_pending).Order().Take(limit).ToList();
        var batch = new JsonArray();
        foreach (var id in ids)
        {
            _redeliver.Remove(id);
            batch.Add(_history[id].DeepClone());
        }

        return batch;
    }

    private bool IsAllowed(JsonObject update)
    {
        var type = update.Select(p => p.Key).FirstOrDefault(k => k != "update_id") ?? "";
        return _allowedUpdates?.Contains(type) ?? !DefaultExcludedUpdates.Contains(type);
    }

    private long AddUpdate(string type, JsonObject payload)
    {
        var id = ++_lastUpdateId;
        _history[id] = new JsonObject { ["update_id"] = id, [type] = payload };
        _pending.Add(id);
        PulseUpdates();
        return id;
    }

    private void PulseUpdates()
    {
        var old = _updatesSignal;
        _updatesSignal = NewSignal();
        old.TrySetResult();
    }

    private ApiResult SetWebhook(ApiCall call)
    {
        var url = call["url"];
        lock (_gate)
        {
            _webhookUrl = string.IsNullOrEmpty(url) ? null : url;
            if (call["drop_pending_updates"] == "true")
            {
                DropPending();
            }

            _activePoll?.Terminate();
        }

        return ApiResult.Ok(true);
    }

    private ApiResult DeleteWebhook(ApiCall call)
    {
        lock (_gate)
        {
            _webhookUrl = null;
            if (call["drop_pending_updates"] == "true")
            {
                DropPending();
            }
        }

        return ApiResult.Ok(true);
    }

    private ApiResult GetWebhookInfo(ApiCall call)
    {
        _ = call;
        lock (_gate)
        {
            return ApiResult.Ok(new JsonObject
            {
                ["url"] = _webhookUrl ?? "",
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = _pending.Count,
            });
        }
    }

    private void DropPending()
    {
        _pending.Clear();
        _redeliver.Clear();
    }

    // ------------------------------------------------------------------ users and chats

    private void RegisterUser(long userId, string? firstName, string? languageCode)
    {
        if (_users.TryGetValue(userId, out var known))
        {
            _users[userId] = (firstName ?? known.FirstName, languageCode ?? known.LanguageCode);
        }
        else
        {
            _users[userId] = (firstName ?? $"User {userId.ToString(CultureInfo.InvariantCulture)}", languageCode ?? "zh-hans");
        }
    }

    private JsonObject UserJson(long userId)
    {
        var (firstName, languageCode) = _users.TryGetValue(userId, out var known)
            ? known
            : ($"User {userId.ToString(CultureInfo.InvariantCulture)}", null);
        var user = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = firstName };
        if (languageCode is not null)
        {
            user["language_code"] = languageCode;
        }

        return user;
    }

    private JsonObject NewUserMessage(long chatId, long fromId) => new()
    {
        ["message_id"] = NextMessageId(chatId),
        ["from"] = UserJson(fromId),
        ["chat"] = ChatJson(chatId),
        ["date"] = UnixNow,
    };

    private static readonly Regex CommandPattern = new(@"(?<=^|\s)/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?(?=$|\s)", RegexOptions.CultureInvariant);

    private static JsonArray CommandEntities(string text)
    {
        var entities = new JsonArray();
        foreach (Match match in CommandPattern.Matches(text))
        {
            entities.Add(new JsonObject { ["offset"] = match.Index, ["length"] = match.Length, ["type"] = "bot_command" });
        }

        return entities;
    }

    private sealed class PendingPoll
    {
        private readonly TaskCompletionSource _terminated = NewSignal();

        public Task Terminated => _terminated.Task;

        public bool IsTerminated => _terminated.Task.IsCompleted;

        /// <summary>Set once the request is held open waiting for updates.</summary>
        public bool IsWaiting { get; set; }

        public void Terminate() => _terminated.TrySetResult();
    }

    private static byte[] DefaultJpeg()
    {
        // A real 1x1-style JPEG is not needed: SOI, an APP0 marker, an SOF0 with 1280x960, EOI.
        var bytes = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 };
        bytes.AddRange(Encoding.ASCII.GetBytes("JFIF\0"));
        bytes.AddRange(new byte[] { 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00 });
        bytes.AddRange(new byte[] { 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x03, 0xC0, 0x05, 0x00, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01 });
        bytes.AddRange(new byte[2048]);
        bytes.AddRange(new byte[] { 0xFF, 0xD9 });
        return [.. bytes];
    }
}
