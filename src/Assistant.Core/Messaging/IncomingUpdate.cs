namespace Assistant.Core.Messaging;

public enum ChatKind
{
    Private,
    Group,
    Channel,
}

public enum UpdateKind
{
    Message,
    EditedMessage,
    Callback,
    ChannelPost,

    /// <summary>Anything else the channel delivered (joins, polls, reactions): recorded and ignored.</summary>
    Other,
}

public enum FileKind
{
    Photo,
    Document,
    Voice,
    Audio,
    Video,
    VideoNote,
    Animation,
    Sticker,
}

/// <summary>A file attached to a message; the channel can fetch it by <see cref="FileId"/>.</summary>
public sealed record IncomingFile(FileKind Kind, string FileId, string? FileName = null, string? MimeType = null, long? Size = null, int? DurationSeconds = null);

public sealed record GeoPoint(double Latitude, double Longitude);

/// <summary>
/// One update from any channel, in channel-agnostic form. The Telegram adapter and the console
/// adapter both produce these; everything below the adapter sees only this.
/// </summary>
public sealed record IncomingUpdate
{
    /// <summary>"telegram" or "console".</summary>
    public required string Channel { get; init; }

    /// <summary>The channel's own update number (Telegram update_id).</summary>
    public required long UpdateId { get; init; }

    public string Key => $"{Channel}:{UpdateId}";

    public UpdateKind Kind { get; init; } = UpdateKind.Message;

    public long ChatId { get; init; }

    public ChatKind ChatKind { get; init; } = ChatKind.Private;

    public string? ChatTitle { get; init; }

    public long UserId { get; init; }

    public string? Username { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? LanguageCode { get; init; }

    public bool FromBot { get; init; }

    public DateTimeOffset Date { get; init; }

    /// <summary>Message text, or the caption of a photo or document.</summary>
    public string? Text { get; init; }

    public int? MessageId { get; init; }

    public string? CallbackData { get; init; }

    public string? CallbackId { get; init; }

    public IReadOnlyList<IncomingFile> Files { get; init; } = [];

    public GeoPoint? Location { get; init; }

    public string DisplayName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } name
            ? name
            : Username ?? UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
