namespace Assistant.Core.Messaging;

/// <summary>
/// Shows a person that slow work for them is under way: "typing…" in their chat, renewed every
/// <see cref="Renewal"/> (Telegram shows a chat action for 5 seconds) until the work is done.
/// A failed chat action is of no consequence: it is logged at debug level and tried again at the next renewal.
/// </summary>
public sealed class ChatActivity(IMessageTransport transport, TimeProvider time, ILogger<ChatActivity> logger)
{
    /// <summary>How often "typing…" is sent again while the work goes on.</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(4);

    /// <summary>Shows "typing…" in the chat from now until the returned handle is disposed.</summary>
    public IAsyncDisposable Typing(long chatId)
    {
        var typing = new TypingLoop(transport, time, logger, chatId);
        typing.Start();
        return typing;
    }

    private sealed class TypingLoop(IMessageTransport transport, TimeProvider time, ILogger logger, long chatId) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public void Start() => _loop = RunAsync(_stop.Token);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }

        private async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await transport.ShowTypingAsync(chatId, stop);
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    // The type only: a channel's error text may carry its address (the bot token is in Telegram's URLs).
                    logger.LogDebug("Chat {Chat}: showing \"typing\" failed ({Error}).", chatId, ex.GetType().Name);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                try
                {
                    await Task.Delay(Renewal, time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
