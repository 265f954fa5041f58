using Assistant.Core.Messaging;
using Assistant.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Assistant.Core.Dispatching;

/// <summary>What became of one update.</summary>
public enum DispatchOutcome
{
    /// <summary>Handled and committed with its replies.</summary>
    Handled,

    /// <summary>Already handled before (a redelivery); nothing done.</summary>
    Duplicate,

    /// <summary>The handler threw; logged, the user got an apology, the update counts as handled.</summary>
    Failed,

    /// <summary>Storage refused the write; nothing was recorded and the update should be delivered again.</summary>
    StorageUnavailable,
}

/// <summary>
/// Runs updates: strictly one at a time per chat, different chats in parallel. Each update is handled
/// in one LiteDB transaction that also records its key and its replies, so a redelivered update is
/// recognised and a crash never leaves half an update behind.
/// </summary>
public sealed class Dispatcher : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, long Chat), Task> _tails = [];
    private readonly SemaphoreSlim _slots;
    private readonly AssistantDatabase _db;
    private readonly ProcessedUpdates _processed;
    private readonly ContextFactory _contexts;
    private readonly Router _router;
    private readonly Outbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger<Dispatcher> _logger;

    public Dispatcher(AssistantDatabase db, ProcessedUpdates processed, ContextFactory contexts, Router router, Outbox outbox, TimeProvider time, ILogger<Dispatcher> logger)
    {
        _db = db;
        _processed = processed;
        _contexts = contexts;
        _router = router;
        _outbox = outbox;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount * 2));
    }

    /// <summary>Queues the update behind earlier updates of its chat; completes once it is committed.</summary>
    public Task<DispatchOutcome> DispatchAsync(IncomingUpdate update)
    {
        var key = (update.Channel, update.ChatId);
        var done = new TaskCompletionSource<DispatchOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _tails.GetValueOrDefault(key) ?? Task.CompletedTask;
            _tails[key] = done.Task;
        }

        _ = RunAfterAsync(previous, update, key, done);
        return done.Task;
    }

    private async Task RunAfterAsync(Task previous, IncomingUpdate update, (string, long) key, TaskCompletionSource<DispatchOutcome> done)
    {
        // Never run on the caller's thread: the poller hands over a whole batch and chats must run side by side.
        await Task.Yield();
        await previous;
        await _slots.WaitAsync();
        try
        {
            done.SetResult(Process(update));
        }
        catch (Exception ex)
        {
            // Process catches everything it can; this is the last line so a chat never stalls.
            _logger.LogCritical(ex, "Update {Key} could not be processed at all.", update.Key);
            done.SetResult(DispatchOutcome.StorageUnavailable);
        }
        finally
        {
            _slots.Release();
            lock (_gate)
            {
                if (_tails.TryGetValue(key, out var tail) && tail == done.Task)
                {
                    _tails.Remove(key);
                }
            }
        }
    }

    /// <summary>Handles one update synchronously on the calling thread (no awaits inside the transaction).</summary>
    public DispatchOutcome Process(IncomingUpdate update)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        UpdateContext? context = null;
        try
        {
            IReadOnlyCollection<long>? chats = null;
            var outcome = _db.InTransaction(() =>
            {
                if (_processed.Contains(update.Key))
                {
                    return DispatchOutcome.Duplicate;
                }

                context = _contexts.Create(update, now);
                _router.Route(context);
                chats = _outbox.Enqueue(context.Outgoing, now);
                _processed.Add(update.Key, now);
                return DispatchOutcome.Handled;
            });

            if (chats is not null)
            {
                _outbox.NotifyAfterCommit(chats);
            }

            return outcome;
        }
        catch (Exception ex) when (!IsStorageFailure(ex))
        {
            _logger.LogError(ex, "Update {Key} from user {User} failed in its handler; the user gets an apology.", update.Key, update.UserId);
            return Apologise(update, context, now);
        }
        catch (Exception ex)
        {
            _logger.LogError("Update {Key}: storage refused the write ({Error}); it will be handled when delivered again.", update.Key, ex.Message);
            return DispatchOutcome.StorageUnavailable;
        }
    }

    private DispatchOutcome Apologise(IncomingUpdate update, UpdateContext? context, DateTime now)
    {
        try
        {
            var texts = context?.T ?? _contexts.Create(update, now).T;
            var apology = new OutgoingMessage { ChatId = update.ChatId, Html = texts["error.apology"], IsGroup = update.ChatKind == ChatKind.Group, Purpose = "apology" };
            var chats = _db.InTransaction(() =>
            {
                _processed.Add(update.Key, now);
                return _outbox.Enqueue([apology], now);
            });
            _outbox.NotifyAfterCommit(chats);
            return DispatchOutcome.Failed;
        }
        catch (Exception ex)
        {
            _logger.LogError("Update {Key}: the apology could not be stored either ({Error}).", update.Key, ex.Message);
            return DispatchOutcome.StorageUnavailable;
        }
    }

    /// <summary>Disk and database-engine failures: the update is not lost, it is retried later.</summary>
    public static bool IsStorageFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or DatabaseUnavailableException
        || (ex is LiteDB.LiteException lite && lite.ErrorCode is LiteDB.LiteException.FILE_NOT_FOUND
            or LiteDB.LiteException.DATABASE_SHUTDOWN or LiteDB.LiteException.INVALID_DATABASE
            or LiteDB.LiteException.FILE_SIZE_EXCEEDED or LiteDB.LiteException.LOCK_TIMEOUT);

    public void Dispose() => _slots.Dispose();
}
