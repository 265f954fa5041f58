using LiteDB;

namespace Assistant.Core.Storage;

/// <summary>
/// The one LiteDB file of this process. Opening takes an exclusive lock file beside the database,
/// so a second instance on the same file refuses to start with a clear message. Collections and
/// indexes are created once here, on one thread, before anything else touches the database.
/// </summary>
public sealed class AssistantDatabase : IDisposable
{
    private readonly FileStream _lock;

    private AssistantDatabase(string path, FileStream fileLock, LiteDatabase database)
    {
        Path = path;
        _lock = fileLock;
        Database = database;
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Folder for files kept beside the database (downloaded evidence).</summary>
    public string FilesFolder => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "files");

    public ILiteDatabase Database { get; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and runs every schema setup.</summary>
    /// <exception cref="DatabaseUnavailableException">The file is locked by another process or cannot be opened.</exception>
    public static AssistantDatabase Open(string path, IEnumerable<SchemaSetup> setups)
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

        try
        {
            var connection = new ConnectionString { Filename = fullPath, Connection = ConnectionType.Direct };
            var database = new LiteDatabase(connection, Mapping.CreateMapper());
            database.UtcDate = true;
            foreach (var setup in setups)
            {
                setup.Ensure(database);
            }

            return new AssistantDatabase(fullPath, fileLock, database);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            fileLock.Dispose();
            throw new DatabaseUnavailableException($"The database {fullPath} cannot be opened: {ex.Message}", ex);
        }
    }

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction on the calling thread. Nested calls join the outer
    /// transaction. Never await inside: LiteDB transactions belong to a thread.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        var owner = Database.BeginTrans();
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
    }

    public void InTransaction(Action work) => InTransaction(() =>
    {
        work();
        return true;
    });

    public void Dispose()
    {
        Database.Dispose();
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
