using Assistant.Core.Dispatching;
using Assistant.Hosting;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Long polling. A batch of updates is confirmed to Telegram (by asking with a higher offset) only
/// after every update in it has been committed, and the offset is persisted, so a crash or restart
/// never loses an update; a redelivered one is recognised by the dispatcher.
/// </summary>
public sealed class TelegramPoller(
    ITelegramBotClient client,
    Dispatcher dispatcher,
    KeyValueStore state,
    AssistantDatabase db,
    TelegramMenu menu,
    IOptions<TelegramOptions> options,
    IHostApplicationLifetime lifetime,
    ExitCode exitCode,
    TimeProvider time,
    StorageOutageNotice outageNotice,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    public const string OffsetKey = "telegram-offset";

    /// <summary>A 409 this soon after start means another instance already polls this token: refuse to run.</summary>
    private static readonly TimeSpan StartupConflictWindow = TimeSpan.FromSeconds(60);

    /// <summary>The longest wait before Telegram is asked again after a failure.</summary>
    private static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(30);

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.ChannelPost];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetUtcNow();
        await menu.PrepareAsync(stoppingToken);
        var publishing = menu.PublishCommandsAsync(stoppingToken);
        try
        {
            await PollAsync(started, stoppingToken);
        }
        finally
        {
            await publishing;
        }
    }

    private async Task PollAsync(DateTimeOffset started, CancellationToken stoppingToken)
    {
        var offset = state.GetLong(OffsetKey) ?? 0;
        var failures = 0;
        var conflictLogged = false;
        logger.LogInformation("Polling Telegram for updates from offset {Offset}.", offset);
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                // A hung connection is abandoned after the poll's own timeout plus the request timeout.
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.PollTimeoutSeconds) + options.Value.RequestTimeout);
                updates = await client.GetUpdates((int)offset, 100, options.Value.PollTimeoutSeconds, Wanted, deadline.Token);
                failures = 0;
                conflictLogged = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                if (time.GetUtcNow() - started < StartupConflictWindow)
                {
                    Fatal(4, "Another process is already polling this bot token (Telegram answered 409 Conflict). Stop the other instance; this one will not start.");
                    return;
                }

                if (!conflictLogged)
                {
                    logger.LogError("Telegram answered 409 Conflict: another process is polling this bot token or a webhook is set. Updates are shared until it stops; retrying.");
                    conflictLogged = true;
                }

                await DelayAsync(TimeSpan.FromSeconds(5), stoppingToken);
                continue;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 401 || ex.ErrorCode == 404)
            {
                Fatal(5, "Telegram rejected the bot token (401 Unauthorized). Check Telegram:BotToken; the assistant stops.");
                return;
            }
            catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException or OperationCanceledException)
            {
                failures++;
                var wait = RetryWait(failures);
                logger.LogWarning("Could not reach Telegram ({Error}); retry {Attempt} in {Seconds}s.", TokenRedaction.Redact(ex.Message, options.Value.BotToken), failures, wait.TotalSeconds);
                await DelayAsync(wait, stoppingToken);
                continue;
            }

            if (updates.Length == 0)
            {
                continue;
            }

            foreach (var callback in updates.Select(u => u.CallbackQuery).OfType<CallbackQuery>())
            {
                _ = AnswerAsync(callback.Id);
            }

            var incoming = updates.Select(TelegramUpdateMapper.Map).ToList();
            var outcomes = await Task.WhenAll(incoming.Select(dispatcher.DispatchAsync));
            var firstUnhandled = Array.FindIndex(outcomes, o => o == DispatchOutcome.StorageUnavailable);
            if (firstUnhandled < 0 && !Synced())
            {
                firstUnhandled = 0;
            }

            if (firstUnhandled >= 0)
            {
                // Leave it unconfirmed: Telegram delivers it again once storage works (handled ones are deduplicated).
                offset = updates[firstUnhandled].Id;
                failures++;
                await outageNotice.TellAsync(incoming.Skip(firstUnhandled), stoppingToken);
                await DelayAsync(RetryWait(failures), stoppingToken);
                continue;
            }

            outageNotice.Over();

            offset = updates[^1].Id + 1;
            try
            {
                db.InTransaction(() => state.Set(OffsetKey, offset));
            }
            catch (Exception ex) when (Dispatcher.IsStorageFailure(ex))
            {
                logger.LogWarning("Could not persist the polling offset ({Error}); updates may be redelivered and will be deduplicated.", ex.Message);
            }
        }
    }

    /// <summary>Forces the batch's commits to disk before Telegram is told they are handled; false when a write failed.</summary>
    private bool Synced()
    {
        try
        {
            db.SyncLog();
            return true;
        }
        catch (Exception ex) when (Dispatcher.IsStorageFailure(ex))
        {
            logger.LogError("The database could not be written ({Error}); the batch stays unconfirmed and is handled again when storage works.", ex.Message);
            return false;
        }
    }

    private async Task AnswerAsync(string callbackId)
    {
        try
        {
            await client.AnswerCallbackQuery(callbackId);
        }
        catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException or OperationCanceledException)
        {
            // An old or duplicate query: the button's effect does not depend on this.
            logger.LogDebug("answerCallbackQuery failed: {Error}", TokenRedaction.Redact(ex.Message, options.Value.BotToken));
        }
    }

    private void Fatal(int code, string message)
    {
        logger.LogCritical("{Message}", message);
        exitCode.Value = code;
        lifetime.StopApplication();
    }

    private async Task DelayAsync(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, time, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static TimeSpan RetryWait(int failures) => Backoff.Doubling(failures - 1, TimeSpan.FromSeconds(1), MaxRetryWait);
}
