using LiteDB;
using LiteDB.Engine;

namespace Assistant.Core.Storage;

/// <summary>
/// Lets one writer into LiteDB at a time. LiteDB 5.0 runs transactions on different collections in
/// parallel, and under load its shared free-page bookkeeping then breaks ("empty page must be defined
/// as empty type", LiteDB issue #1940): the engine closes itself and every later operation fails
/// (found by the load driver at 42 updates/s). Here an explicit transaction holds the writer lock from
/// <c>BeginTrans</c> to <c>Commit</c> or <c>Rollback</c> (LiteDB transactions belong to a thread, as
/// does this lock), and a single write outside one holds it for that call. Queries are not held:
/// they read a snapshot.
/// </summary>
internal sealed class SingleWriterEngine(ILiteEngine inner) : ILiteEngine
{
    private readonly Lock _writer = new();
    private readonly ThreadLocal<bool> _inTransaction = new();

    public bool BeginTrans()
    {
        _writer.Enter();
        bool began;
        try
        {
            began = inner.BeginTrans();
        }
        catch
        {
            _writer.Exit();
            throw;
        }

        if (began)
        {
            _inTransaction.Value = true;
        }
        else
        {
            // Joined the transaction this thread already has, and already holds the lock for.
            _writer.Exit();
        }

        return began;
    }

    public bool Commit()
    {
        try
        {
            return inner.Commit();
        }
        finally
        {
            EndTransaction();
        }
    }

    public bool Rollback()
    {
        try
        {
            return inner.Rollback();
        }
        finally
        {
            EndTransaction();
        }
    }

    public IBsonDataReader Query(string collection, Query query) => inner.Query(collection, query);

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(() => inner.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Write(() => inner.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Write(() => inner.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(() => inner.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Write(() => inner.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Write(() => inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Write(() => inner.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Write(() => inner.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Write(() => inner.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Write(() => inner.DropIndex(collection, name));

    public BsonValue Pragma(string name) => inner.Pragma(name);

    public bool Pragma(string name, BsonValue value) => Write(() => inner.Pragma(name, value));

    public int Checkpoint() => Write(inner.Checkpoint);

    public long Rebuild(RebuildOptions options) => Write(() => inner.Rebuild(options));

    public void Dispose()
    {
        inner.Dispose();
        _inTransaction.Dispose();
    }

    private T Write<T>(Func<T> write)
    {
        lock (_writer)
        {
            return write();
        }
    }

    private void EndTransaction()
    {
        if (_inTransaction.Value)
        {
            _inTransaction.Value = false;
            _writer.Exit();
        }
    }
}
