using Assistant.Core.Common;
using Assistant.Core.Findings.Suggestions;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Model;
using Assistant.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Summaries;

/// <summary>
/// The model writer as the host composes it (<see cref="ModelRegistration.AddBriefModel"/>: the kernel in
/// the container, the OpenAI chat completion service, the guard-rail and logging filters, the prompt
/// functions), in a container of its own, against a stand-in server, with every log line captured at
/// every level and time from a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class ModelHarness : IDisposable
{
    private readonly IHost _host;

    private ModelHarness(IHost host, LogCapture logs, FakeTimeProvider time)
    {
        _host = host;
        Logs = logs;
        Time = time;
    }

    public LogCapture Logs { get; }

    public FakeTimeProvider Time { get; }

    public ModelBriefWriter Writer => _host.Services.GetRequiredService<ModelBriefWriter>();

    /// <summary>The finding suggester the container picks (the model's, with a model configured).</summary>
    public IFindingSuggester Suggester => _host.Services.GetRequiredService<IFindingSuggester>();

    public ModelNarratives Narratives => _host.Services.GetRequiredService<ModelNarratives>();

    public PromptLibrary Prompts => _host.Services.GetRequiredService<PromptLibrary>();

    public static ModelHarness Create(Uri endpoint, int contextTokens = 16_384, int timeoutSeconds = 60, Dictionary<string, string?>? settings = null)
    {
        var logs = new LogCapture();
        var time = new FakeTimeProvider(new DateTimeOffset(2023, 11, 2, 13, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AI:Endpoint"] = endpoint.ToString(),
            ["AI:Model"] = "test-model",
            ["AI:ApiKey"] = "test-key",
            ["AI:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AI:ContextTokens"] = contextTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddSettings<AiOptions>(AiOptions.Section);
        builder.Services.AddSingleton(SuggestionRules.Default);
        builder.Services.AddSingleton<RuleSuggester>();
        builder.AddBriefModel();
        return new ModelHarness(builder.Build(), logs, time);
    }

    public void Dispose() => _host.Dispose();
}
