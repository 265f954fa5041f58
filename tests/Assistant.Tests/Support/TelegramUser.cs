using Assistant.Tests.Fakes;

namespace Assistant.Tests.Support;

/// <summary>
/// A person in a private chat with the bot through the fake Bot API: types, presses buttons of the
/// newest message that has them, and waits for the bot's next reply. Works against any assistant
/// that polls the fake (in-process or a separate process).
/// </summary>
public sealed class TelegramUser(FakeBotApi api, long userId, TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(15);

    public long Id => userId;

    /// <summary>The id of the newest message the bot sent to this chat (0 before any).</summary>
    public int LastMessageId => api.Sent.Where(m => m.ChatId == userId && !m.IsEdit).Select(m => m.MessageId).DefaultIfEmpty(0).Max();

    /// <summary>Sends text and waits for a new message from the bot.</summary>
    public async Task<SentMessage> SayAsync(string text)
    {
        var before = LastMessageId;
        api.EnqueueText(userId, userId, text);
        return await NextAfterAsync(before);
    }

    /// <summary>Presses a button (exact label, else the first label containing it) of the newest message that has it.</summary>
    public async Task<SentMessage> PressAsync(string label)
    {
        await api.WaitForSentAsync(m => m.ChatId == userId && !m.IsEdit && HasButton(m, label), _timeout);
        var message = api.Sent.Last(m => m.ChatId == userId && !m.IsEdit && HasButton(m, label));
        var button = message.Buttons.FirstOrDefault(b => b.Text == label) ?? message.Buttons.First(b => b.Text.Contains(label, StringComparison.Ordinal));
        var before = LastMessageId;
        api.EnqueueCallback(userId, userId, message.MessageId, button.CallbackData!);
        return await NextAfterAsync(before);
    }

    public Task<SentMessage> NextAfterAsync(int messageId) =>
        api.WaitForSentAsync(m => m.ChatId == userId && !m.IsEdit && m.MessageId > messageId, _timeout);

    /// <summary>Plain text of every message the bot sent this chat.</summary>
    public IReadOnlyList<string> Received => [.. api.Sent.Where(m => m.ChatId == userId && !m.IsEdit).Select(m => m.PlainText ?? "")];

    private static bool HasButton(SentMessage m, string label) =>
        m.Buttons.Any(b => b.Text == label || b.Text.Contains(label, StringComparison.Ordinal));
}
