using Assistant.Core;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Benchmarks;

/// <summary>The real core on a LiteDB file in a temp folder, no channel: what the pipeline benchmarks drive.</summary>
public sealed class BenchHost : IDisposable
{
    private readonly IHost _host;
    private readonly bool _deleteOnDispose;

    /// <summary>The core on a LiteDB file in <paramref name="folder"/> (a new temp folder when null); <paramref name="deleteOnDispose"/> false keeps the folder to hand it to another process.</summary>
    public BenchHost(string? folder = null, Action<HostApplicationBuilder>? configure = null, IMessageTransport? transport = null, bool deleteOnDispose = true)
    {
        _deleteOnDispose = deleteOnDispose;
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "ia-bench", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(Folder, "assistant.db") });
        builder.Logging.ClearProviders();
        builder.AddAssistantCore();
        builder.Services.AddSingleton(transport ?? new NullTransport());
        configure?.Invoke(builder);
        _host = builder.Build();
    }

    public string Folder { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public Team CreateTeam(string name, string code)
    {
        var (team, error) = Get<TeamAdministration>().CreateTeam(name, "湖南省", new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 10), code);
        return team ?? throw new InvalidOperationException(error);
    }

    public void AddMembers(Team team, long firstUserId, int count, Role role = Role.Member)
    {
        for (var i = 0; i < count; i++)
        {
            Get<TeamAdministration>().AddMember(team, firstUserId + i, $"成员{i}", role, Core.Localization.Language.Chinese);
        }
    }

    /// <summary>Starts the outbox sender (to a null channel) so the outbox does not grow during a run.</summary>
    public Task StartSenderAsync() => Get<OutboxSender>().StartAsync(CancellationToken.None);

    public void Dispose()
    {
        _host.Dispose();
        if (!_deleteOnDispose)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public sealed class NullTransport : IMessageTransport
    {
        public DeliveryLimits Limits => DeliveryLimits.Unlimited with { MaxConcurrentSends = 8 };

        public Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken) =>
            Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered());
    }
}

/// <summary>Latency samples in microseconds, with percentiles.</summary>
public sealed class Samples
{
    private readonly List<double> _values = [];

    public void Add(double microseconds)
    {
        lock (_values)
        {
            _values.Add(microseconds);
        }
    }

    public int Count => _values.Count;

    /// <summary>Runs the work a few times to warm up, then <paramref name="repeat"/> times measured.</summary>
    public static Samples Of(int repeat, Func<int> work)
    {
        for (var i = 0; i < 5; i++)
        {
            work();
        }

        var samples = new Samples();
        for (var i = 0; i < repeat; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            work();
            samples.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        return samples;
    }

    public double Percentile(double p)
    {
        lock (_values)
        {
            if (_values.Count == 0)
            {
                return 0;
            }

            var sorted = _values.Order().ToList();
            var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
            return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
        }
    }
}
