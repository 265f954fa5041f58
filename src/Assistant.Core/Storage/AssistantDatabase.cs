using LiteDB;
using LiteDB.Engine;

namespace Assistant.Core.Storage;

/// <summary>
/// The one LiteDB file of this process. Opening takes an exclusive lock file beside the database,
/// so a second instance on the same file refuses to start with a clear message. Collections and
/// indexes are created once here, on one thread, before anything else touches the database.
/// </summary>
public sealed class AssistantDatabase : IDisposable
{
    private readonly FileStream _lock;
    private readonly DatabaseFile _data;
    private readonly DatabaseFile _log;
    private readonly LogSync _logSync;

    private AssistantDatabase(string path, FileStream fileLock, DatabaseFile data, DatabaseFile log, LiteDatabase database)
    {
        Path = path;
        _lock = fileLock;
        _data = data;
        _log = log;
        _logSync = new LogSync(log);
        Database = database;
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Folder for files kept beside the database (downloaded evidence).</summary>
    public string FilesFolder => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "files");

    public ILiteDatabase Database { get; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and runs every schema setup.</summary>
    /// <exception cref="DatabaseUnavailableException">The file is locked by another process or cannot be opened.</exception>
    public static AssistantDatabase Open(string path, IEnumerable<SchemaSetup> setups, int checkpointPages = 100)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath)!;
        FileStream fileLock;
        try
        {
            Directory.CreateDirectory(folder);
            fileLock = new FileStream(fullPath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DatabaseUnavailableException(
                $"The database {fullPath} is in use by another instance of the assistant (its lock file is held). " +
                "Only one process may use a database: stop the other one first.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DatabaseUnavailableException(
                $"The database folder {folder} cannot be written by this user: {ex.Message}", ex);
        }

        DatabaseFile? data = null;
        DatabaseFile? log = null;
        try
        {
            data = new DatabaseFile(fullPath, syncOnFlush: true);
            log = new DatabaseFile(LogPath(fullPath), syncOnFlush: false);
            var engine = new LiteEngine(new EngineSettings { DataStream = data, LogStream = log });
            var database = new LiteDatabase(engine, Mapping.CreateMapper(), disposeOnClose: true);
            database.UtcDate = true;
            database.CheckpointSize = checkpointPages;
            foreach (var setup in setups)
            {
                setup.Ensure(database);
            }

            return new AssistantDatabase(fullPath, fileLock, data, log, database);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            log?.Dispose();
            data?.Dispose();
            fileLock.Dispose();
            throw new DatabaseUnavailableException($"The database {fullPath} cannot be opened: {ex.Message}", ex);
        }
    }

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    /// <summary>Forces committed work to the disk now (before telling a channel an update is handled).</summary>
    public void SyncLog() => _logSync.SyncNow();

    /// <summary>LiteDB's name for the write-ahead log beside a database file.</summary>
    public static string LogPath(string databasePath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(databasePath)!, System.IO.Path.GetFileNameWithoutExtension(databasePath) + "-log" + System.IO.Path.GetExtension(databasePath));

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction on the calling thread. Nested calls join the outer
    /// transaction. Never await inside: LiteDB transactions belong to a thread.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        var epoch = WriteEpoch;
        var owner = Database.BeginTrans();
        if (owner)
        {
            _transactionStartEpoch = epoch;
        }

        try
        {
            var result = work();
            if (owner)
            {
                Database.Commit();
            }

            return result;
        }
        catch
        {
            if (owner)
            {
                Database.Rollback();
            }

            throw;
        }
        finally
        {
            if (owner)
            {
                _transactionStartEpoch = null;
                RunTransactionEndActions();
            }
        }
    }

    [ThreadStatic]
    private static List<Action>? _onTransactionEnd;

    [ThreadStatic]
    private static long? _transactionStartEpoch;

    private long _writeEpoch;

    /// <summary>Advances whenever a cached row is written (see <see cref="ReadCache{TKey, TValue}"/>).</summary>
    public long WriteEpoch => Interlocked.Read(ref _writeEpoch);

    /// <summary>True while this thread is inside <see cref="InTransaction{T}"/>.</summary>
    public static bool InTransactionOnThisThread => _transactionStartEpoch is not null;

    /// <summary>
    /// The write epoch that bounds how fresh this thread's reads are: inside a transaction, the epoch
    /// when it began (LiteDB reads from a snapshot taken after that); outside, the current epoch.
    /// </summary>
    public long ReadEpoch() => _transactionStartEpoch ?? WriteEpoch;

    public void AdvanceWriteEpoch() => Interlocked.Increment(ref _writeEpoch);

    /// <summary>
    /// Runs <paramref name="action"/> once the current transaction has committed or rolled back (at
    /// once when there is none). Caches use it to drop entries a transaction touched.
    /// </summary>
    public static void OnTransactionEnd(Action action)
    {
        if (!InTransactionOnThisThread)
        {
            action();
            return;
        }

        if (_onTransactionEnd is null)
        {
            _onTransactionEnd = [];
        }

        _onTransactionEnd.Add(action);
    }

    private static void RunTransactionEndActions()
    {
        var actions = _onTransactionEnd;
        if (actions is null || actions.Count == 0)
        {
            return;
        }

        _onTransactionEnd = null;
        foreach (var action in actions)
        {
            action();
        }
    }

    public void InTransaction(Action work) => InTransaction(() =>
    {
        work();
        return true;
    });

    public void Dispose()
    {
        _logSync.Dispose();
        Database.Dispose();
        _data.Dispose();
        var logIsEmpty = _log.Length == 0;
        _log.Dispose();
        if (logIsEmpty)
        {
            File.Delete(LogPath(Path));
        }

        _lock.Dispose();
        try
        {
            File.Delete(Path + ".lock");
        }
        catch (IOException)
        {
            // Another process may have opened it already; the lock, not the file, is what matters.
        }
    }
}

/// <summary>Creates the collections and indexes of one store. Runs once at start-up, on one thread.</summary>
public sealed record SchemaSetup(string Name, Action<ILiteDatabase> Ensure);

/// <summary>The database cannot be used: in use by another process, unreadable, or not writable.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }

    public DatabaseUnavailableException(string message) : base(message)
    {
    }

    public DatabaseUnavailableException()
    {
    }
}
