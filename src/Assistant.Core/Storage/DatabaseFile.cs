namespace Assistant.Core.Storage;

/// <summary>
/// One of the two files LiteDB writes (the data file and its write-ahead log), opened exclusively
/// and unbuffered. LiteDB 5.0 asks for a disk sync after every log page it writes, and because of
/// how its writer queue is woken, the committing thread pays for each of those syncs (about eight a
/// transaction here). This stream decides instead: the data file is synced whenever LiteDB flushes it
/// (checkpoints), the log is synced by <see cref="LogSync"/> in batches. See docs/architecture.md.
/// </summary>
internal sealed class DatabaseFile : Stream
{
    private readonly FileStream _file;
    private readonly bool _syncOnFlush;
    private readonly StorageFaults? _faults;
    private long _writes;

    public DatabaseFile(string path, bool syncOnFlush, StorageFaults? faults = null)
    {
        _faults = faults;
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.RandomAccess);
        _syncOnFlush = syncOnFlush;
    }

    private volatile Exception? _fault;

    /// <summary>The first write that failed; null while the file is healthy.</summary>
    public Exception? Fault => _fault;

    /// <summary>How many writes have been made (the log sync compares it with what it last synced).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Called after each write, once <see cref="Writes"/> counts it (the log sync arms its timer).</summary>
    public Action? Written { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override void Flush()
    {
        if (_syncOnFlush)
        {
            SyncToDisk();
        }
    }

    /// <summary>Forces what was written to the disk (fsync); a failure is a <see cref="Fault"/>. Safe alongside writes from other threads.</summary>
    public void SyncToDisk() => Guarded(() => RandomAccess.FlushToDisk(_file.SafeFileHandle));

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void SetLength(long value)
    {
        Guarded(() => _file.SetLength(value));
        Interlocked.Increment(ref _writes);
        Written?.Invoke();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Guarded(() => _file.Write(buffer, offset, count));
        Interlocked.Increment(ref _writes);
        Written?.Invoke();
    }

    /// <summary>
    /// Runs a write; a failure is remembered, not thrown. LiteDB 5 answers a failed write by closing
    /// its engine from inside the commit, disposing transactions that are still in use, which can
    /// flag the data file as invalid and later crash the process from a finalizer. So LiteDB is
    /// never told: <see cref="AssistantDatabase"/> sees <see cref="Fault"/>, refuses the transaction,
    /// stops using this engine and reopens the files once they can be written, and what reached the
    /// disk before the failure is what the reopened engine finds (a transaction whose last page did
    /// not reach the log is ignored by LiteDB's recovery).
    /// </summary>
    private void Guarded(Action write)
    {
        if (_fault is not null)
        {
            return;
        }

        try
        {
            _faults?.ThrowIfFailing();
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _fault ??= ex;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Syncs the log to disk in batches: <see cref="Interval"/> after the first write since the last
/// sync, and at once when asked (before an update is confirmed to Telegram). A crash of the process
/// loses nothing (writes reach the operating system before a commit returns); a power cut loses at
/// most the last interval of commits, and never an update already confirmed to the channel. The
/// timer is armed by a write, not ticking: an idle process (or one paced by Telegram's limits) is
/// not woken ten times a second for nothing.
/// </summary>
internal sealed class LogSync : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly DatabaseFile _log;
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private long _synced;
    private int _armed;

    public LogSync(DatabaseFile log)
    {
        _log = log;
        _timer = new Timer(_ => Due(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        log.Written = Arm;
    }

    /// <summary>A write happened: sync within the interval, unless a sync is already due.</summary>
    private void Arm()
    {
        if (Interlocked.CompareExchange(ref _armed, 1, 0) != 0)
        {
            return;
        }

        try
        {
            _timer.Change(Interval, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Closed: the engine syncs what it wrote before it closes.
        }
    }

    private void Due()
    {
        // Disarmed before the sync reads the write count: a later write arms the timer again.
        Interlocked.Exchange(ref _armed, 0);
        TrySync();
    }

    /// <summary>Syncs now if anything was written since the last sync.</summary>
    public void SyncNow()
    {
        lock (_gate)
        {
            var writes = _log.Writes;
            if (writes == _synced)
            {
                return;
            }

            _log.SyncToDisk();
            _synced = writes;
        }
    }

    private void TrySync()
    {
        try
        {
            SyncNow();
        }
        catch (ObjectDisposedException)
        {
            // The engine was closed while the timer fired. (A failing disk is recorded as the file's fault, not thrown.)
        }
    }

    public void Dispose()
    {
        _log.Written = null;
        _timer.Dispose();
        lock (_gate)
        {
            _synced = long.MaxValue;
        }
    }
}
