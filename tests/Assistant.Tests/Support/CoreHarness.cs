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

    /// <summary>Presses a button (by label or part of it) of the latest message with buttons in the user's chat.</summary>
    public DispatchOutcome Press(long userId, string label, long? chatId = null)
    {
        var chat = chatId ?? userId;
        var button = LatestButtons(chat).FirstOrDefault(b => b.Label == label)
            ?? LatestButtons(chat).FirstOrDefault(b => b.Label.Contains(label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No button '{label}' in chat {chat}. Buttons: {string.Join(" | ", LatestButtons(chat).Select(b => b.Label))}");
        return PressData(userId, button.Data, chat);
    }

    public DispatchOutcome PressData(long userId, string data, long? chatId = null, int messageId = 1) => Dispatch(new IncomingUpdate
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

    /// <summary>Every message queued for the chat so far (not edits), oldest first.</summary>
    public IReadOnlyList<OutboxItem> Messages(long chatId)
    {
        var messages = Get<AssistantDatabase>().Collection<OutboxItem>(Outbox.CollectionName)
            .FindAll().Where(x => x.ChatId == chatId && x.EditMessageId is null).OrderBy(x => x.Id).ToList();
        foreach (var message in messages)
        {
            CatalogGuard.AssertNoMissingKeys(message.Html);
        }

        return messages;
    }

    /// <summary>Plain text of the newest message to the chat.</summary>
    public string LastText(long chatId) => Messages(chatId) is { Count: > 0 } m ? Html.ToPlainText(m[^1].Html) : "";

    /// <summary>All message text to the chat since the last <see cref="Clear"/>, as one string.</summary>
    public string AllText(long chatId) => string.Join("\n---\n", Messages(chatId).Select(m => Html.ToPlainText(m.Html)));

    public IReadOnlyList<OutboxButton> LatestButtons(long chatId) =>
        Messages(chatId).LastOrDefault(m => m.Keyboard is { Count: > 0 })?.Keyboard!.SelectMany(r => r).ToList() ?? [];

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
            Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(null));
    }
}
