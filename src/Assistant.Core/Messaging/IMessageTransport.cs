namespace Assistant.Core.Messaging;

/// <summary>The channel side of delivery: sends one outbox item and says how it went.</summary>
public interface IMessageTransport
{
    /// <summary>How fast this channel may be written to.</summary>
    DeliveryLimits Limits { get; }

    Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Shows that the assistant is writing ("typing…") in the chat, for a few seconds or until the
    /// next message arrives (Telegram clears it after 5 s; <see cref="ChatActivity"/> renews it). Not a
    /// message: nothing is queued or retried. Channels without such a signal do nothing.
    /// </summary>
    Task ShowTypingAsync(long chatId, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The outcome of one delivery attempt.</summary>
public abstract record DeliveryResult
{
    /// <summary>The channel accepted the message (or it was already in that state, e.g. "message is not modified").</summary>
    public sealed record Delivered : DeliveryResult;

    /// <summary>Try again later: after <paramref name="After"/> when the channel said so (429), else with backoff.</summary>
    public sealed record RetryLater(string Reason, TimeSpan? After = null) : DeliveryResult;

    /// <summary>The channel will never accept this message (chat gone, bot blocked).</summary>
    public sealed record Failed(string Reason) : DeliveryResult;
}

/// <summary>At most <see cref="Count"/> sends in any <see cref="Period"/>.</summary>
public sealed record RateLimit(int Count, TimeSpan Period)
{
    public static RateLimit None { get; } = new(int.MaxValue, TimeSpan.Zero);

    public bool IsUnlimited => Count == int.MaxValue;
}

/// <summary>
/// Rate limits of a channel. Telegram: about one message a second per chat with short bursts,
/// 20 a minute per group, 30 a second overall.
/// </summary>
public sealed record DeliveryLimits(RateLimit PerChat, RateLimit PerGroup, RateLimit Global, int MaxConcurrentSends)
{
    public static DeliveryLimits Telegram { get; } = new(
        new RateLimit(3, TimeSpan.FromSeconds(3)),
        new RateLimit(20, TimeSpan.FromMinutes(1)),
        new RateLimit(30, TimeSpan.FromSeconds(1)),
        MaxConcurrentSends: 8);

    public static DeliveryLimits Unlimited { get; } = new(RateLimit.None, RateLimit.None, RateLimit.None, 1);
}
