using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Assistant.Core.Findings.Suggestions;
using Assistant.Core.Notes;
using Microsoft.Extensions.Configuration;
using Microsoft.SemanticKernel;
using OpenAI;

namespace Assistant.Core.Summaries.Model;

public static class ModelRegistration
{
    /// <summary>
    /// Semantic Kernel as the host's: the kernel in the container (<c>AddKernel</c>, so it gets the
    /// host's logging), the OpenAI chat completion service over the configured server, the filters
    /// that check and log every call, the prompt functions, the narrative writer and the brief writer.
    /// </summary>
    public static IHostApplicationBuilder AddBriefModel(this IHostApplicationBuilder builder)
    {
        // Semantic Kernel logs rendered prompts, arguments and chat histories at Trace: they carry notes and
        // tips, which must never reach a log, whatever level an operator turns on. Its functions also log a
        // failed call with the exception, whose message carries the server's error body (which may quote the
        // request): ModelCallLog logs every call instead, with the status alone.
        builder.Logging.AddFilter("Microsoft.SemanticKernel", LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.SemanticKernel.KernelFunction", LogLevel.None);

        // Without a model and without a transcription server nothing of Semantic Kernel or the OpenAI client is
        // registered, so their assemblies are never loaded (about 5 MB of the idle process): briefs are written
        // offline and a finding's fields come from the keyword rules (the Findings capability's default).
        var ai = new AiOptions();
        builder.Configuration.GetSection(AiOptions.Section).Bind(ai);
        if (ai.UsesModel || ai.UsesTranscription)
        {
            AddModelServices(builder);
        }

        return builder;
    }

    /// <summary>
    /// The kernel, the OpenAI services, the filters and the model's writers. A method of its own, never inlined: the
    /// JIT loads the assemblies a method names when it compiles it, so Semantic Kernel stays unloaded without a model.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddModelServices(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddKernel();
        // Filters run in the order registered, the first outermost: the log sees the verdict the check leaves.
        services.AddSingleton<IFunctionInvocationFilter, ModelCallLog>();
        services.AddSingleton<IFunctionInvocationFilter, GuardRailFilter>();
        services.AddSingleton(sp => CreateClient(sp.GetRequiredService<IOptions<AiOptions>>().Value));
        if (builder.Configuration[$"{AiOptions.Section}:{nameof(AiOptions.Model)}"] is { Length: > 0 } model)
        {
            services.AddOpenAIChatCompletion(model);
        }

        services.AddSingletons(typeof(PromptLibrary), typeof(ModelNarratives), typeof(ModelBriefWriter));

        // Voice notes to text when AI:TranscriptionEndpoint is set (the Notes capability's job uses it).
        services.AddSingleton<IVoiceTranscriber, ModelTranscriber>();

        // A finding's suggested fields: the model when one is configured and allowed, else the keyword rules.
        services.AddSingleton<ModelFindingSuggester>();
        services.AddSingleton<IFindingSuggester>(sp => sp.GetRequiredService<IOptions<AiOptions>>().Value.UsesModel
            ? sp.GetRequiredService<ModelFindingSuggester>()
            : sp.GetRequiredService<RuleSuggester>());
    }

    /// <summary>The OpenAI client for the configured server: no retries, the output cap in the fields the server reads.</summary>
    public static OpenAIClient CreateClient(AiOptions options)
    {
        var endpoint = new Uri(options.Endpoint);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            // One attempt: a failure falls back to the offline text at once instead of retrying for minutes.
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };
        clientOptions.AddPolicy(new OutputCapPolicy(OutputCapPolicy.For(options.OutputCapField, endpoint)), PipelinePosition.PerCall);
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey), clientOptions);
    }
}
