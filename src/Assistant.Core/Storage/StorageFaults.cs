namespace Assistant.Core.Storage;

/// <summary>
/// Makes the database files fail their writes the way a failing disk does (a read-only file system,
/// an I/O error), for fault drills and tests. Never set in normal operation.
/// </summary>
public sealed class StorageFaults
{
    private volatile string? _failure;

    /// <summary>Every write from now on throws an <see cref="IOException"/> with this message.</summary>
    public void FailWrites(string message = "Read-only file system") => _failure = message;

    /// <summary>The condition clears: writes work again.</summary>
    public void Clear() => _failure = null;

    internal void ThrowIfFailing()
    {
        if (_failure is { } message)
        {
            throw new IOException(message);
        }
    }
}
