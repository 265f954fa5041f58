using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Assistant.Core.Summaries.Model;

/// <summary>
/// The prompts in <c>prompts/Briefs</c> (prompt directories: skprompt.txt + config.json), loaded once
/// as Semantic Kernel prompt functions of the host's kernel. Rendering (to measure a prompt against
/// the context budget, and in tests) and invoking use the same loaded template of each function.
/// What is sent with a call is the prompt's own <c>config.json</c> settings (temperature, top_p,
/// max_tokens), overridden by <c>AI:Temperature</c>, <c>AI:TopP</c> and <c>AI:MaxOutputTokens</c>, the
/// cap never more than the context leaves after the prompt.
/// </summary>
public sealed class PromptLibrary
{
    public const string PluginName = "Briefs";

    /// <summary>The argument that carries a call's <see cref="GuardRailInput"/> to <see cref="GuardRailFilter"/> (no template uses it).</summary>
    public const string CheckArgument = "guard_rail_input";

    /// <summary>Tokens kept free between the prompt and the answer's cap.</summary>
    private const int AnswerMargin = 64;

    private readonly AiOptions _options;
    private readonly Kernel _kernel;
    private readonly Dictionary<string, (IPromptTemplate Template, KernelFunction Function, OpenAIPromptExecutionSettings Settings)> _prompts;

    public PromptLibrary(IOptions<AiOptions> options, Kernel kernel)
    {
        _options = options.Value;
        _kernel = kernel;
        Directory = ResolveDirectory(_options.PromptsPath);
        _prompts = Load(Directory, kernel);
        Plugin = KernelPluginFactory.CreateFromFunctions(PluginName, _prompts.Values.Select(p => p.Function));
    }

    /// <summary>The folder holding one folder per prompt.</summary>
    public string Directory { get; }

    /// <summary>The prompt functions, as one Semantic Kernel plugin.</summary>
    public KernelPlugin Plugin { get; }

    /// <summary>The prompt as the model would receive it (the chat messages' markup, variables filled in).</summary>
    public async Task<string> RenderAsync(string function, KernelArguments arguments, CancellationToken cancellationToken = default) =>
        await _prompts[function].Template.RenderAsync(_kernel, arguments, cancellationToken);

    /// <summary>The settings sent with a call of <paramref name="function"/> whose prompt takes <paramref name="promptTokens"/>.</summary>
    public OpenAIPromptExecutionSettings Settings(string function, int promptTokens)
    {
        var settings = (OpenAIPromptExecutionSettings)_prompts[function].Settings.Clone();
        settings.Temperature = _options.Temperature ?? settings.Temperature;
        settings.TopP = _options.TopP ?? settings.TopP;
        var room = Math.Max(256, _options.ContextTokens - promptTokens - AnswerMargin);
        settings.MaxTokens = Math.Min(_options.MaxOutputTokens ?? settings.MaxTokens ?? room, room);
        return settings;
    }

    /// <summary>
    /// Calls the model with the prompt. The answer comes back with its finish reason, its token usage
    /// and the verdict of the guard rails on <paramref name="check"/> (given by <see cref="GuardRailFilter"/>).
    /// </summary>
    public async Task<ModelAnswer> InvokeAsync(string function, KernelArguments arguments, GuardRailInput check, int promptTokens, CancellationToken cancellationToken)
    {
        var settings = Settings(function, promptTokens);
        var call = new KernelArguments(arguments, new Dictionary<string, PromptExecutionSettings> { [PromptExecutionSettings.DefaultServiceId] = settings })
        {
            [CheckArgument] = check,
        };
        var result = await _kernel.InvokeAsync(_prompts[function].Function, call, cancellationToken);
        return ModelAnswer.From(result, settings.MaxTokens!.Value);
    }

    private static Dictionary<string, (IPromptTemplate, KernelFunction, OpenAIPromptExecutionSettings)> Load(string directory, Kernel kernel)
    {
        var factory = new KernelPromptTemplateFactory(kernel.LoggerFactory);
        var prompts = new Dictionary<string, (IPromptTemplate, KernelFunction, OpenAIPromptExecutionSettings)>(StringComparer.Ordinal);
        foreach (var folder in System.IO.Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            var configFile = Path.Combine(folder, "config.json");
            var templateFile = Path.Combine(folder, "skprompt.txt");
            if (!File.Exists(configFile) || !File.Exists(templateFile))
            {
                continue;
            }

            var config = PromptTemplateConfig.FromJson(File.ReadAllText(configFile));
            config.Name = Path.GetFileName(folder);
            config.Template = File.ReadAllText(templateFile);
            var template = factory.Create(config);
            var function = KernelFunctionFactory.CreateFromPrompt(template, config, kernel.LoggerFactory);
            var settings = OpenAIPromptExecutionSettings.FromExecutionSettings(config.DefaultExecutionSettings ?? new PromptExecutionSettings());
            prompts[config.Name] = (template, function, settings);
        }

        return prompts;
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
