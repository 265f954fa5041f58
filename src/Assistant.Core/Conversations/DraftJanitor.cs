using Assistant.Core.Teams;

namespace Assistant.Core.Conversations;

/// <summary>Drops drafts untouched for longer than Assistant:DraftTimeoutHours and tells their owners.</summary>
public sealed class DraftJanitor(
    ConversationEngine engine,
    TeamStore teams,
    Outbox outbox,
    AssistantDatabase db,
    TextCatalog catalog,
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
                engine.Drop(draft);
                var t = catalog.For(teams.GetMember(draft.Id)?.Language ?? Language.Chinese);
                var notice = new OutgoingMessage
                {
                    ChatId = draft.ChatId,
                    Html = t.Format("flow.expired", t[engine.TitleKeyOf(draft)], (int)engine.DraftTimeout.TotalHours),
                    Purpose = "draft-expired",
                };
                return outbox.Enqueue([notice], now);
            });
            outbox.NotifyAfterCommit(queued);
            count++;
        }

        return count;
    }
}
