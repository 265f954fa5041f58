using System.Collections.Concurrent;
using Assistant.Core.Messaging;

namespace Assistant.Tests.Support;

/// <summary>A channel's file store in memory: tests put files in by id.</summary>
public sealed class MemoryFileSource : IFileSource
{
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public async Task<FileFetch> DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken)
    {
        if (!Files.TryGetValue(fileId, out var content))
        {
            return FileFetch.Unavailable;
        }

        await destination.WriteAsync(content, cancellationToken);
        return FileFetch.Downloaded;
    }
}
