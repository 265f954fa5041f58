using Assistant.Core.Dispatching;

namespace Assistant.Core.Conversations;

/// <summary>
/// Drops drafts untouched for longer than Assistant:DraftTimeoutHours and tells their owners, as the member's next update
/// would (<see cref="ConversationEngine.Expire"/>): the notice, then what the flow says is left (a tip left half-done comes
/// back with its note's buttons, as after /cancel).
/// </summary>
public sealed class DraftJanitor(
    ConversationEngine engine,
    ContextFactory contexts,
    Outbox outbox,
    AssistantDatabase db,
    TimeProvider time,
    ILogger<DraftJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                Sweep();
            }
            catch (Exception ex)
            {
                logger.LogWarning("Draft sweep failed: {Error}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Drops every stale draft with a notice to its owner; returns how many.</summary>
    public int Sweep()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var draft in engine.StaleDrafts(now))
        {
            var queued = db.InTransaction(() =>
            {
                // The owner's context as their next update would have it (team, language, zone), with nothing typed.
                var update = new IncomingUpdate { Channel = "janitor", UpdateId = 0, ChatId = draft.ChatId, UserId = draft.Id, Date = time.GetUtcNow() };
                var context = contexts.Create(update, now);
                engine.Expire(context, draft);
                return outbox.Enqueue([.. context.Outgoing.Select(m => m with { Purpose = "draft-expired" })], now);
            });
            outbox.NotifyAfterCommit(queued);
            count++;
        }

        return count;
    }
}
