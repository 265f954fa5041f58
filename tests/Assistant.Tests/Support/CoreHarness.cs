using Assistant.Core;
using Assistant.Core.Dispatching;
using Assistant.Core.Localization;
using Assistant.Core.Messaging;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Support;

/// <summary>
/// The real core (dispatcher, router, handlers, stores) on a real LiteDB file, without a channel or
/// hosted services. Updates go in through the dispatcher; replies are read back from the outbox,
/// exactly as a channel would receive them. Dispose and create again on the same folder to restart.
/// </summary>
public sealed class CoreHarness : IDisposable
{
    private static long _nextUpdateId = 1000;
    private readonly IHost _host;
    private readonly bool _ownsFolder;

    private CoreHarness(IHost host, TempFolder folder, bool ownsFolder, FakeTimeProvider time, LogCapture logs)
    {
        _host = host;
        Folder = folder;
        _ownsFolder = ownsFolder;
        Time = time;
        Logs = logs;
    }

    public TempFolder Folder { get; }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The default start: Thursday 2 November 2023, 09:00 in Changsha (01:00 UTC).</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2023, 11, 2, 1, 0, 0, TimeSpan.Zero);

    public static CoreHarness Create(
        TempFolder? folder = null,
        DateTimeOffset? start = null,
        IEnumerable<long>? admins = null,
        IDictionary<string, string?>? settings = null,
        Action<HostApplicationBuilder>? configure = null)
    {
        var owns = folder is null;
        folder ??= new TempFolder();
        var time = new FakeTimeProvider(start ?? DefaultStart);
        var logs = new LogCapture();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = folder.DatabasePath });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddAssistantCore();
        builder.Services.AddSingleton(new Administrators(admins ?? []));
        builder.Services.AddSingleton<IMessageTransport, NullTransport>();
        configure?.Invoke(builder);
        return new CoreHarness(builder.Build(), folder, owns, time, logs);
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public Team CreateTeam(string name = "第七组", string region = "湖南省", string? code = null)
    {
        var (team, error) = Get<TeamAdministration>().CreateTeam(name, region, new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 10), code);
        return team ?? throw new InvalidOperationException(error);
    }

    public Member AddMember(Team team, long userId, Role role, string? name = null, Language language = Language.Chinese) =>
        Get<TeamAdministration>().AddMember(team, userId, name ?? $"user{userId}", role, language);

    public static IncomingUpdate Text(long userId, string text, long? chatId = null, ChatKind kind = ChatKind.Private, string? firstName = null) => new()
    {
        Channel = "test",
        UpdateId = Interlocked.Increment(ref _nextUpdateId),
        Kind = UpdateKind.Message,
        ChatId = chatId ?? userId,
        ChatKind = kind,
        UserId = userId,
        FirstName = firstName ?? $"user{userId}",
        Date = DateTimeOffset.UtcNow,
        Text = text,
        MessageId = (int)(_nextUpdateId % 100000),
    };

    public DispatchOutcome Send(long userId, string text, long? chatId = null, ChatKind kind = ChatKind.Private) =>
        Dispatch(Text(userId, text, chatId, kind));

    public DispatchOutcome Dispatch(IncomingUpdate update) => Get<Dispatcher>().Process(update);

    /// <summary>
    /// Presses a button (by label or part of it) of the message that shows buttons and changed last in the user's
    /// chat (sent or edited), as the member sees it now; the callback names that message, as Telegram's does.
    /// </summary>
    public DispatchOutcome Press(long userId, string label, long? chatId = null)
    {
        var chat = chatId ?? userId;
        var card = LatestCard(chat);
        var buttons = card?.Keyboard!.SelectMany(r => r).ToList() ?? [];
        var button = buttons.FirstOrDefault(b => b.Label == label)
            ?? buttons.FirstOrDefault(b => b.Label.Contains(label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No button '{label}' in chat {chat}. Buttons: {string.Join(" | ", buttons.Select(b => b.Label))}");
        return PressData(userId, button.Data, chat, (int)card!.Id);
    }

    public DispatchOutcome PressData(long userId, string data, long? chatId = null, int messageId = 0) => Dispatch(new IncomingUpdate
    {
        Channel = "test",
        UpdateId = Interlocked.Increment(ref _nextUpdateId),
        Kind = UpdateKind.Callback,
        ChatId = chatId ?? userId,
        UserId = userId,
        Date = DateTimeOffset.UtcNow,
        CallbackData = data,
        CallbackId = "cb" + _nextUpdateId,
        MessageId = messageId,
    });

    /// <summary>
    /// The chat since the last <see cref="Clear"/> as the member sees it now: every message sent, with the edits
    /// queued for it applied (its id is the message id a press on it names). A message whose text was edited moves
    /// to the end (the order is that of the last change); one whose buttons were only removed stays in place. An
    /// edit of a message sent before the last <see cref="Clear"/> shows as that message, with its new text.
    /// </summary>
    public IReadOnlyList<OutboxItem> Messages(long chatId)
    {
        var rows = Get<AssistantDatabase>().Collection<OutboxItem>(Outbox.CollectionName)
            .FindAll().Where(x => x.ChatId == chatId).OrderBy(x => x.Id).ToList();
        var shown = new List<OutboxItem>();
        foreach (var row in rows)
        {
            CatalogGuard.AssertNoMissingKeys(row.Html);
            if (row.EditMessageId is not { } target)
            {
                shown.Add(row);
                continue;
            }

            var index = shown.FindIndex(m => m.Id == target);
            if (row.KeyboardOnly)
            {
                if (index >= 0)
                {
                    shown[index] = Copy(shown[index], shown[index].Html, row.Keyboard);
                }

                continue;
            }

            var edited = Copy(index >= 0 ? shown[index] : row, row.Html, row.Keyboard);
            edited.Id = target;
            edited.EditMessageId = null;
            if (index >= 0)
            {
                shown.RemoveAt(index);
            }

            shown.Add(edited);
        }

        return shown;
    }

    /// <summary>Every row queued for the chat since the last <see cref="Clear"/>, edits included, oldest first.</summary>
    public IReadOnlyList<OutboxItem> Queued(long chatId) =>
        [.. Get<AssistantDatabase>().Collection<OutboxItem>(Outbox.CollectionName).FindAll().Where(x => x.ChatId == chatId).OrderBy(x => x.Id)];

    /// <summary>Plain text of the message that changed last in the chat (sent or edited).</summary>
    public string LastText(long chatId) => Messages(chatId) is { Count: > 0 } m ? Html.ToPlainText(m[^1].Html) : "";

    /// <summary>All message text to the chat since the last <see cref="Clear"/>, as one string.</summary>
    public string AllText(long chatId) => string.Join("\n---\n", Messages(chatId).Select(m => Html.ToPlainText(m.Html)));

    /// <summary>The buttons of the message that shows buttons and changed last (see <see cref="Messages"/>).</summary>
    public IReadOnlyList<OutboxButton> LatestButtons(long chatId) =>
        LatestCard(chatId)?.Keyboard!.SelectMany(r => r).ToList() ?? [];

    private OutboxItem? LatestCard(long chatId) => Messages(chatId).LastOrDefault(m => m.Keyboard is { Count: > 0 });

    private static OutboxItem Copy(OutboxItem m, string html, List<List<OutboxButton>>? keyboard) => new()
    {
        Id = m.Id,
        ChatId = m.ChatId,
        Html = html,
        Keyboard = keyboard,
        EditMessageId = m.EditMessageId,
        FileName = m.FileName,
        FileContent = m.FileContent,
        FileAsPhoto = m.FileAsPhoto,
        FilePath = m.FilePath,
        IsGroup = m.IsGroup,
        Purpose = m.Purpose,
        CreatedUtc = m.CreatedUtc,
    };

    /// <summary>Forgets queued messages (as if delivered).</summary>
    public void Clear() => Get<AssistantDatabase>().Collection<OutboxItem>(Outbox.CollectionName).DeleteAll();

    public void Dispose()
    {
        _host.Dispose();
        if (_ownsFolder)
        {
            Folder.Dispose();
        }
    }

    private sealed class NullTransport : IMessageTransport
    {
        public DeliveryLimits Limits => DeliveryLimits.Unlimited;

        public Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken) =>
            Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered());
    }
}
