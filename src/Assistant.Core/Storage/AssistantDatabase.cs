using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>
/// The one LiteDB file of this process. Opening takes an exclusive lock file beside the database,
/// so a second instance on the same file refuses to start with a clear message. Collections and
/// indexes are created once here, on one thread, before anything else touches the database.
/// When a write fails (a read-only or failing disk), LiteDB closes its engine; from then on every
/// transaction is refused with <see cref="DatabaseUnavailableException"/> until the files can be
/// written again, when the engine is reopened on the same files (replaying its log) and work goes on.
/// </summary>
public sealed class AssistantDatabase : IDisposable
{
    private static readonly TimeSpan ReopenInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(30);
    private readonly FileStream _lock;
    private readonly IReadOnlyList<SchemaSetup> _setups;
    private readonly int _checkpointPages;
    private readonly StorageFaults? _faults;
    private readonly Lock _reopenGate = new();
    private volatile Engine _engine;
    private long _nextReopenTicks;

    private AssistantDatabase(string path, FileStream fileLock, Engine engine, IReadOnlyList<SchemaSetup> setups, int checkpointPages, StorageFaults? faults)
    {
        Path = path;
        _lock = fileLock;
        _engine = engine;
        _setups = setups;
        _checkpointPages = checkpointPages;
        _faults = faults;
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Folder for files kept beside the database (downloaded evidence).</summary>
    public string FilesFolder => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "files");

    public ILiteDatabase Database => _engine.Database;

    /// <summary>Whether a write to the files has failed and the engine is closed (until <see cref="EnsureWritable"/> reopens it).</summary>
    public bool Failed => _engine.Fault is not null;

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and runs every schema setup.</summary>
    /// <exception cref="DatabaseUnavailableException">The file is locked by another process or cannot be opened.</exception>
    public static AssistantDatabase Open(string path, IEnumerable<SchemaSetup> setups, int checkpointPages = 100, StorageFaults? faults = null)
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

        var schema = setups.ToList();
        try
        {
            return new AssistantDatabase(fullPath, fileLock, Engine.Open(fullPath, schema, checkpointPages, faults), schema, checkpointPages, faults);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            fileLock.Dispose();
            throw new DatabaseUnavailableException($"The database {fullPath} cannot be opened: {ex.Message}", ex);
        }
    }

    public ILiteCollection<T> Collection<T>(string name)
    {
        EnsureWritable();
        return Database.GetCollection<T>(name);
    }

    /// <summary>Forces committed work to the disk now (before telling a channel an update is handled).</summary>
    /// <exception cref="DatabaseUnavailableException">A write has failed: what was committed since may not be on disk.</exception>
    public void SyncLog()
    {
        ThrowIfFailed();
        _engine.LogSync.SyncNow();
        ThrowIfFailed();
    }

    /// <summary>
    /// After a failed write: reopens the engine on the same files (at most once a second), so work
    /// resumes as soon as the disk takes writes again. Throws while it still does not.
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The files still cannot be written.</exception>
    public void EnsureWritable()
    {
        if (!Failed || InTransactionOnThisThread)
        {
            ThrowIfFailed();
            return;
        }

        lock (_reopenGate)
        {
            if (!Failed)
            {
                return;
            }

            var now = Environment.TickCount64;
            if (now < _nextReopenTicks)
            {
                ThrowIfFailed();
            }

            _nextReopenTicks = now + (long)ReopenInterval.TotalMilliseconds;
            var failed = _engine;
            failed.Dispose();
            try
            {
                var engine = Engine.Open(Path, _setups, _checkpointPages, _faults);
                engine.Probe();
                _engine = engine;
                AdvanceWriteEpoch();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException or ObjectDisposedException)
            {
                _engine = Engine.Closed(failed.Fault!);
                throw new DatabaseUnavailableException($"The database {Path} still cannot be written: {ex.Message}", ex);
            }
        }
    }

    private void ThrowIfFailed()
    {
        if (_engine.Fault is { } fault)
        {
            throw new DatabaseUnavailableException($"The database {Path} cannot be written: {fault.Message}", fault);
        }
    }

    /// <summary>LiteDB's name for the write-ahead log beside a database file.</summary>
    public static string LogPath(string databasePath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(databasePath)!, System.IO.Path.GetFileNameWithoutExtension(databasePath) + "-log" + System.IO.Path.GetExtension(databasePath));

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction on the calling thread. Nested calls join the outer
    /// transaction. Never await inside: LiteDB transactions belong to a thread.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        EnsureWritable();
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

                // LiteDB writes the log on its own writer: wait for it, then a failed write shows here.
                if (!_engine.Drain.Wait(WriteWait))
                {
                    throw new DatabaseUnavailableException($"The database {Path} did not take a write within {WriteWait.TotalSeconds} s.");
                }

                ThrowIfFailed();
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
        var logIsEmpty = _engine.Dispose();
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
