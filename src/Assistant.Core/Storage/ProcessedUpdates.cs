using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>
/// Update keys already handled. A key is written in the same transaction as the update's effects,
/// so an update delivered twice (getUpdates is at-least-once) is handled once.
/// </summary>
public sealed class ProcessedUpdates(AssistantDatabase db)
{
    public const string CollectionName = "processed_updates";

    private ILiteCollection<ProcessedUpdate> Collection => db.Collection<ProcessedUpdate>(CollectionName);

    public bool Contains(string key) => Collection.Exists(x => x.Id == key);

    public void Add(string key, DateTime utcNow) => Collection.Upsert(new ProcessedUpdate { Id = key, HandledUtc = utcNow });

    /// <summary>Forgets keys older than the cutoff (Telegram never redelivers after a day).</summary>
    public int Purge(DateTime olderThanUtc) => Collection.DeleteMany(x => x.HandledUtc < olderThanUtc);

    public static void EnsureSchema(ILiteDatabase database) =>
        database.GetCollection<ProcessedUpdate>(CollectionName).EnsureIndex(x => x.HandledUtc);
}

public sealed class ProcessedUpdate
{
    public string Id { get; set; } = "";

    public DateTime HandledUtc { get; set; }
}
