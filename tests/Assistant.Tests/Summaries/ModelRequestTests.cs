using Assistant.Core.Localization;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Model;
using Assistant.Tests.Fakes;

namespace Assistant.Tests.Summaries;

/// <summary>
/// What the writer sends, against a stand-in for each supported server family: the prompt's own
/// settings (or the operator's), and an output cap in the fields that family honours, so a looping
/// model is cut there, which the writer treats as a failure with its own reason.
/// </summary>
public sealed class ModelRequestTests
{
    private static readonly Texts Zh = TextCatalog.Default.Chinese;

    /// <summary>Every family but OpenAI's own API, which refuses the two cap fields together.</summary>
    public static TheoryData<ModelServerFamily> LocalFamilies => new()
    {
        ModelServerFamily.Vllm, ModelServerFamily.LlamaCppServer, ModelServerFamily.LlamaCppPython, ModelServerFamily.LmStudio, ModelServerFamily.Ollama, ModelServerFamily.Compatible,
    };

    /// <summary>The families that read only max_tokens.</summary>
    public static TheoryData<ModelServerFamily> MaxTokensOnly => new()
    {
        ModelServerFamily.LlamaCppServer, ModelServerFamily.LlamaCppPython, ModelServerFamily.LmStudio, ModelServerFamily.Ollama,
    };

    /// <summary>The settings AI:OutputCapField=Auto chooses for api.openai.com, given to the OpenAI stand-in (which listens on 127.0.0.1).</summary>
    private static Dictionary<string, string?>? SettingsFor(ModelServerFamily family, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? []);
        if (family == ModelServerFamily.OpenAI)
        {
            settings["AI:OutputCapField"] = nameof(OutputCapField.MaxCompletionTokens);
        }

        return settings;
    }

    [Theory]
    [MemberData(nameof(LocalFamilies))]
    [InlineData(ModelServerFamily.OpenAI)]
    public async Task Daily_SendsTheConfigJsonSettings_AndACapTheServerHonours_AndTakesItsAnswer(ModelServerFamily family)
    {
        await using var server = await FakeModelServer.StartAsync(family);
        using var harness = ModelHarness.Create(server.BaseUrl, settings: SettingsFor(family));
        server.Reply(_ => ModelAnswers.Day);

        var written = await harness.Writer.DailyAsync(BriefFixtures.DayFacts, Zh, null, CancellationToken.None);

        Assert.Null(written.FallbackReason);
        Assert.Equal("model:test-model", written.Writer);
        var request = Assert.Single(server.Requests);
        // prompts/Briefs/DailyNarrative/config.json: temperature 0.2, top_p 0.9, max_tokens 1024 (a few sentences a part).
        Assert.Equal(0.2, request.Temperature);
        Assert.Equal(0.9, request.TopP);
        Assert.Equal(1024, server.HonouredCap(request));
        if (family == ModelServerFamily.OpenAI)
        {
            Assert.Equal((1024, (int?)null), (request.MaxCompletionTokens, request.MaxTokens));
        }
        else
        {
            Assert.Equal((1024, 1024), (request.MaxCompletionTokens, request.MaxTokens));
        }
    }

    [Theory]
    [MemberData(nameof(LocalFamilies))]
    [InlineData(ModelServerFamily.OpenAI)]
    public async Task ALoopingModel_IsCutAtTheCap_AndTheOfflineTextSaysSo(ModelServerFamily family)
    {
        await using var server = await FakeModelServer.StartAsync(family);
        using var harness = ModelHarness.Create(server.BaseUrl, settings: SettingsFor(family, new() { ["AI:MaxOutputTokens"] = "500" }));
        server.Reply(_ => ModelAnswers.Runaway);

        var written = await harness.Writer.DailyAsync(BriefFixtures.DayFacts, Zh, null, CancellationToken.None);

        Assert.Equal(500, server.HonouredCap(Assert.Single(server.Requests)));
        Assert.Equal("模型的回答达到长度上限（500个词元）被截断，以下为离线生成的文本。", written.FallbackReason);
        Assert.Equal(OfflineBriefWriter.Name, written.Writer);
    }

    [Theory]
    [MemberData(nameof(MaxTokensOnly))]
    public async Task WithMaxCompletionTokensAlone_TheseServersRunPastTheCap_AndTheWriterRefusesTheAnswer(ModelServerFamily family)
    {
        await using var server = await FakeModelServer.StartAsync(family);
        using var harness = ModelHarness.Create(server.BaseUrl, settings: new()
        {
            ["AI:MaxOutputTokens"] = "500",
            ["AI:OutputCapField"] = nameof(OutputCapField.MaxCompletionTokens),
        });
        server.Reply(_ => ModelAnswers.Runaway);

        var written = await harness.Writer.DailyAsync(BriefFixtures.DayFacts, Zh, null, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal((500, (int?)null), (request.MaxCompletionTokens, request.MaxTokens));
        Assert.Null(server.HonouredCap(request));
        Assert.Equal("模型服务未遵守长度上限（500个词元），回答超长，以下为离线生成的文本。", written.FallbackReason);
    }

    [Fact]
    public async Task OpenAIsApi_RefusesBothCapFields_SoAProxyToItNeedsTheSetting()
    {
        await using var server = await FakeModelServer.StartAsync(ModelServerFamily.OpenAI);
        using var harness = ModelHarness.Create(server.BaseUrl);
        server.Reply(_ => ModelAnswers.Day);

        var written = await harness.Writer.DailyAsync(BriefFixtures.DayFacts, Zh, null, CancellationToken.None);

        Assert.Equal("调用模型出错（HTTP 400），以下为离线生成的文本。", written.FallbackReason);
        Assert.Equal(400, Assert.Single(server.Requests).StatusCode);
    }

    [Theory]
    [InlineData("https://api.openai.com/v1", OutputCapField.Auto, OutputCapField.MaxCompletionTokens)]
    [InlineData("http://localhost:11434/v1", OutputCapField.Auto, OutputCapField.Both)]
    [InlineData("http://10.0.0.5:8000/v1", OutputCapField.Auto, OutputCapField.Both)]
    [InlineData("https://api.openai.com/v1", OutputCapField.MaxTokens, OutputCapField.MaxTokens)]
    [InlineData("http://localhost:1234/v1", OutputCapField.MaxCompletionTokens, OutputCapField.MaxCompletionTokens)]
    public void TheCapField_ForAnEndpoint(string endpoint, OutputCapField configured, OutputCapField sent)
    {
        Assert.Equal(sent, OutputCapPolicy.For(configured, new Uri(endpoint)));
    }

    [Fact]
    public async Task MaxTokensOnly_SendsTheLegacyFieldAlone()
    {
        await using var server = await FakeModelServer.StartAsync(ModelServerFamily.Ollama);
        using var harness = ModelHarness.Create(server.BaseUrl, settings: new() { ["AI:OutputCapField"] = nameof(OutputCapField.MaxTokens) });
        server.Reply(_ => ModelAnswers.Day);

        await harness.Writer.DailyAsync(BriefFixtures.DayFacts, Zh, null, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(((int?)null, 1024), (request.MaxCompletionTokens, request.MaxTokens));
    }

    [Fact]
    public async Task TheOperatorsSettings_OverrideEveryPromptsOwn()
    {
        await using var server = await FakeModelServer.StartAsync(ModelServerFamily.Vllm);
        using var harness = ModelHarness.Create(server.BaseUrl, settings: new()
        {
            ["AI:Temperature"] = "0.7",
            ["AI:TopP"] = "0.5",
            ["AI:MaxOutputTokens"] = "6000",
        });
        server.Reply(_ => ModelAnswers.Day);

        await harness.Writer.DailyAsync(BriefFixtures.DayFacts, Zh, null, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal((0.7, 0.5, 6000, 6000), (request.Temperature, request.TopP, request.MaxTokens, request.MaxCompletionTokens));
    }

    [Fact]
    public async Task TheCap_IsNeverMoreThanTheContextLeaves()
    {
        await using var server = await FakeModelServer.StartAsync(ModelServerFamily.LlamaCppServer);
        var call = ModelAnswers.CallFor(BriefKinds.Daily.Job(BriefFixtures.DayFacts, Zh), Zh);
        int prompt;
        using (var measuring = ModelHarness.Create(server.BaseUrl))
        {
            prompt = TokenEstimate.Of(await measuring.Prompts.RenderAsync(call.Prompt, call.Arguments));
        }

        // A context that holds the prompt in its half, but leaves less than the prompt's own cap for the answer.
        using var harness = ModelHarness.Create(server.BaseUrl, contextTokens: 2 * prompt + 100);
        server.Reply(_ => ModelAnswers.Day);

        var written = await harness.Writer.DailyAsync(BriefFixtures.DayFacts, Zh, null, CancellationToken.None);

        Assert.Null(written.FallbackReason);
        var request = Assert.Single(server.Requests);
        Assert.Equal(prompt + 100 - 64, request.MaxTokens);
        Assert.True(request.MaxTokens < 1024, $"{request.MaxTokens}");
    }

    [Theory]
    [InlineData(3.0, null, null, "AI:Temperature 3 is out of range")]
    [InlineData(null, 0.0, null, "AI:TopP 0 is out of range")]
    [InlineData(null, null, 9000, "AI:MaxOutputTokens 9000 is out of range")]
    [InlineData(null, null, 8, "AI:MaxOutputTokens 8 is out of range")]
    public void BadModelSettings_AreRefused_WithTheirKey(double? temperature, double? topP, int? maxOutputTokens, string message)
    {
        var options = new AiOptions { Temperature = temperature, TopP = topP, MaxOutputTokens = maxOutputTokens };

        Assert.Contains(options.Validate(), m => m.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyModelSettings_LeaveEachPromptItsOwn()
    {
        Assert.Empty(new AiOptions().Validate());
    }
}
