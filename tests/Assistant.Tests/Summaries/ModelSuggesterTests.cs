using Assistant.Core.Findings;
using Assistant.Core.Findings.Suggestions;
using Assistant.Core.Summaries.Model;
using Assistant.Tests.Fakes;

namespace Assistant.Tests.Summaries;

/// <summary>The model's suggestions through Semantic Kernel against the stand-in server: kept to the lists and the text, else the rules.</summary>
public sealed class ModelSuggesterTests
{
    private const string Text = "长沙市岳麓区某某燃气有限公司钢瓶间未安装可燃气体报警装置";

    [Fact]
    public async Task AGoodAnswer_IsTaken_AndTheRequestAsksForJsonWithTheLists()
    {
        await using var server = await FakeModelServer.StartAsync();
        using var h = ModelHarness.Create(server.BaseUrl);
        server.Reply(_ => """{"sector": "UrbanGas", "aspect": "Grassroots", "severity": "GeneralHazard", "unit": "某某燃气有限公司", "place": "长沙市岳麓区"}""");

        Assert.IsType<ModelFindingSuggester>(h.Suggester);
        var s = await h.Suggester.SuggestAsync(Text, CancellationToken.None);

        Assert.Equal(SuggestionSource.Model, s.Source);
        Assert.Equal((Sector.UrbanGas, Aspect.Grassroots, Severity.GeneralHazard, "某某燃气有限公司", "长沙市岳麓区"), (s.Sector!.Value, s.Aspect!.Value, s.Severity!.Value, s.Unit, s.Place));
        var request = Assert.Single(server.Requests);
        Assert.Contains("json_object", request.Body, StringComparison.Ordinal);
        Assert.Contains("HazardousChemicals (危险化学品)", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Equal(Text, request.LastUserContent);
    }

    [Fact]
    public async Task AnInventedUnitOrPlace_IsNotTaken_TheTextsOwnSpanIs()
    {
        await using var server = await FakeModelServer.StartAsync();
        using var h = ModelHarness.Create(server.BaseUrl);
        server.Reply(_ => "```json\n{\"sector\": \"UrbanGas\", \"severity\": \"GeneralHazard\", \"unit\": \"长沙新奥燃气发展有限公司\", \"place\": \"湖南省长沙市\"}\n```");

        var s = await h.Suggester.SuggestAsync(Text, CancellationToken.None);

        Assert.Equal(SuggestionSource.Model, s.Source);
        Assert.Equal("某某燃气有限公司", s.Unit);
        Assert.Equal("长沙市岳麓区", s.Place);
        Assert.Equal(Sector.UrbanGas, s.Sector);
    }

    [Fact]
    public async Task AValueOutsideTheLists_TakesTheRulesValue_AndTypedNamesAreAccepted()
    {
        await using var server = await FakeModelServer.StartAsync();
        using var h = ModelHarness.Create(server.BaseUrl);
        server.Reply(_ => """{"sector": "NuclearPower", "aspect": "安全生产责任落实", "severity": "catastrophic", "unit": null, "place": 3}""");

        var s = await h.Suggester.SuggestAsync(Text, CancellationToken.None);

        Assert.Equal(Sector.UrbanGas, s.Sector);
        Assert.Equal(Aspect.Responsibilities, s.Aspect);
        Assert.Equal(Severity.GeneralHazard, s.Severity);
        Assert.Equal("某某燃气有限公司", s.Unit);
        Assert.Equal("长沙市岳麓区", s.Place);
    }

    [Theory]
    [InlineData("I think this is about gas.")]
    [InlineData("{\"sector\": ")]
    [InlineData("[\"UrbanGas\"]")]
    public async Task Garbage_FallsBackToTheRules(string answer)
    {
        await using var server = await FakeModelServer.StartAsync();
        using var h = ModelHarness.Create(server.BaseUrl);
        server.Reply(_ => answer);

        var s = await h.Suggester.SuggestAsync(Text, CancellationToken.None);

        Assert.Equal(new RuleSuggester().Suggest(Text), s);
    }

    [Fact]
    public async Task AServerErrorOrAMalformedBody_FallsBackToTheRules()
    {
        await using var server = await FakeModelServer.StartAsync();
        using var h = ModelHarness.Create(server.BaseUrl);
        server.Enqueue(ModelReply.ServerError());
        server.Enqueue(ModelReply.Malformed());

        Assert.Equal(SuggestionSource.Rules, (await h.Suggester.SuggestAsync(Text, CancellationToken.None)).Source);
        Assert.Equal(SuggestionSource.Rules, (await h.Suggester.SuggestAsync(Text, CancellationToken.None)).Source);
        Assert.Equal(2, server.Requests.Count);
        Assert.DoesNotContain("钢瓶间", h.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASlowAnswer_FallsBackToTheRulesAtTheTimeout()
    {
        await using var server = await FakeModelServer.StartAsync();
        using var h = ModelHarness.Create(server.BaseUrl, settings: new() { ["AI:SuggestionTimeoutSeconds"] = "1" });
        server.Enqueue(ModelReply.Text("""{"sector": "Fire"}""") with { Delay = TimeSpan.FromSeconds(10) });

        var s = await h.Suggester.SuggestAsync(Text, CancellationToken.None);

        Assert.Equal(SuggestionSource.Rules, s.Source);
        Assert.Equal(Sector.UrbanGas, s.Sector);
        Assert.Contains("within 1 s", h.Logs.AllText, StringComparison.Ordinal);
    }
}
