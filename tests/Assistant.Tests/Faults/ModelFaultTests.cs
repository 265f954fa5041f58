using Assistant.Core.Jobs;
using Assistant.Core.Storage;
using Assistant.Core.Summaries;
using Assistant.Tests.Fakes;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Faults;

/// <summary>
/// The model endpoint slow, failing, talking nonsense or cut off at its cap, end to end: /summary
/// still delivers the offline brief (text, Word, Markdown) within the timeout, with one line saying
/// why, and stores it.
/// </summary>
public sealed class ModelFaultTests : IAsyncLifetime
{
    private FakeModelServer _model = null!;

    public async Task InitializeAsync() => _model = await FakeModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    public static TheoryData<string, string> Faults => new()
    {
        { "slow", "模型在10秒内未完成" },
        { "500", "调用模型出错（HTTP 500）" },
        { "429", "调用模型出错（HTTP 429）" },
        { "garbage-json", "调用模型出错（the server's answer could not be read）" },
        { "html", "调用模型出错（the server's answer could not be read）" },
        { "empty-answer", "模型的文本未通过核对（回答为空）" },
        { "cut-at-the-cap", "模型的回答达到长度上限（" },
        { "unreachable", "调用模型出错" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Summary_WithAFaultyModel_DeliversTheOfflineBriefWithTheReason(string fault, string reason)
    {
        var endpoint = fault == "unreachable" ? "http://127.0.0.1:9/v1" : _model.BaseUrl.ToString();
        using var h = CoreHarness.Create(settings: new Dictionary<string, string?>
        {
            ["AI:Endpoint"] = endpoint,
            ["AI:Model"] = FakeModelServer.ListedModel,
            ["AI:TimeoutSeconds"] = "10",
        });
        var team = h.CreateTeam();
        h.AddMember(team, Liaison, Core.Teams.Role.Liaison, "陈静");
        h.AddMember(team, Author, Core.Teams.Role.Member, "李明");
        var finding = FindingFlowTests.Record(h, Author);
        switch (fault)
        {
            case "slow":
                _model.Enqueue(ModelReply.Text("太晚了") with { Delay = TimeSpan.FromMinutes(5) });
                break;
            case "500":
                _model.Enqueue(ModelReply.ServerError());
                break;
            case "429":
                _model.Enqueue(ModelReply.RateLimited(TimeSpan.FromSeconds(30)));
                break;
            case "garbage-json":
                _model.Enqueue(ModelReply.Malformed("{\"choices\": [{\"message\": "));
                break;
            case "html":
                _model.Enqueue(ModelReply.Malformed("<html><body>502 Bad Gateway</body></html>"));
                break;
            case "empty-answer":
                _model.Enqueue(ModelReply.Text(""));
                break;
            case "cut-at-the-cap":
                _model.Enqueue(ModelReply.Text("一、当日工作情况\n当日，考核巡查组") with { FinishReason = "length" });
                break;
        }

        h.Clear();
        h.Send(Liaison, "/summary");
        var job = h.Get<JobRunner>().RunDueAsync(CancellationToken.None);
        if (fault == "slow")
        {
            await _model.WaitForRequestAsync();
            h.Time.Advance(TimeSpan.FromSeconds(11));
        }

        await job.WaitAsync(TimeSpan.FromSeconds(20));

        var text = h.AllText(Liaison);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Contains("以下为离线生成的文本", text, StringComparison.Ordinal);
        Assert.Contains(finding.Code, text, StringComparison.Ordinal);
        Assert.Contains("二、发现问题隐患情况", text, StringComparison.Ordinal);
        Assert.Contains(h.Messages(Liaison), m => m.FileName?.EndsWith(".docx", StringComparison.Ordinal) == true);
        var stored = h.Get<AssistantDatabase>().Collection<Summary>(SummaryStore.CollectionName).FindAll().Single();
        Assert.Equal(OfflineBriefWriter.Name, stored.Writer);
        Assert.Contains(reason, stored.FallbackReason, StringComparison.Ordinal);
    }
}
