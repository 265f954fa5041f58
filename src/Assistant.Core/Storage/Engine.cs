using LiteDB;
using LiteDB.Engine;

namespace Assistant.Core.Storage;

/// <summary>One opening of the LiteDB engine on the two files, with its log sync.</summary>
internal sealed class Engine
{
    private readonly DatabaseFile? _data;
    private readonly DatabaseFile? _log;
    private readonly Exception? _closedBy;
    private LiteDatabase? _database;

    private Engine(DatabaseFile? data, DatabaseFile? log, LiteEngine? engine, LiteDatabase? database, Exception? closedBy)
    {
        _data = data;
        _log = log;
        _database = database;
        _closedBy = closedBy;
        LogSync = log is null ? null! : new LogSync(log);
        Drain = engine is null ? null! : new LogWriterDrain(engine);
    }

    public ILiteDatabase Database => _database ?? throw new DatabaseUnavailableException("The database is closed after a failed write.", _closedBy!);

    public LogSync LogSync { get; }

    public LogWriterDrain Drain { get; }

    public Exception? Fault => _closedBy ?? _data?.Fault ?? _log?.Fault;

    public static Engine Open(string path, IReadOnlyList<SchemaSetup> setups, int checkpointPages, StorageFaults? faults)
    {
        LogWriterDrain.Verify();
        DatabaseFile? data = null;
        DatabaseFile? log = null;
        try
        {
            data = new DatabaseFile(path, syncOnFlush: true, faults);
            log = new DatabaseFile(AssistantDatabase.LogPath(path), syncOnFlush: false, faults);
            var engine = new LiteEngine(new EngineSettings { DataStream = data, LogStream = log });
            var database = new LiteDatabase(new SingleWriterEngine(engine), Mapping.CreateMapper(), disposeOnClose: true);
            database.UtcDate = true;
            database.CheckpointSize = checkpointPages;
            foreach (var setup in setups)
            {
                setup.Ensure(database);
            }

            return new Engine(data, log, engine, database, null);
        }
        catch
        {
            log?.Dispose();
            data?.Dispose();
            throw;
        }
    }

    /// <summary>A placeholder for an engine that could not be reopened yet.</summary>
    public static Engine Closed(Exception fault) => new(null, null, null, null, fault);

    /// <summary>One small write and a sync, to learn whether the disk takes writes again.</summary>
    public void Probe()
    {
        var collection = Database.GetCollection("_health");
        collection.Upsert(new BsonDocument { ["_id"] = 1, ["at"] = DateTime.UtcNow });
        Drain.Wait(TimeSpan.FromSeconds(30));
        LogSync.SyncNow();
        if (Fault is { } fault)
        {
            Dispose();
            throw new IOException(fault.Message, fault);
        }
    }

    /// <summary>
    /// Closes the engine and its files; true when the log was empty (it may then be deleted). After a
    /// failed write the engine is dropped without closing it: closing checkpoints, which would copy
    /// pages the disk never took into the data file.
    /// </summary>
    public bool Dispose()
    {
        if (_log is null)
        {
            return false;
        }

        LogSync.Dispose();
        if (Fault is null)
        {
            _database?.Dispose();
        }

        _database = null;
        _data!.Dispose();
        var logIsEmpty = Fault is null && _log.Length == 0;
        _log.Dispose();
        return logIsEmpty;
    }
}
