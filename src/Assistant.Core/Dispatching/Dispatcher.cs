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
/// Runs updates: strictly in order within a chat, many chats at once. One committer thread takes the
/// next update of up to <see cref="MaxBatch"/> waiting chats and handles them in one LiteDB
/// transaction that also records each chat's cursor and every reply (group commit: the pages those
/// updates share are written once). If a handler throws, the batch is rolled back and its updates
/// run again one by one, so only the faulty one ends in an apology. Handlers are synchronous and
/// short; slow work (documents, model calls, downloads) belongs in background jobs.
/// </summary>
public sealed class Dispatcher : IDisposable
{
    public const int MaxBatch = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, long Chat), ChatQueue> _chats = [];
    private readonly Queue<ChatQueue> _ready = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly CancellationTokenSource _stop = new();
    private readonly AssistantDatabase _db;
    private readonly ProcessedUpdates _processed;
    private readonly ContextFactory _contexts;
    private readonly Router _router;
    private readonly Outbox _outbox;
    private readonly DeliveryLog _deliveries;
    private readonly TimeProvider _time;
    private readonly ILogger<Dispatcher> _logger;
    private Thread? _committer;

    public Dispatcher(AssistantDatabase db, ProcessedUpdates processed, ContextFactory contexts, Router router, Outbox outbox, DeliveryLog deliveries, TimeProvider time, ILogger<Dispatcher> logger)
    {
        _deliveries = deliveries;
        deliveries.Attach(Wake);
        _db = db;
        _processed = processed;
        _contexts = contexts;
        _router = router;
        _outbox = outbox;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Queues the update behind earlier updates of its chat; completes once it is committed. A chat's
    /// updates must be dispatched in the order the channel numbered them (the dedupe cursor relies on it).
    /// </summary>
    public Task<DispatchOutcome> DispatchAsync(IncomingUpdate update)
    {
        var work = new Work(update);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
            var key = (update.Channel, update.ChatId);
            if (!_chats.TryGetValue(key, out var chat))
            {
                chat = new ChatQueue(key);
                _chats[key] = chat;
            }

            chat.Waiting.Enqueue(work);
            if (!chat.Busy && !chat.Ready)
            {
                chat.Ready = true;
                _ready.Enqueue(chat);
            }

            _committer ??= StartCommitter();
        }

        _wake.Set();
        return work.Done.Task;
    }

    /// <summary>Wakes the committer (new updates, or delivered messages to remove from the outbox).</summary>
    private void Wake()
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _committer ??= StartCommitter();
        }

        _wake.Set();
    }

    private Thread StartCommitter()
    {
        // A dedicated thread: LiteDB transactions belong to the thread that began them.
        var thread = new Thread(CommitLoop) { IsBackground = true, Name = "dispatcher" };
        thread.Start();
        return thread;
    }

    private void CommitLoop()
    {
        var batch = new List<(ChatQueue Chat, Work Work)>(MaxBatch);
        while (true)
        {
            try
            {
                _wake.Wait(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _wake.Reset();
            while (!_stop.IsCancellationRequested)
            {
                batch.Clear();
                lock (_gate)
                {
                    while (batch.Count < MaxBatch && _ready.TryDequeue(out var chat))
                    {
                        chat.Ready = false;
                        chat.Busy = true;
                        batch.Add((chat, chat.Waiting.Dequeue()));
                    }
                }

                var delivered = _deliveries.Drain();
                if (batch.Count == 0 && delivered.Count == 0)
                {
                    break;
                }

                var outcomes = Run(batch.Select(b => b.Work.Update).ToList(), delivered);
                Complete(batch, outcomes);
            }
        }
    }

    private DispatchOutcome[] Run(List<IncomingUpdate> updates, List<long> delivered)
    {
        if (delivered.Count > 0)
        {
            try
            {
                _db.InTransaction(() =>
                {
                    foreach (var id in delivered)
                    {
                        _outbox.Delete(id);
                    }
                });
                _deliveries.Settled(delivered);
            }
            catch (Exception ex)
            {
                _logger.LogWarning("Could not remove {Count} delivered messages from the outbox ({Error}); retrying.", delivered.Count, ex.Message);
                _deliveries.Requeue(delivered);
            }
        }

        if (updates.Count == 0)
        {
            return [];
        }

        try
        {
            return ProcessBatch(updates);
        }
        catch (Exception ex)
        {
            _logger.LogCritical(ex, "A batch of {Count} updates could not be processed at all.", updates.Count);
            return [.. updates.Select(_ => DispatchOutcome.StorageUnavailable)];
        }
    }

    private void Complete(List<(ChatQueue Chat, Work Work)> batch, DispatchOutcome[] outcomes)
    {
        var completions = new List<(Work Work, DispatchOutcome Outcome)>(batch.Count);
        lock (_gate)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var (chat, work) = batch[i];
                completions.Add((work, outcomes[i]));
                chat.Busy = false;
                if (outcomes[i] == DispatchOutcome.StorageUnavailable)
                {
                    // Handling a later update of this chat would move its cursor past this one,
                    // and the redelivery would then be taken for a duplicate.
                    while (chat.Waiting.TryDequeue(out var later))
                    {
                        completions.Add((later, DispatchOutcome.StorageUnavailable));
                    }
                }

                if (chat.Waiting.Count > 0)
                {
                    chat.Ready = true;
                    _ready.Enqueue(chat);
                }
                else
                {
                    _chats.Remove(chat.Key);
                }
            }
        }

        foreach (var (work, outcome) in completions)
        {
            work.Done.SetResult(outcome);
        }
    }

    /// <summary>Handles updates of different chats in one transaction; one by one when a handler throws.</summary>
    public DispatchOutcome[] ProcessBatch(IReadOnlyList<IncomingUpdate> updates)
    {
        if (updates.Count == 1)
        {
            return [Process(updates[0])];
        }

        var now = _time.GetUtcNow().UtcDateTime;
        try
        {
            var (outcomes, queued) = _db.InTransaction(() =>
            {
                var results = new DispatchOutcome[updates.Count];
                var entries = new List<OutboxEntry>();
                for (var i = 0; i < updates.Count; i++)
                {
                    results[i] = Handle(updates[i], now, entries, out _);
                }

                return (results, entries);
            });
            _outbox.NotifyAfterCommit(queued);
            return outcomes;
        }
        catch (Exception ex) when (!IsStorageFailure(ex))
        {
            // Rolled back: run each alone so the failure stays with the update that caused it.
            return [.. updates.Select(Process)];
        }
        catch (Exception ex)
        {
            _logger.LogError("{Count} updates: storage refused the write ({Error}); they will be handled when delivered again.", updates.Count, ex.Message);
            return [.. updates.Select(_ => DispatchOutcome.StorageUnavailable)];
        }
    }

    /// <summary>Handles one update synchronously on the calling thread (no awaits inside the transaction).</summary>
    public DispatchOutcome Process(IncomingUpdate update)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        UpdateContext? context = null;
        try
        {
            var entries = new List<OutboxEntry>();
            var outcome = _db.InTransaction(() => Handle(update, now, entries, out context));
            _outbox.NotifyAfterCommit(entries);
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

    private DispatchOutcome Handle(IncomingUpdate update, DateTime now, List<OutboxEntry> entries, out UpdateContext? context)
    {
        context = null;
        if (_processed.IsHandled(update.Channel, update.ChatId, update.UpdateId))
        {
            return DispatchOutcome.Duplicate;
        }

        context = _contexts.Create(update, now);
        _router.Route(context);
        entries.AddRange(_outbox.Enqueue(context.Outgoing, now));
        _processed.MarkHandled(update.Channel, update.ChatId, update.UpdateId, now);
        return DispatchOutcome.Handled;
    }

    private DispatchOutcome Apologise(IncomingUpdate update, UpdateContext? context, DateTime now)
    {
        try
        {
            var texts = context?.T ?? _contexts.Create(update, now).T;
            var apology = new OutgoingMessage { ChatId = update.ChatId, Html = texts["error.apology"], IsGroup = update.ChatKind == ChatKind.Group, Purpose = "apology" };
            var queued = _db.InTransaction(() =>
            {
                _processed.MarkHandled(update.Channel, update.ChatId, update.UpdateId, now);
                return _outbox.Enqueue([apology], now);
            });
            _outbox.NotifyAfterCommit(queued);
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

    public void Dispose()
    {
        lock (_gate)
        {
            _stop.Cancel();
        }

        _committer?.Join(TimeSpan.FromSeconds(10));

        // Messages the channel accepted since the committer's last transaction: remove them now, or
        // the next start would send them a second time.
        _deliveries.Detach();
        var delivered = _deliveries.Drain();
        if (delivered.Count > 0)
        {
            Run([], delivered);
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    private sealed class ChatQueue((string, long) key)
    {
        public (string, long) Key { get; } = key;

        public Queue<Work> Waiting { get; } = new();

        /// <summary>In the ready queue, waiting for the committer.</summary>
        public bool Ready { get; set; }

        /// <summary>One of its updates is being handled now.</summary>
        public bool Busy { get; set; }
    }

    private sealed class Work(IncomingUpdate update)
    {
        public IncomingUpdate Update { get; } = update;

        public TaskCompletionSource<DispatchOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
