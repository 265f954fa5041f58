using System.Threading.Channels;
using LiteDB;

namespace Assistant.Core.Messaging;

/// <summary>
/// Messages waiting to be delivered. Handlers' replies, reminders and digests are written here in the
/// same transaction as the change that caused them, so a crash can delay a message but never lose it.
/// A row is deleted once the channel accepted it; a message the channel refuses for good moves to
/// <c>outbox_dead</c> with the reason.
/// </summary>
public sealed class Outbox(AssistantDatabase db, OutboxSignal signal)
{
    public const string CollectionName = "outbox";
    public const string DeadCollectionName = "outbox_dead";
    public const int MaxCaptionLength = 1000;

    private ILiteCollection<OutboxItem> Items => db.Collection<OutboxItem>(CollectionName);

    private ILiteCollection<OutboxItem> Dead => db.Collection<OutboxItem>(DeadCollectionName);

    /// <summary>
    /// Adds messages (long text split into parts, buttons on the last part) and returns what was
    /// queued. Call <see cref="NotifyAfterCommit"/> with it once the transaction has committed.
    /// </summary>
    public IReadOnlyList<OutboxEntry> Enqueue(IEnumerable<OutgoingMessage> messages, DateTime utcNow)
    {
        var queued = new List<OutboxEntry>();
        foreach (var message in messages)
        {
            foreach (var item in ToItems(message, utcNow))
            {
                Items.Insert(item);
                queued.Add(new OutboxEntry(item.ChatId, item.Id, item));
            }
        }

        return queued;
    }

    /// <summary>Hands queued messages to the sender. Only after commit: before it, the sender cannot see the rows.</summary>
    public void NotifyAfterCommit(IEnumerable<OutboxEntry> queued)
    {
        foreach (var entry in queued)
        {
            signal.Notify(entry);
        }
    }

    public OutboxItem? Get(long id) => Items.ById(id);

    /// <summary>Everything in the table, oldest first (at start and in the sender's periodic sweep).</summary>
    public IReadOnlyList<OutboxEntry> Pending() =>
        Items.FindAll().Select(x => new OutboxEntry(x.ChatId, x.Id)).ToList();

    public int PendingCount() => Items.Count();

    public void Delete(long id) => Items.Delete(id);

    public void Update(OutboxItem item) => Items.Update(item);

    public void GiveUp(OutboxItem item, string reason) => db.InTransaction(() =>
    {
        item.LastError = reason;
        Items.Delete(item.Id);
        Dead.Insert(item);
    });

    public IReadOnlyList<OutboxItem> DeadLetters() => Dead.FindAll().ToList();

    public static void EnsureSchema(ILiteDatabase database)
    {
        // Keyed by id only: the sender tracks chats in memory, so no secondary index slows each insert.
        SchemaSetup.EnsureCollection(database, CollectionName);
        SchemaSetup.EnsureCollection(database, DeadCollectionName);

        // The sender remembers the ids it finished: an id given out again after a restart would be a message lost.
        SchemaSetup.FixNextId(database, CollectionName);
    }

    private static IEnumerable<OutboxItem> ToItems(OutgoingMessage message, DateTime utcNow)
    {
        OutboxItem Item(string html) => new()
        {
            ChatId = message.ChatId,
            Html = html,
            IsGroup = message.IsGroup,
            Purpose = message.Purpose,
            Unprompted = message.Unprompted,
            CreatedUtc = utcNow,
        };

        if (message.EditMessageId is { } edit)
        {
            var item = Item(message.KeyboardOnly ? "" : TextSplitter.Split(message.Html)[0]);
            item.EditMessageId = edit;
            item.KeyboardOnly = message.KeyboardOnly;
            item.Keyboard = OutboxButton.From(message.Keyboard);
            yield return item;
            yield break;
        }

        var textParts = message.Html.Length == 0 ? [] : TextSplitter.Split(message.Html);
        var captionFits = message.File is not null && message.Html.Length <= MaxCaptionLength;
        var standaloneText = captionFits ? [] : textParts;
        for (var i = 0; i < standaloneText.Count; i++)
        {
            var item = Item(standaloneText[i]);
            if (i == standaloneText.Count - 1 && message.File is null)
            {
                item.Keyboard = OutboxButton.From(message.Keyboard);
            }

            yield return item;
        }

        if (message.File is { } file)
        {
            var item = Item(captionFits ? message.Html : "");
            item.FileName = file.FileName;
            item.FileContent = file.Content;
            item.FileAsPhoto = file.AsPhoto;
            item.FilePath = file.SavedPath;
            item.Keyboard = OutboxButton.From(message.Keyboard);
            yield return item;
        }
    }
}

/// <summary>A message in the outbox, as stored.</summary>
public sealed class OutboxItem
{
    public long Id { get; set; }

    public long ChatId { get; set; }

    public string Html { get; set; } = "";

    public List<List<OutboxButton>>? Keyboard { get; set; }

    public int? EditMessageId { get; set; }

    public bool KeyboardOnly { get; set; }

    public string? FileName { get; set; }

    public byte[]? FileContent { get; set; }

    public bool FileAsPhoto { get; set; }

    /// <summary>Where the file is kept beside the database, if it is (see <see cref="OutgoingFile.SavedPath"/>).</summary>
    public string? FilePath { get; set; }

    public bool IsGroup { get; set; }

    public string? Purpose { get; set; }

    /// <summary>See <see cref="OutgoingMessage.Unprompted"/>.</summary>
    public bool Unprompted { get; set; }

    public DateTime CreatedUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

public sealed class OutboxButton
{
    public string Label { get; set; } = "";

    public string Data { get; set; } = "";

    /// <summary>See <see cref="Button.WebAppUrl"/>.</summary>
    public string? WebAppUrl { get; set; }

    public static List<List<OutboxButton>>? From(IReadOnlyList<IReadOnlyList<Button>>? keyboard) =>
        keyboard?.Select(row => row.Select(b => new OutboxButton { Label = b.Label, Data = b.Data, WebAppUrl = b.WebAppUrl }).ToList()).ToList();
}

/// <summary>A queued outbox row: its chat and id, and the row itself when it was just written (saves reading it back).</summary>
public readonly record struct OutboxEntry(long ChatId, long Id, OutboxItem? Item = null);

/// <summary>Tells the sender about new rows. In memory; the sender also sweeps the table.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<OutboxEntry> _entries = Channel.CreateUnbounded<OutboxEntry>(new UnboundedChannelOptions { SingleReader = true });

    public void Notify(OutboxEntry entry) => _entries.Writer.TryWrite(entry);

    public ChannelReader<OutboxEntry> Reader => _entries.Reader;
}
