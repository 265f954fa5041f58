using System.Collections.Concurrent;
using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>
/// A read-through cache for rows read on every update and written rarely (teams, members), kept as
/// BSON documents and mapped on every read so no caller shares a mutable instance.
/// Consistency: a write drops the key and advances the database's write epoch, at once and again
/// when its transaction ends. A value read inside a transaction is cached only if no write ended
/// since that transaction began (its snapshot is then current); a transaction that wrote to the
/// cache reads past it, so it sees its own uncommitted rows and never caches them.
/// </summary>
public sealed class ReadCache<TKey, TValue>(AssistantDatabase db) where TKey : notnull where TValue : class
{
    [ThreadStatic]
    private static bool _writtenInTransaction;

    private readonly ConcurrentDictionary<TKey, BsonDocument?> _entries = new();

    public TValue? Get(TKey key, Func<TKey, TValue?> load)
    {
        var mapper = db.Database.Mapper;
        if (!_writtenInTransaction && _entries.TryGetValue(key, out var cached))
        {
            return cached is null ? null : mapper.ToObject<TValue>(cached);
        }

        var epoch = db.ReadEpoch();
        var value = load(key);
        if (!_writtenInTransaction && db.WriteEpoch == epoch)
        {
            _entries.TryAdd(key, value is null ? null : mapper.ToDocument(value));
        }

        return value;
    }

    /// <summary>Call when writing the row with this key.</summary>
    public void Invalidate(TKey key)
    {
        Drop(key);
        if (AssistantDatabase.InTransactionOnThisThread)
        {
            _writtenInTransaction = true;
        }

        AssistantDatabase.OnTransactionEnd(() =>
        {
            _writtenInTransaction = false;
            Drop(key);
        });
    }

    private void Drop(TKey key)
    {
        db.AdvanceWriteEpoch();
        _entries.TryRemove(key, out _);
    }
}
