namespace Assistant.Core.Summaries;

/// <summary>
/// Tells the person which part of a long brief the model is on: once writing has taken longer than
/// <see cref="After"/>, then at each new part, no more often than every <see cref="Every"/>.
/// A brief written in one call says nothing here (the chat shows "typing…" meanwhile).
/// </summary>
public sealed class WritingProgress : IProgress<BriefProgress>, IDisposable
{
    /// <summary>Writing shorter than this needs no word on its progress.</summary>
    public static readonly TimeSpan After = TimeSpan.FromSeconds(5);

    /// <summary>The least time between two progress messages.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly Outbox _outbox;
    private readonly AssistantDatabase _db;
    private readonly TimeProvider _time;
    private readonly Texts _t;
    private readonly long _chatId;
    private readonly ITimer _timer;
    private BriefProgress? _current;
    private BriefProgress? _told;
    private long? _toldAt;
    private bool _due;

    public WritingProgress(Outbox outbox, AssistantDatabase db, TimeProvider time, Texts t, long chatId)
    {
        _outbox = outbox;
        _db = db;
        _time = time;
        _t = t;
        _chatId = chatId;
        _timer = time.CreateTimer(_ => Due(), null, After, Timeout.InfiniteTimeSpan);
    }

    public void Report(BriefProgress value)
    {
        lock (_gate)
        {
            _current = value;
            if (_due)
            {
                TellLocked();
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _due = false;
        }
    }

    private void Due()
    {
        lock (_gate)
        {
            _due = true;
            TellLocked();
        }
    }

    private void TellLocked()
    {
        if (_current is not { } current || current == _told
            || (_toldAt is { } at && _time.GetElapsedTime(at) < Every))
        {
            return;
        }

        _told = current;
        _toldAt = _time.GetTimestamp();
        var message = new OutgoingMessage { ChatId = _chatId, Html = _t.Format("summary.progress_part", current.Part, current.Parts), Purpose = "summary-progress" };
        var queued = _db.InTransaction(() => _outbox.Enqueue([message], _time.GetUtcNow().UtcDateTime));
        _outbox.NotifyAfterCommit(queued);
    }
}
