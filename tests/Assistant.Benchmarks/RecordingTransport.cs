using System.Collections.Concurrent;
using Assistant.Core.Messaging;

namespace Assistant.Benchmarks;

/// <summary>A channel that keeps, per chat, the buttons of the latest message or card and lets a driver wait for replies.</summary>
public sealed class RecordingTransport : IMessageTransport
{
    private readonly ConcurrentDictionary<long, Chat> _chats = new();

    public DeliveryLimits Limits => DeliveryLimits.Unlimited with { MaxConcurrentSends = 8 };

    public Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var chat = _chats.GetOrAdd(item.ChatId, _ => new Chat());
        lock (chat)
        {
            // A new message, or the flow's live card edited in place with the next question (an edit that only
            // takes a keyboard away is not a reply).
            if (item.EditMessageId is null || !string.IsNullOrEmpty(item.Html))
            {
                chat.Count++;
                if (item.Keyboard is { Count: > 0 } keyboard)
                {
                    chat.Buttons = [.. keyboard.SelectMany(r => r)];
                }

                chat.LastText = item.Html;
                chat.Arrived.TrySetResult();
            }
        }

        return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered());
    }

    /// <summary>A task that completes when the next message for the chat arrives (call before sending).</summary>
    public Task NextMessage(long chatId)
    {
        var chat = _chats.GetOrAdd(chatId, _ => new Chat());
        lock (chat)
        {
            chat.Arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return chat.Arrived.Task;
        }
    }

    public string Button(long chatId, string label)
    {
        var chat = _chats[chatId];
        lock (chat)
        {
            return (chat.Buttons.FirstOrDefault(b => b.Label == label) ?? chat.Buttons.First(b => b.Label.Contains(label, StringComparison.Ordinal))).Data;
        }
    }

    public string LastText(long chatId) => _chats.TryGetValue(chatId, out var chat) ? chat.LastText : "";

    private sealed class Chat
    {
        public int Count { get; set; }

        public List<OutboxButton> Buttons { get; set; } = [];

        public string LastText { get; set; } = "";

        public TaskCompletionSource Arrived { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
