using System.Text.Json.Nodes;

namespace Assistant.Tests.Fakes;

public sealed partial class FakeBotApi
{
    /// <summary>
    /// Raised for every message added to <see cref="Sent"/>, on the request's thread and under the fake's lock:
    /// handlers must be short and must not call back into the fake. Lets a long-running driver follow replies
    /// without scanning <see cref="Sent"/>.
    /// </summary>
    public event Action<SentMessage>? MessageRecorded;

    /// <summary>
    /// For long runs (a load driver), so the fake's memory stays flat: forgets the completed calls (and returns
    /// them, oldest first), everything in <see cref="Sent"/>, confirmed updates, and every message but the newest
    /// <paramref name="keepMessagesPerChat"/> of each chat, with the files the bot sent in them.
    /// Calls still being answered and pending updates are kept.
    /// </summary>
    public IReadOnlyList<ApiCall> Forget(int keepMessagesPerChat)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepMessagesPerChat);
        lock (_gate)
        {
            var completed = _calls.Where(c => c.StatusCode != 0).ToList();
            _calls.RemoveAll(c => c.StatusCode != 0);
            _sent.Clear();

            var waiting = _pending.Concat(_redeliver).ToHashSet();
            foreach (var id in _history.Keys.Where(id => !waiting.Contains(id)).ToList())
            {
                _history.Remove(id);
            }

            var old = _messages.Where(m => m.Key.Id <= _messageCounters.GetValueOrDefault(m.Key.Chat) - keepMessagesPerChat).ToList();
            foreach (var (key, stored) in old)
            {
                _messages.Remove(key);
                if (stored.FromBot)
                {
                    foreach (var fileId in FileIds(stored.Json))
                    {
                        if (_files.Remove(fileId, out var file))
                        {
                            _filesByPath.Remove(file.FilePath);
                        }
                    }
                }
            }

            return completed;
        }
    }

    private static IEnumerable<string> FileIds(JsonObject message)
    {
        if (message["document"]?["file_id"]?.GetValue<string>() is { } document)
        {
            yield return document;
        }

        if (message["photo"] is JsonArray sizes)
        {
            foreach (var size in sizes)
            {
                if (size?["file_id"]?.GetValue<string>() is { } photo)
                {
                    yield return photo;
                }
            }
        }
    }
}
