namespace Assistant.Core.Messaging;

/// <summary>Fetches a file a user sent, by the channel's file id.</summary>
public interface IFileSource
{
    Task<FileFetch> DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken);
}

public enum FileFetch
{
    Downloaded,

    /// <summary>The channel cannot serve this file (too big for the Bot API, or no file store at all).</summary>
    Unavailable,

    /// <summary>A passing problem (network); try later.</summary>
    TryLater,
}

/// <summary>For channels that keep no files (the console): nothing to download.</summary>
public sealed class NoFileSource : IFileSource
{
    public Task<FileFetch> DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken) =>
        Task.FromResult(FileFetch.Unavailable);
}
