using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// The prompts in <c>prompts/Briefs</c> (prompt directories: skprompt.txt + config.json) as Semantic
/// Kernel functions over the configured OpenAI-compatible server. Renders a prompt without calling
/// the model (to measure it against the context budget, and in tests) and invokes it.
/// </summary>
public sealed class PromptLibrary
{
    public const string PluginName = "Briefs";

    private readonly AiOptions _options;
    private readonly Lazy<(Kernel Kernel, KernelPlugin Plugin)> _kernel;
    private static readonly Kernel RenderKernel = new();
    private readonly KernelPromptTemplateFactory _templates = new();

    public PromptLibrary(IOptions<AiOptions> options)
    {
        _options = options.Value;
        Directory = ResolveDirectory(_options.PromptsPath);
        _kernel = new Lazy<(Kernel, KernelPlugin)>(Build);
    }

    /// <summary>The folder holding one folder per prompt.</summary>
    public string Directory { get; }

    /// <summary>The prompt as the model would receive it (the chat messages' markup, variables filled in).</summary>
    public async Task<string> RenderAsync(string function, KernelArguments arguments, CancellationToken cancellationToken = default)
    {
        var config = PromptTemplateConfig.FromJson(await File.ReadAllTextAsync(Path.Combine(Directory, function, "config.json"), cancellationToken));
        config.Template = await File.ReadAllTextAsync(Path.Combine(Directory, function, "skprompt.txt"), cancellationToken);
        // Rendering needs no model: a bare kernel, so prompts can be measured (and tested) without a server.
        return await _templates.Create(config).RenderAsync(RenderKernel, arguments, cancellationToken);
    }

    /// <summary>Calls the model with the prompt; the answer's text.</summary>
    public async Task<string> InvokeAsync(string function, KernelArguments arguments, int maxTokens, CancellationToken cancellationToken)
    {
        var (kernel, plugin) = _kernel.Value;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = maxTokens, Temperature = 0.2 };
        var withSettings = new KernelArguments(arguments, new Dictionary<string, PromptExecutionSettings> { [PromptExecutionSettings.DefaultServiceId] = settings });
        var result = await kernel.InvokeAsync(plugin[function], withSettings, cancellationToken);
        return result.GetValue<string>() ?? "";
    }

    private (Kernel, KernelPlugin) Build()
    {
        var client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrWhiteSpace(_options.ApiKey) ? "none" : _options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(_options.Endpoint),
                // One attempt: a failure falls back to the offline text at once instead of retrying for minutes.
                RetryPolicy = new ClientRetryPolicy(0),
                NetworkTimeout = TimeSpan.FromSeconds(_options.TimeoutSeconds),
            });
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(_options.Model, client).Build();
        var plugin = kernel.CreatePluginFromPromptDirectory(Directory, PluginName);
        return (kernel, plugin);
    }

    private static string ResolveDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        return Path.Combine(AppContext.BaseDirectory, "prompts", PluginName);
    }
}
