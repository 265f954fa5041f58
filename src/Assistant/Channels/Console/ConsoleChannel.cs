using Assistant.Core.Dispatching;
using Assistant.Core.Jobs;
using Assistant.Core.Teams;

namespace Assistant.Channels.Console;

/// <summary>
/// The assistant in a terminal, without a bot token. Each line is one message from the operator
/// (a leader of the local team); a number or a label picks a button of the latest message, and a bare
/// number that picks nothing is answered with a hint instead of being sent. Works with piped input: at
/// end of input it waits for the last replies and stops the host.
/// </summary>
public sealed class ConsoleChannel(
    ConsoleSession session,
    Dispatcher dispatcher,
    OutboxSender sender,
    JobStore jobs,
    KeyValueStore state,
    AssistantDatabase db,
    ConsoleWorkspace workspace,
    TeamStore teams,
    TextCatalog catalog,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ConsoleChannel> logger) : BackgroundService
{
    public const string Channel = "console";
    private const string UpdateCounterKey = "console-update-counter";
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the rest of start-up finish before reading the terminal.
        await Task.Yield();
        var member = workspace.Operator ?? throw new InvalidOperationException("The console started before ConsoleWorkspace.Prepare put its operator in a team.");
        var texts = catalog.For(member.Language);
        var team = workspace.TeamOf(member);
        await session.Output.WriteLineAsync(Html.ToPlainText(texts.Format("console.banner", member.DisplayName, texts[member.Role.CatalogKey()], team.Name, team.Region)));
        await session.Output.FlushAsync(stoppingToken);

        var next = state.GetLong(UpdateCounterKey) ?? 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = await session.Input.ReadLineAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!line.StartsWith('/') && session.Match(line) is null && ConsoleSession.IsBareNumber(line))
            {
                // A number meant a choice that is not (or no longer) on offer: never saved as a note or an answer.
                await session.Output.WriteLineAsync(Html.ToPlainText(NoChoiceHint(line.Trim())) + "\n");
                await session.Output.FlushAsync(stoppingToken);
                continue;
            }

            next++;
            var outcome = DispatchOutcome.StorageUnavailable;
            try
            {
                db.InTransaction(() => state.Set(UpdateCounterKey, next));
                outcome = await dispatcher.DispatchAsync(ToUpdate(line, next, member));
            }
            catch (Exception ex) when (Dispatcher.IsStorageFailure(ex))
            {
                logger.LogError("The database refused the write: {Error}", ex.Message);
            }

            if (outcome == DispatchOutcome.StorageUnavailable)
            {
                await session.Output.WriteLineAsync("The database refused the write; the message was not saved. Check the disk and try again.");
            }

            await WaitUntilDeliveredAsync(ConsoleIdentity.ChatId, stoppingToken);
        }

        await WaitUntilDeliveredAsync(null, stoppingToken);
        logger.LogInformation("End of console input; stopping.");
        lifetime.StopApplication();
    }

    private string NoChoiceHint(string number)
    {
        var t = catalog.For(teams.GetMember(ConsoleIdentity.UserId)?.Language ?? Language.Chinese);
        var live = session.Buttons.Count;
        return live == 0 ? t.Format("console.no_choices", number) : t.Format("console.no_choice", number, live);
    }

    private IncomingUpdate ToUpdate(string line, long id, Member member)
    {
        var button = line.StartsWith('/') ? null : session.Match(line);
        return new IncomingUpdate
        {
            Channel = Channel,
            UpdateId = id,
            Kind = button is null ? UpdateKind.Message : UpdateKind.Callback,
            ChatId = ConsoleIdentity.ChatId,
            ChatKind = ChatKind.Private,
            UserId = ConsoleIdentity.UserId,
            FirstName = member.DisplayName,
            Date = time.GetUtcNow(),
            Text = button is null ? line : null,
            CallbackData = button?.Data,
            CallbackId = button is null ? null : id.ToString(CultureInfo.InvariantCulture),
            MessageId = button is null ? null : 1,
        };
    }

    /// <summary>
    /// Waits (at most <see cref="DrainLimit"/>) until the background jobs due now have run and every
    /// reply, theirs included, is printed: a terminal session reads in order, and piped input ends
    /// only after the last answer (an export, the statistics) is out.
    /// </summary>
    private async Task WaitUntilDeliveredAsync(long? chatId, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + DrainLimit;
        while (!ct.IsCancellationRequested && time.GetUtcNow() < deadline)
        {
            if (jobs.Due(time.GetUtcNow().UtcDateTime, 1).Count == 0 && (chatId is { } chat ? sender.IsIdle(chat) : sender.IsIdle()))
            {
                return;
            }

            await Task.Delay(5, ct);
        }
    }
}
