using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>
/// Remembers, per chat, the last update handled. A chat's updates are handled strictly in order and
/// channels number them increasingly, so "id at or below the cursor" means "already handled". The
/// cursor is written in the same transaction as the update's effects: an update delivered twice
/// (getUpdates is at-least-once) is handled once. One small row per chat, nothing to purge.
/// </summary>
public sealed class ProcessedUpdates(AssistantDatabase db)
{
    public const string CollectionName = "chat_cursors";

    private ILiteCollection<ChatCursor> Collection => db.Collection<ChatCursor>(CollectionName);

    public static string CursorId(string channel, long chatId) => $"{channel}:{chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The last update id handled in the chat, or null when none was.</summary>
    public long? LastHandled(string channel, long chatId) => Collection.ById(CursorId(channel, chatId))?.LastUpdateId;

    public bool IsHandled(string channel, long chatId, long updateId) => LastHandled(channel, chatId) >= updateId;

    public void MarkHandled(string channel, long chatId, long updateId, DateTime utcNow) =>
        Collection.Upsert(new ChatCursor { Id = CursorId(channel, chatId), LastUpdateId = updateId, HandledUtc = utcNow });

    public static void EnsureSchema(ILiteDatabase database)
    {
        // Keyed by id only: no secondary index to update on every message.
        SchemaSetup.EnsureCollection(database, CollectionName);
    }
}

public sealed class ChatCursor
{
    public string Id { get; set; } = "";

    public long LastUpdateId { get; set; }

    public DateTime HandledUtc { get; set; }
}
