using Assistant.Tests.Fakes;

namespace Assistant.Tests.Support;

/// <summary>
/// A person in a private chat with the bot through the fake Bot API: types, presses buttons of the
/// message that shows them now (edits applied: a flow's card is edited in place), and waits for what
/// the bot shows next (a new message, or a message whose text it edited). Works against any assistant
/// that polls the fake (in-process or a separate process).
/// </summary>
public sealed class TelegramUser(FakeBotApi api, long userId, TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(15);

    public long Id => userId;

    /// <summary>The id of the newest message the bot sent to this chat (0 before any).</summary>
    public int LastMessageId => api.Sent.Where(m => m.ChatId == userId && !m.IsEdit).Select(m => m.MessageId).DefaultIfEmpty(0).Max();

    /// <summary>Sends text and waits for what the bot shows next (a new message or an edited text).</summary>
    public async Task<SentMessage> SayAsync(string text)
    {
        var seen = Seen();
        api.EnqueueText(userId, userId, text);
        return await NextAsync(seen);
    }

    /// <summary>
    /// Presses a button (exact label, else the first label containing it) of the newest message that shows it
    /// now, and waits for what the bot shows next (a new message or an edited text).
    /// </summary>
    public async Task<SentMessage> PressAsync(string label)
    {
        await Eventually.TrueAsync(() => Showing(label) is not null, $"a message in chat {userId} with a button '{label}'", _timeout, api.Dump);
        var message = Showing(label)!;
        var button = message.Buttons.FirstOrDefault(b => b.Text == label) ?? message.Buttons.First(b => b.Text.Contains(label, StringComparison.Ordinal));
        var seen = Seen();
        api.EnqueueCallback(userId, userId, message.MessageId, button.CallbackData!);
        return await NextAsync(seen);
    }

    /// <summary>Waits for a new message with an id above <paramref name="messageId"/>.</summary>
    public Task<SentMessage> NextAfterAsync(int messageId) =>
        api.WaitForSentAsync(m => m.ChatId == userId && !m.IsEdit && m.MessageId > messageId, _timeout);

    /// <summary>Plain text of everything the bot showed this chat: every message sent and every text it edited into one, in order.</summary>
    public IReadOnlyList<string> Received => [.. api.Sent.Where(m => m.ChatId == userId && ShowsText(m)).Select(m => m.PlainText ?? "")];

    /// <summary>The chat as the person sees it now (see <see cref="FakeBotApi.Current"/>).</summary>
    public IReadOnlyList<SentMessage> Current => api.Current(userId);

    private SentMessage? Showing(string label) => api.Current(userId).LastOrDefault(m => HasButton(m, label));

    private HashSet<SentMessage> Seen() => new(api.Sent.Where(m => m.ChatId == userId), ReferenceEqualityComparer.Instance);

    private Task<SentMessage> NextAsync(HashSet<SentMessage> seen) =>
        api.WaitForSentAsync(m => m.ChatId == userId && ShowsText(m) && !seen.Contains(m), _timeout);

    /// <summary>A message sent, or an edit of its text (not only of its buttons).</summary>
    private static bool ShowsText(SentMessage m) => m.Method != "editMessageReplyMarkup";

    private static bool HasButton(SentMessage m, string label) =>
        m.Buttons.Any(b => b.Text == label || b.Text.Contains(label, StringComparison.Ordinal));
}
