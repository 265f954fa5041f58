namespace Assistant.Core.Messaging;

/// <summary>The channel side of delivery: sends one outbox item and says how it went.</summary>
public interface IMessageTransport
{
    /// <summary>How fast this channel may be written to.</summary>
    DeliveryLimits Limits { get; }

    Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken);
}

/// <summary>The outcome of one delivery attempt.</summary>
public abstract record DeliveryResult
{
    /// <summary>The channel accepted the message (or it was already in that state, e.g. "message is not modified").</summary>
    public sealed record Delivered(int? MessageId) : DeliveryResult;

    /// <summary>Try again later: after <paramref name="After"/> when the channel said so (429), else with backoff.</summary>
    public sealed record RetryLater(string Reason, TimeSpan? After = null) : DeliveryResult;

    /// <summary>The channel will never accept this message (chat gone, bot blocked).</summary>
    public sealed record Failed(string Reason) : DeliveryResult;
}

/// <summary>Rate limits of a channel. Telegram: about 1 a second per chat, 20 a minute per group, 30 a second overall.</summary>
public sealed record DeliveryLimits(
    double PerChatPerSecond,
    int PerChatBurst,
    double PerGroupPerMinute,
    int PerGroupBurst,
    double GlobalPerSecond,
    int GlobalBurst,
    int MaxConcurrentSends)
{
    public static DeliveryLimits Telegram { get; } = new(1, 3, 20, 3, 30, 30, 8);

    public static DeliveryLimits Unlimited { get; } = new(double.PositiveInfinity, int.MaxValue, double.PositiveInfinity, int.MaxValue, double.PositiveInfinity, int.MaxValue, 1);
}
