using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Assistant.Tests.Fakes;

/// <summary>
/// Proves the fake answers like the Bot API by driving it with the real <see cref="TelegramBotClient"/>.
/// Each test gets its own server on a free port.
/// </summary>
public sealed class FakeBotApiTests : IAsyncLifetime
{
    private const long UserId = 1001;
    private const long GroupId = -1_001_234_567_890;

    private readonly HttpClient _http = new();
    private FakeBotApi _api = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _bot = NewClient(_api.Token, _http);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _http.Dispose();
    }

    /// <summary>RetryThreshold 0: the client must not swallow 429 answers by retrying on its own.</summary>
    private TelegramBotClient NewClient(string token, HttpClient http) =>
        new(new TelegramBotClientOptions(token, _api.BaseUrl) { RetryThreshold = 0 }, http);

    private static InlineKeyboardMarkup Keyboard(params (string Text, string Data)[] buttons) =>
        new(buttons.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data)));

    // ------------------------------------------------------------------ basics

    [Fact]
    public async Task GetMe_ReturnsTheTestBot()
    {
        var me = await _bot.GetMe();

        Assert.Equal(7000001, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("inspection_test_bot", me.Username);
        Assert.Equal("Inspection Test Bot", me.FirstName);
        Assert.True(me.CanJoinGroups);
        Assert.Equal(_api.Bot.Id, me.Id);
        Assert.StartsWith("http://127.0.0.1:", _api.BaseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_HtmlWithInlineKeyboard_RoundTrips()
    {
        var before = DateTime.UtcNow;
        var message = await _bot.SendMessage(
            UserId,
            "<b>Site A</b> &amp; <i>roof</i> &lt;ok&gt;",
            ParseMode.Html,
            replyMarkup: Keyboard(("Approve", "insp:1:ok"), ("Reject", "insp:1:no")));
        var after = DateTime.UtcNow;

        // Date is Unix seconds from the real clock: whole seconds, between the two readings.
        Assert.Equal(DateTimeKind.Utc, message.Date.Kind);
        Assert.Equal(0, message.Date.Ticks % TimeSpan.TicksPerSecond);
        Assert.InRange(message.Date, before.AddTicks(-(before.Ticks % TimeSpan.TicksPerSecond)), after);
        Assert.Equal(UserId, message.Chat.Id);
        Assert.Equal(ChatType.Private, message.Chat.Type);
        Assert.Equal(_api.Bot.Id, message.From!.Id);
        Assert.Equal(1, message.Id);

        // Telegram answers with the rendered text and entities, and echoes the inline keyboard.
        Assert.Equal("Site A & roof <ok>", message.Text);
        Assert.Collection(
            message.Entities!,
            e => Assert.Equal((MessageEntityType.Bold, 0, 6), (e.Type, e.Offset, e.Length)),
            e => Assert.Equal((MessageEntityType.Italic, 9, 4), (e.Type, e.Offset, e.Length)));
        var buttons = message.ReplyMarkup!.InlineKeyboard.Single().ToArray();
        Assert.Equal(["insp:1:ok", "insp:1:no"], buttons.Select(b => b.CallbackData));

        var sent = Assert.Single(_api.Sent);
        Assert.Equal("<b>Site A</b> &amp; <i>roof</i> &lt;ok&gt;", sent.Text);
        Assert.Equal("Site A & roof <ok>", sent.PlainText);
        Assert.Equal("html", sent.ParseMode, ignoreCase: true);
        Assert.Equal([new InlineButton("Approve", "insp:1:ok", null), new InlineButton("Reject", "insp:1:no", null)], sent.InlineKeyboard!.Single());
        Assert.False(sent.IsEdit);

        var call = await _api.WaitForCallAsync("sendMessage");
        Assert.Equal(RequestBodyKind.Json, call.BodyKind);
        Assert.Equal(200, call.StatusCode);

        var second = await _bot.SendMessage(UserId, "next");
        Assert.Equal(2, second.Id);
    }

    // ------------------------------------------------------------------ updates

    [Fact]
    public async Task GetUpdates_ReturnsEnqueuedUpdatesAsTelegramBotTypes()
    {
        var keyboardMessage = await _bot.SendMessage(UserId, "Pick one", replyMarkup: Keyboard(("A", "pick:a")));
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 fake");

        var textId = _api.EnqueueText(GroupId, UserId, "/start@inspection_test_bot now", "supergroup", "Li Wei", "zh-hans", "Inspectors");
        var callbackId = _api.EnqueueCallback(UserId, UserId, keyboardMessage.Id, "pick:a");
        var photoId = _api.EnqueuePhoto(UserId, UserId, caption: "crack in wall");
        var documentId = _api.EnqueueDocument(UserId, UserId, "plan.pdf", pdf, "application/pdf", "floor plan");
        var locationId = _api.EnqueueLocation(UserId, UserId, 31.2304, 121.4737);
        var voiceId = _api.EnqueueVoice(UserId, UserId, durationSeconds: 7);

        var updates = await _bot.GetUpdates();

        Assert.Equal([textId, callbackId, photoId, documentId, locationId, voiceId], updates.Select(u => (long)u.Id));
        Assert.Equal([1L, 2, 3, 4, 5, 6], updates.Select(u => (long)u.Id));

        var text = updates[0].Message!;
        Assert.Equal(UpdateType.Message, updates[0].Type);
        Assert.Equal("/start@inspection_test_bot now", text.Text);
        Assert.Equal((GroupId, ChatType.Supergroup, "Inspectors"), (text.Chat.Id, text.Chat.Type, text.Chat.Title));
        Assert.Equal((UserId, false, "Li Wei", "zh-hans"), (text.From!.Id, text.From.IsBot, text.From.FirstName, text.From.LanguageCode));
        var command = Assert.Single(text.Entities!);
        Assert.Equal((MessageEntityType.BotCommand, 0, 26), (command.Type, command.Offset, command.Length));

        var callback = updates[1].CallbackQuery!;
        Assert.Equal(UpdateType.CallbackQuery, updates[1].Type);
        Assert.Equal("pick:a", callback.Data);
        Assert.Equal(UserId, callback.From.Id);
        Assert.False(string.IsNullOrEmpty(callback.Id));
        Assert.False(string.IsNullOrEmpty(callback.ChatInstance));
        Assert.Equal(keyboardMessage.Id, callback.Message!.Id);
        Assert.Equal("Pick one", callback.Message.Text);
        Assert.Equal(_api.Bot.Id, callback.Message.From!.Id);

        var photo = updates[2].Message!;
        Assert.Equal(MessageType.Photo, photo.Type);
        Assert.Equal("crack in wall", photo.Caption);
        Assert.Equal(3, photo.Photo!.Length);
        Assert.Equal(1280, photo.Photo[^1].Width);
        Assert.Equal(3, photo.Photo.Select(p => p.FileId).Distinct().Count());

        var document = updates[3].Message!.Document!;
        Assert.Equal(("plan.pdf", "application/pdf", (long?)pdf.Length), (document.FileName, document.MimeType, document.FileSize));
        Assert.Equal("floor plan", updates[3].Message!.Caption);

        var location = updates[4].Message!.Location!;
        Assert.Equal((31.2304, 121.4737), (location.Latitude, location.Longitude));

        var voice = updates[5].Message!.Voice!;
        Assert.Equal((7, "audio/ogg"), (voice.Duration, voice.MimeType));

        // Message ids are per chat and shared by user and bot messages.
        Assert.Equal(keyboardMessage.Id + 1, photo.Id);
        Assert.Equal(1, text.Id);
    }

    [Fact]
    public async Task GetUpdates_ParsesEditedMessagesChannelPostsStickersAndRawUpdates()
    {
        var original = _api.EnqueueText(UserId, UserId, "roof ok");
        var messageId = (int)_api.GetUpdate(original)["message"]!["message_id"]!;
        _api.EnqueueEditedText(UserId, UserId, messageId, "roof damaged");
        _api.EnqueueChannelPost(-1_009_999_999_999, "announcement");
        _api.EnqueueSticker(UserId, UserId);
        _api.EnqueueRaw(new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = new JsonObject { ["id"] = UserId, ["type"] = "private", ["first_name"] = "Li" },
                ["from"] = new JsonObject { ["id"] = UserId, ["is_bot"] = false, ["first_name"] = "Li" },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = new JsonObject { ["id"] = 7000001, ["is_bot"] = true, ["first_name"] = "Bot" } },
                ["new_chat_member"] = new JsonObject { ["status"] = "kicked", ["until_date"] = 0, ["user"] = new JsonObject { ["id"] = 7000001, ["is_bot"] = true, ["first_name"] = "Bot" } },
            },
        });

        var updates = await _bot.GetUpdates();

        Assert.Equal([UpdateType.Message, UpdateType.EditedMessage, UpdateType.ChannelPost, UpdateType.Message, UpdateType.MyChatMember], updates.Select(u => u.Type));
        Assert.Equal("roof ok", updates[0].Message!.Text);
        Assert.Equal((messageId, "roof damaged"), (updates[1].EditedMessage!.Id, updates[1].EditedMessage!.Text));
        Assert.NotNull(updates[1].EditedMessage!.EditDate);
        Assert.Equal((ChatType.Channel, "announcement"), (updates[2].ChannelPost!.Chat.Type, updates[2].ChannelPost!.Text));
        Assert.Null(updates[2].ChannelPost!.From);
        Assert.Equal(MessageType.Sticker, updates[3].Message!.Type);
        Assert.Equal(ChatMemberStatus.Kicked, updates[4].MyChatMember!.NewChatMember.Status);
        Assert.Equal(5, updates[4].Id);
    }

    [Fact]
    public async Task GetUpdates_OffsetConfirmsAndDropsUpdatesForGood()
    {
        for (var i = 1; i <= 3; i++)
        {
            _api.EnqueueText(UserId, UserId, $"m{i}");
        }

        Assert.Equal(3, (await _bot.GetUpdates()).Length);
        Assert.Equal(3, (await _bot.GetUpdates()).Length); // not confirmed yet: delivered again
        Assert.Equal(0, _api.ConfirmedOffset);

        var rest = await _bot.GetUpdates(offset: 2);
        Assert.Equal([2, 3], rest.Select(u => u.Id));
        Assert.Equal(2, _api.ConfirmedOffset);

        Assert.Empty(await _bot.GetUpdates(offset: 4));
        Assert.Empty(await _bot.GetUpdates()); // confirmed updates never come back
        Assert.Equal(4, _api.ConfirmedOffset);

        // limit, and a negative offset keeps only the newest updates.
        for (var i = 4; i <= 6; i++)
        {
            _api.EnqueueText(UserId, UserId, $"m{i}");
        }

        Assert.Equal([4], (await _bot.GetUpdates(limit: 1)).Select(u => u.Id));
        Assert.Equal([6], (await _bot.GetUpdates(offset: -1)).Select(u => u.Id));
        Assert.Equal([6], (await _bot.GetUpdates()).Select(u => u.Id));
    }

    [Fact]
    public async Task GetUpdates_AllowedUpdatesDropsOtherTypes()
    {
        _api.EnqueueText(UserId, UserId, "hello");
        _api.EnqueueCallback(UserId, UserId, 1, "x");

        var updates = await _bot.GetUpdates(allowedUpdates: [UpdateType.Message]);
        Assert.Equal([UpdateType.Message], updates.Select(u => u.Type));

        // The setting sticks until changed, as on the real server.
        _api.EnqueueCallback(UserId, UserId, 1, "y");
        Assert.Equal([UpdateType.Message], (await _bot.GetUpdates()).Select(u => u.Type));
    }

    [Fact]
    public async Task LongPoll_ReturnsPromptlyWhenAnUpdateIsEnqueuedMidPoll()
    {
        var clock = Stopwatch.StartNew();
        var poll = _bot.GetUpdates(timeout: 20);
        await _api.WaitUntilPollingAsync();
        await Task.Delay(100);
        Assert.False(poll.IsCompleted, "the long poll should be held while there is nothing to deliver");

        _api.EnqueueText(UserId, UserId, "ping");
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("ping", Assert.Single(updates).Message!.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}, as if the 20 s poll ran out");
    }

    [Fact]
    public async Task LongPoll_ReturnsEmptyArrayWhenTheTimeoutExpires()
    {
        var clock = Stopwatch.StartNew();
        var updates = await _bot.GetUpdates(timeout: 1);

        Assert.Empty(updates);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task SecondPoller_TerminatesThePendingPollWith409()
    {
        var first = _bot.GetUpdates(timeout: 20);
        await _api.WaitUntilPollingAsync();

        using var otherHttp = new HttpClient();
        var second = NewClient(_api.Token, otherHttp).GetUpdates(timeout: 20);

        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => first.WaitAsync(TimeSpan.FromSeconds(3)));
        Assert.Equal(409, conflict.ErrorCode);
        Assert.Equal("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", conflict.Message);

        // The newer poll keeps going and gets the next update.
        _api.EnqueueText(UserId, UserId, "for the survivor");
        Assert.Single(await second.WaitAsync(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task SimulateConflict_AnswersEveryGetUpdatesWith409()
    {
        _api.SimulateConflict(true);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetUpdates());
        Assert.Equal(409, error.ErrorCode);

        _api.SimulateConflict(false);
        Assert.Empty(await _bot.GetUpdates());
    }

    [Fact]
    public async Task RedeliverAll_And_EnqueueDuplicate_DeliverUpdatesAgainWithTheSameIds()
    {
        _api.EnqueueText(UserId, UserId, "one");
        _api.EnqueueText(UserId, UserId, "two");
        Assert.Equal([1, 2], (await _bot.GetUpdates()).Select(u => u.Id));

        // The bot crashed before confirming: the next request confirms 1-2, yet gets them again.
        _api.RedeliverAll();
        Assert.Equal([1, 2], (await _bot.GetUpdates(offset: 3)).Select(u => u.Id));
        Assert.Empty(await _bot.GetUpdates(offset: 3));

        _api.EnqueueDuplicate(1);
        var duplicate = Assert.Single(await _bot.GetUpdates(offset: 3));
        Assert.Equal((1, "one"), (duplicate.Id, duplicate.Message!.Text));
        Assert.Empty(await _bot.GetUpdates(offset: 3));
    }

    [Fact]
    public async Task RealPollingReceiver_GetsUpdatesAndRepliesReachSent()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        _api.EnqueueText(UserId, UserId, "stale, dropped on start");

        _bot.StartReceiving(
            async (bot, update, ct) =>
            {
                if (update.Message is { Text: { } text } message)
                {
                    await bot.SendMessage(message.Chat, "echo: " + text, cancellationToken: ct);
                }
            },
            (_, _, _) => Task.CompletedTask,
            new ReceiverOptions { DropPendingUpdates = true, AllowedUpdates = [UpdateType.Message] },
            cts.Token);
        await _api.WaitUntilPollingAsync();

        _api.EnqueueText(UserId, UserId, "hello bot");
        var reply = await _api.WaitForSentAsync(m => m.Text == "echo: hello bot");
        await _api.WaitForCallAsync("getUpdates", c => c.GetLong("offset") == 3);
        await cts.CancelAsync();

        Assert.Equal(UserId, reply.ChatId);
        Assert.Single(_api.Sent);
        Assert.Equal("-1", _api.Calls.First(c => c.Method == "getUpdates")["offset"]); // how the client drops pending updates
        Assert.Equal(3, _api.ConfirmedOffset);
    }

    // ------------------------------------------------------------------ faults

    [Fact]
    public async Task TooManyRequests_SurfacesRetryAfterWhenTheClientDoesNotRetry()
    {
        _api.FailNext("sendMessage", 1, 429, "Too Many Requests: retry after 7", retryAfter: 7);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(UserId, "hi"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(7, error.Parameters?.RetryAfter);
        Assert.Empty(_api.Sent); // a rejected call is not carried out
        await _bot.SendMessage(UserId, "hi");
        Assert.Single(_api.Sent);
        Assert.Equal([429, 200], _api.Calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedByTheClientItselfWithDefaultOptions()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_api.Token, _api.BaseUrl), _http);
        _api.FailNext("sendMessage", 1, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        var clock = Stopwatch.StartNew();

        await bot.SendMessage(UserId, "hi");

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"took {clock.Elapsed}");
        Assert.Equal([429, 200], _api.Calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task ServerErrors_SurfaceAsApiRequestExceptionOrRequestExceptionDependingOnTheBody()
    {
        _api.FailNext("getMe", 1, 500, "Internal Server Error");
        var withEnvelope = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetMe());
        Assert.Equal((500, "Internal Server Error"), (withEnvelope.ErrorCode, withEnvelope.Message));

        // A proxy's HTML error page has no Bot API envelope: plain RequestException with the HTTP status.
        _api.FailNextRaw("getMe", 1, 502, "<html><body>502 Bad Gateway</body></html>");
        var withoutEnvelope = await Assert.ThrowsAsync<RequestException>(() => _bot.GetMe());
        Assert.IsNotType<ApiRequestException>(withoutEnvelope);
        Assert.Equal(HttpStatusCode.BadGateway, withoutEnvelope.HttpStatusCode);

        Assert.Equal("inspection_test_bot", (await _bot.GetMe()).Username);
    }

    [Fact]
    public async Task SlowAnswer_PastTheClientTimeout_SurfacesAsRequestExceptionButIsStillCarriedOut()
    {
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var bot = NewClient(_api.Token, impatient);
        _api.DelayNext("sendMessage", 1, TimeSpan.FromMilliseconds(800));

        var error = await Assert.ThrowsAsync<RequestException>(() => bot.SendMessage(UserId, "slow"));

        Assert.IsNotType<ApiRequestException>(error);
        Assert.IsType<TaskCanceledException>(error.InnerException);
        var sent = await _api.WaitForSentAsync(m => m.Text == "slow", TimeSpan.FromSeconds(3));
        Assert.Equal(UserId, sent.ChatId);
    }

    [Fact]
    public async Task GoDown_RefusesConnections_ComeBack_ServesAgainOnTheSamePort()
    {
        Assert.NotNull(await _bot.GetMe());
        var port = _api.Port;

        await _api.GoDownAsync();
        var error = await Assert.ThrowsAsync<RequestException>(() => _bot.GetMe());
        var http = Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(http.InnerException).SocketErrorCode);
        Assert.False(_api.IsUp);

        await _api.ComeBackAsync();
        Assert.Equal(port, _api.Port);
        Assert.Equal("inspection_test_bot", (await _bot.GetMe()).Username);
    }

    [Fact]
    public async Task GoDown_DropsAPendingLongPoll()
    {
        var poll = _bot.GetUpdates(timeout: 20);
        await _api.WaitUntilPollingAsync();

        var clock = Stopwatch.StartNew();
        await _api.GoDownAsync();

        // The held request is dropped at once, not left to the host's shutdown timeout.
        var error = await Assert.ThrowsAsync<RequestException>(() => poll.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsNotType<ApiRequestException>(error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}, as if the 20 s poll were held to its end");
    }

    [Fact]
    public async Task WrongToken_Gets401()
    {
        var intruder = NewClient("7000001:AAWrongTokenForTests_0123456789abcdefg", _http);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => intruder.GetMe());

        Assert.Equal((401, "Unauthorized"), (error.ErrorCode, error.Message));
        Assert.False(Assert.Single(_api.Calls).Authorized);
    }

    [Fact]
    public async Task BlockedAndUnknownChats_AreRefusedLikeTelegram()
    {
        _api.MarkBlocked(UserId);
        _api.MarkChatUnknown(404);

        var blocked = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(UserId, "hi"));
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(404, "hi"));

        Assert.Equal((403, "Forbidden: bot was blocked by the user"), (blocked.ErrorCode, blocked.Message));
        Assert.Equal((400, "Bad Request: chat not found"), (unknown.ErrorCode, unknown.Message));
        _api.ClearChatMarks(UserId);
        await _bot.SendMessage(UserId, "hi again");
    }

    // ------------------------------------------------------------------ validation

    [Theory]
    [InlineData("<b>open", "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("line<br>break", "Bad Request: can't parse entities: Unsupported start tag \"br\" at byte offset 4")]
    [InlineData("<b><i>x</b></i>", "Bad Request: can't parse entities: Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("x</b>", "Bad Request: can't parse entities: Unexpected end tag at byte offset 1")]
    [InlineData("<span>x</span>", "Bad Request: can't parse entities: Tag \"span\" must have class \"tg-spoiler\" at byte offset 0")]
    [InlineData("检查 < 5", "Bad Request: can't parse entities: Unsupported start tag \"\" at byte offset 7")]
    [InlineData("Tom & Jerry", "Bad Request: can't parse entities: Unsupported HTML entity at byte offset 4")]
    [InlineData("&nbsp;", "Bad Request: can't parse entities: Unsupported HTML entity at byte offset 0")]
    public async Task BadHtml_IsRejectedWith400(string html, string expected)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(UserId, html, ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(_api.Sent);
    }

    [Theory]
    [InlineData("<strong>a</strong><em>b</em><ins>c</ins><strike>d</strike><del>e</del><tg-spoiler>f</tg-spoiler>", "abcdef")]
    [InlineData("<span class=\"tg-spoiler\">s</span> <a href=\"https://example.org/?a=1&amp;b=2\">link</a>", "s link")]
    [InlineData("<pre><code class=\"language-csharp\">var x = 1 &lt; 2;</code></pre>", "var x = 1 < 2;")]
    [InlineData("<blockquote expandable>q</blockquote> &#39;&#x4F60;&quot; Tom &amp; Jerry", "q '你\" Tom & Jerry")]
    [InlineData("plain <u>text</u> with\nnewline", "plain text with\nnewline")]
    public async Task GoodHtml_IsAcceptedAndRendered(string html, string rendered)
    {
        var message = await _bot.SendMessage(UserId, html, ParseMode.Html);

        Assert.Equal(rendered, message.Text);
        Assert.Equal(rendered, _api.Sent.Single().PlainText);
    }

    [Fact]
    public async Task CallbackData_IsLimitedTo64Bytes()
    {
        var ascii65 = new string('x', 65);
        var chinese22 = new string('检', 22); // 22 characters but 66 UTF-8 bytes

        var tooLong = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(UserId, "pick", replyMarkup: Keyboard(("A", ascii65))));
        var tooManyBytes = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(UserId, "pick", replyMarkup: Keyboard(("A", chinese22))));

        Assert.Equal((400, "Bad Request: BUTTON_DATA_INVALID"), (tooLong.ErrorCode, tooLong.Message));
        Assert.Equal((400, "Bad Request: BUTTON_DATA_INVALID"), (tooManyBytes.ErrorCode, tooManyBytes.Message));
        await _bot.SendMessage(UserId, "pick", replyMarkup: Keyboard(("A", new string('x', 64)), ("B", new string('检', 21))));
    }

    [Fact]
    public async Task TextLength_IsCheckedAfterParsingAndEmptyTextIsRejected()
    {
        var tooLong = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(UserId, new string('a', 4097)));
        Assert.Equal((400, "Bad Request: message is too long"), (tooLong.ErrorCode, tooLong.Message));

        // 4096 characters once the tags are gone: fine.
        await _bot.SendMessage(UserId, "<b>" + new string('a', 4096) + "</b>", ParseMode.Html);

        var empty = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(UserId, "<b> </b>", ParseMode.Html));
        Assert.Equal((400, "Bad Request: message text is empty"), (empty.ErrorCode, empty.Message));

        using var stream = new MemoryStream([1, 2, 3]);
        var caption = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _bot.SendDocument(UserId, InputFile.FromStream(stream, "a.txt"), caption: new string('c', 1025)));
        Assert.Equal((400, "Bad Request: message caption is too long"), (caption.ErrorCode, caption.Message));
    }

    [Fact]
    public async Task EditMessage_WithIdenticalContent_IsNotModified()
    {
        var keyboard = Keyboard(("Done", "done"));
        var message = await _bot.SendMessage(UserId, "<b>Step 1</b>", ParseMode.Html, replyMarkup: keyboard);

        var same = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _bot.EditMessageText(UserId, message.Id, "<b>Step 1</b>", ParseMode.Html, replyMarkup: keyboard));
        Assert.Equal(
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
            same.Message);

        var sameMarkup = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageReplyMarkup(UserId, message.Id, keyboard));
        Assert.Equal(400, sameMarkup.ErrorCode);

        // Dropping the formatting is a change; omitting reply_markup removes the keyboard.
        var edited = await _bot.EditMessageText(UserId, message.Id, "Step 1");
        Assert.Equal("Step 1", edited.Text);
        Assert.Null(edited.ReplyMarkup);
        Assert.NotNull(edited.EditDate);
        var edit = _api.Sent[^1];
        Assert.True(edit.IsEdit);
        Assert.Equal(message.Id, edit.MessageId);
        Assert.Null(edit.InlineKeyboard);

        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(UserId, 999, "x"));
        Assert.Equal("Bad Request: message to edit not found", missing.Message);
    }

    // ------------------------------------------------------------------ files

    [Fact]
    public async Task SendDocument_GetFile_And_DownloadFile_RoundTrip()
    {
        var content = Encoding.UTF8.GetBytes("%PDF-1.7 inspection report 检查报告");
        await using (var upload = new MemoryStream(content))
        {
            var message = await _bot.SendDocument(UserId, InputFile.FromStream(upload, "report.pdf"), caption: "<b>Report</b>", parseMode: ParseMode.Html);

            Assert.Equal(("report.pdf", "application/pdf", (long?)content.Length), (message.Document!.FileName, message.Document.MimeType, message.Document.FileSize));
            Assert.Equal("Report", message.Caption);
            var sent = _api.Sent.Single();
            Assert.Equal("sendDocument", sent.Method);
            Assert.Equal(content, sent.Document!.Content);
            Assert.Equal(message.Document.FileId, sent.Document.FileId);
            Assert.Equal(RequestBodyKind.Multipart, _api.Calls[^1].BodyKind);

            var file = await _bot.GetFile(message.Document.FileId);
            Assert.Equal((long?)content.Length, file.FileSize);
            await using var downloaded = new MemoryStream();
            await _bot.DownloadFile(file.FilePath!, downloaded);
            Assert.Equal(content, downloaded.ToArray());

            // Re-sending by file_id reuses the stored file.
            var again = await _bot.SendDocument(404_404, InputFile.FromFileId(message.Document.FileId));
            Assert.Equal(message.Document.FileId, again.Document!.FileId);
        }

        // Files users send are downloadable too.
        var updateId = _api.EnqueueVoice(UserId, UserId, 2);
        var voice = (await _bot.GetUpdates()).Single(u => u.Id == updateId).Message!.Voice!;
        await using var voiceBytes = new MemoryStream();
        await _bot.GetInfoAndDownloadFile(voice.FileId, voiceBytes);
        Assert.Equal(voice.FileSize, (long?)voiceBytes.Length);

        var invalid = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetFile("nope"));
        Assert.Equal("Bad Request: invalid file_id", invalid.Message);
        _api.MarkFileTooBig(voice.FileId);
        var tooBig = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetFile(voice.FileId));
        Assert.Equal("Bad Request: file is too big", tooBig.Message);
    }

    [Fact]
    public async Task SendPhoto_ReadsTheImageSizeAndRejectsNonImages()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x03, 0x20, 0, 0, 0x02, 0x58, 8, 2, 0, 0, 0];
        await using var image = new MemoryStream(png);

        var message = await _bot.SendPhoto(UserId, InputFile.FromStream(image, "chart.png"), caption: "chart");

        Assert.Equal([(90, 68), (320, 240), (800, 600)], message.Photo!.Select(p => (p.Width, p.Height)));
        Assert.Equal("chart.png", _api.Sent.Single().Document!.FileName);

        await using var notImage = new MemoryStream(Encoding.ASCII.GetBytes("not an image"));
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendPhoto(UserId, InputFile.FromStream(notImage, "x.png")));
        Assert.Equal("Bad Request: IMAGE_PROCESS_FAILED", error.Message);
    }

    // ------------------------------------------------------------------ raw HTTP shapes and helpers

    [Fact]
    public async Task RawHttp_AcceptsQueryFormAndJsonParameters_MethodNamesAreCaseInsensitive_UnknownIs404()
    {
        var root = $"{_api.BaseUrl}/bot{_api.Token}";

        using var get = await _http.GetAsync(new Uri($"{root}/GETME"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);

        using var query = await _http.PostAsync(new Uri($"{root}/sendMessage?chat_id=5&text=from%20query"), null);
        using var form = await _http.PostAsync(new Uri($"{root}/sendmessage"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "5",
            ["text"] = "from form",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Go","callback_data":"go"}]]}""",
        }));
        using var json = await _http.PostAsJsonAsync(new Uri($"{root}/sendMessage"), new { chat_id = 5, text = "from json" });
        Assert.All([query, form, json], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(["from query", "from form", "from json"], _api.Sent.Select(m => m.Text));
        Assert.Equal("go", _api.Sent[1].Buttons.Single().CallbackData);
        Assert.Equal([RequestBodyKind.None, RequestBodyKind.None, RequestBodyKind.Form, RequestBodyKind.Json], _api.Calls.Select(c => c.BodyKind));
        Assert.All(_api.Calls.Skip(1), c => Assert.Equal("sendMessage", c.Method));

        using var unknown = await _http.PostAsync(new Uri($"{root}/sendTelepathy"), null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var body = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found"}""", body.ToJsonString());

        using var wrongToken = await _http.PostAsync(new Uri($"{_api.BaseUrl}/bot1:nope/getMe"), null);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", JsonNode.Parse(await wrongToken.Content.ReadAsStringAsync())!.ToJsonString());
    }

    [Fact]
    public async Task WaitForSent_WaitsForLaterMessages_AndTimesOutWithADump()
    {
        await _bot.SendMessage(UserId, "first");
        var later = Task.Run(async () =>
        {
            await Task.Delay(150);
            await _bot.SendMessage(UserId, "second");
        });

        var second = await _api.WaitForSentAsync(m => m.Text == "second");
        await later;
        Assert.Equal(2, second.MessageId);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => _api.WaitForSentAsync(m => m.Text == "never", TimeSpan.FromMilliseconds(200)));
        Assert.Contains("first", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("second", timeout.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => _api.WaitForCallAsync("deleteMessage", timeout: TimeSpan.FromMilliseconds(100)));

        _api.Reset();
        Assert.Empty(_api.Sent);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task MessageRecorded_SeesEachSend_And_Forget_KeepsOnlyTheNewestMessagesOfAChat()
    {
        var seen = new List<int>();
        _api.MessageRecorded += m => seen.Add(m.MessageId);
        for (var i = 0; i < 5; i++)
        {
            await _bot.SendMessage(UserId, $"message {i}", replyMarkup: Keyboard(("Next", "next")));
        }

        var document = await _bot.SendDocument(UserId, InputFile.FromStream(new MemoryStream("old"u8.ToArray()), "old.txt"));
        await _bot.SendMessage(UserId, "newest");

        var calls = _api.Forget(keepMessagesPerChat: 1);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], seen);
        Assert.Equal(7, calls.Count);
        Assert.Empty(_api.Calls);
        Assert.Empty(_api.Sent);
        Assert.Null(_api.GetMessage(UserId, 6));
        Assert.NotNull(_api.GetMessage(UserId, 7));
        await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetFile(document.Document!.FileId));
        _api.EnqueueCallback(UserId, UserId, 1, "next");
        var update = Assert.Single(await _bot.GetUpdates());
        Assert.Equal(default, update.CallbackQuery!.Message!.Date); // an inaccessible message: date 0
    }

    [Fact]
    public async Task SimpleMethods_AnswerTrue()
    {
        await _bot.DeleteWebhook(dropPendingUpdates: true);
        await _bot.SetMyCommands([new BotCommand("start", "Start"), new BotCommand("report", "Daily report")]);
        Assert.Equal(["start", "report"], (await _bot.GetMyCommands()).Select(c => c.Command));
        await _bot.DeleteMyCommands();
        Assert.Empty(await _bot.GetMyCommands());
        await _bot.AnswerCallbackQuery("no-such-query", "ok");
        await _bot.SendChatAction(UserId, ChatAction.Typing);

        var invalid = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SetMyCommands([new BotCommand("Start", "Start")]));
        Assert.Equal("Bad Request: BOT_COMMAND_INVALID", invalid.Message);
        Assert.Equal(
            ["deleteWebhook", "setMyCommands", "getMyCommands", "deleteMyCommands", "getMyCommands", "answerCallbackQuery", "sendChatAction", "setMyCommands"],
            _api.Calls.Select(c => c.Method));
    }
}
