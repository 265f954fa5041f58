using Assistant.Core.Localization;
using Assistant.Core.Teams;
using Assistant.Hosting;
using Assistant.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Support;

/// <summary>
/// The real host (Program's composition, Telegram channel, real Telegram.Bot client) started against
/// a <see cref="FakeBotApi"/>, on a LiteDB file in a temp folder, with every log line captured.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly IHost _host;

    private TestApp(IHost host, LogCapture logs)
    {
        _host = host;
        Logs = logs;
    }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public IHostApplicationLifetime Lifetime => Get<IHostApplicationLifetime>();

    public static async Task<TestApp> StartAsync(
        FakeBotApi api,
        TempFolder folder,
        IEnumerable<long>? admins = null,
        IDictionary<string, string?>? settings = null,
        Action<HostApplicationBuilder>? configure = null,
        bool pacing = false)
    {
        var logs = new LogCapture();
        var (builder, mode) = AssistantHost.CreateBuilder(Invocation.Parse([]), b =>
        {
            var values = new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = api.Token,
                ["Telegram:ApiBaseUrl"] = api.BaseUrl,
                ["Telegram:PollTimeoutSeconds"] = "1",
                ["Telegram:Pacing"] = pacing ? "true" : "false",
                ["Storage:DatabasePath"] = folder.DatabasePath,
            };
            var i = 0;
            foreach (var admin in admins ?? [])
            {
                values[$"Telegram:AdminUserIds:{i++}"] = admin.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            b.Configuration.AddInMemoryCollection(values);
            if (settings is not null)
            {
                b.Configuration.AddInMemoryCollection(settings);
            }

            b.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            b.Logging.AddFilter((_, _) => true);
            configure?.Invoke(b);
        });
        Assert.Equal(HostMode.Telegram, mode);
        var host = builder.Build();
        await host.StartAsync();
        return new TestApp(host, logs);
    }

    public Team CreateTeam(string name = "第七组", string region = "湖南省")
    {
        var (team, error) = Get<TeamAdministration>().CreateTeam(name, region, new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 10));
        return team ?? throw new InvalidOperationException(error);
    }

    public Member AddMember(Team team, long userId, Role role, string? name = null, Language language = Language.Chinese) =>
        Get<TeamAdministration>().AddMember(team, userId, name ?? $"user{userId}", role, language);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _host.Dispose();
    }
}
