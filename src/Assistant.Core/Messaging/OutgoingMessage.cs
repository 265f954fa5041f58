namespace Assistant.Core.Messaging;

/// <summary>
/// An inline button: a label and the callback data it sends back (at most 64 bytes), or, with
/// <see cref="WebAppUrl"/>, a button that opens that HTTPS page as a Telegram Mini App (web_app;
/// private chats only). The console shows such a button as a line with its address.
/// </summary>
public sealed record Button(string Label, string Data)
{
    public const int MaxDataBytes = 64;

    /// <summary>The Mini App page this button opens (no callback data is sent); null for an ordinary button.</summary>
    public string? WebAppUrl { get; init; }

    /// <summary>A button that opens <paramref name="url"/> as a Mini App.</summary>
    public static Button WebApp(string label, string url) => new(label, "") { WebAppUrl = url };
}

/// <summary>
/// A file sent with a message (an export, a chart, a document). <paramref name="SavedPath"/>: where the assistant
/// already keeps it (the documents folder beside the database), so a channel that shows files as paths (the console)
/// shows that one instead of writing another copy.
/// </summary>
public sealed record OutgoingFile(string FileName, byte[] Content, bool AsPhoto = false, string? SavedPath = null)
{
    /// <summary>
    /// The word in the name of a file marked with the sensitivity line (<c>doc.sensitivity</c>, "内部资料　注意保存": an
    /// export that names a covert unit or visit), before its extension: <c>G7-ledger-20231102-internal.xlsx</c>.
    /// </summary>
    public const string InternalMark = "internal";
}

/// <summary>
/// A message to send or a message to edit. Text is Telegram HTML: tags from the catalogs,
/// everything a user typed escaped (see <see cref="Html"/>).
/// </summary>
public sealed record OutgoingMessage
{
    public required long ChatId { get; init; }

    public required string Html { get; init; }

    public IReadOnlyList<IReadOnlyList<Button>>? Keyboard { get; init; }

    /// <summary>When set, edit this earlier message instead of sending a new one.</summary>
    public int? EditMessageId { get; init; }

    /// <summary>With <see cref="EditMessageId"/>: change only the buttons (none removes them), not the text.</summary>
    public bool KeyboardOnly { get; init; }

    public OutgoingFile? File { get; init; }

    /// <summary>A group chat: slower pacing applies (20 a minute).</summary>
    public bool IsGroup { get; init; }

    /// <summary>Free text saying why it was sent ("reply", "reminder:42"); helps when reading the outbox.</summary>
    public string? Purpose { get; init; }

    /// <summary>
    /// Nobody asked for it just now (a reminder, a digest): it does not answer the chat's latest message, so a
    /// channel that keeps only the latest choices live (the console) leaves the earlier ones as they were.
    /// </summary>
    public bool Unprompted { get; init; }
}
