using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>Small named values the process keeps across restarts (the polling offset, the bot's name).</summary>
public sealed class KeyValueStore(AssistantDatabase db)
{
    public const string CollectionName = "settings_state";

    private ILiteCollection<KeyValueEntry> Collection => db.Collection<KeyValueEntry>(CollectionName);

    public string? Get(string key) => Collection.ById(key)?.Value;

    public long? GetLong(string key) =>
        long.TryParse(Get(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    public void Set(string key, string value) => Collection.Upsert(new KeyValueEntry { Id = key, Value = value });

    public void Set(string key, long value) => Set(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static void EnsureSchema(ILiteDatabase database) => SchemaSetup.EnsureCollection(database, CollectionName);
}

public sealed class KeyValueEntry
{
    public string Id { get; set; } = "";

    public string Value { get; set; } = "";
}
