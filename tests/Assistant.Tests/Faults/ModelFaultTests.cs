using Assistant.Core.Jobs;
using Assistant.Core.Localization;
using Assistant.Core.Notes;
using Assistant.Core.Storage;
using Assistant.Core.Summaries;
using Assistant.Core.Summaries.Model;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Faults;

/// <summary>
/// The model endpoint slow, failing, talking nonsense or cut off at its cap, end to end: /summary still delivers the
/// brief (text, Word, Markdown) within the timeout, every part the records make intact, the narrative the model was
/// asked for in its offline text with one line saying why, and stores it. When a day takes two calls and only the
/// second fails, only the parts of that call are the offline text.
/// </summary>
public sealed class ModelFaultTests : IAsyncLifetime
{
    private const string MeetingNote = "市应急管理局汇报称今年以来全市共排查重大事故隐患3200项，整改率92%。";
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
    public async Task Summary_WithAFaultyModel_DeliversTheBriefWithTheNarrativeOffline_AndTheReason(string fault, string reason)
    {
        using var h = Harness(fault == "unreachable" ? "http://127.0.0.1:9/v1" : _model.BaseUrl.ToString(), contextTokens: 8192, out var team);
        var finding = FindingFlowTests.Record(h, Author);
        AddNote(h, team, NoteKind.Meeting, MeetingNote);
        Enqueue(fault);

        h.Clear();
        await SummaryAsync(h, fault, requests: 1);

        var text = h.AllText(Liaison);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Contains("以下为离线生成的文本", text, StringComparison.Ordinal);
        Assert.Contains("听取汇报方面，" + MeetingNote, text, StringComparison.Ordinal);
        Assert.Contains(finding.Code, text, StringComparison.Ordinal);
        Assert.Contains("二、发现问题隐患情况", text, StringComparison.Ordinal);
        Assert.Contains(h.Messages(Liaison), m => m.FileName?.EndsWith(".docx", StringComparison.Ordinal) == true);
        var stored = h.Get<AssistantDatabase>().Collection<Summary>(SummaryStore.CollectionName).FindAll().Single();
        Assert.Equal(OfflineBriefWriter.Name, stored.Writer);
        Assert.Contains(reason, stored.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(fault == "unreachable" ? 0 : 1, _model.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Summary_WhenOnlyTheSecondCallOfALongDayFails_OnlyItsPartsAreOffline(string fault, string reason)
    {
        if (fault == "unreachable")
        {
            return; // an unreachable server fails every call: the case above
        }

        using var h = Harness(_model.BaseUrl.ToString(), contextTokens: 2048, out var team);
        FindingFlowTests.Record(h, Author);
        AddNote(h, team, NoteKind.Meeting, MeetingNote);
        for (var i = 1; i <= 14; i++)
        {
            AddNote(h, team, NoteKind.Interview, $"第{i}位谈话对象反映，乡镇安全监管人员对辖区企业底数不清，培训考核流于形式，执法检查记录不全。");
        }

        var t = TextCatalog.Default.Chinese;
        var day = new DateOnly(2023, 11, 2);
        var (safe, redaction) = Redaction.Of(BriefKinds.Daily.Job(h.Get<FactsBuilder>().Day(team, day), t), t);
        var calls = await h.Get<ModelNarratives>().CallsAsync(safe, redaction.Secrets, t, CancellationToken.None);
        Assert.Equal(2, calls.Count);
        Assert.Equal([NarrativeSlot.DayMeetings, NarrativeSlot.DayInterviews], calls[0].Parts.Select(p => p.Slot));
        Assert.Equal([NarrativeSlot.DayInterviews], calls[1].Parts.Select(p => p.Slot));
        _model.Enqueue(ModelReply.Text(NarrativeReplies.Echo(calls[0])));
        Enqueue(fault);

        h.Clear();
        await SummaryAsync(h, fault, requests: 2);

        var text = h.AllText(Liaison);
        Assert.Contains("“个别谈话”部分改用离线生成的文本：" + reason, text, StringComparison.Ordinal);
        Assert.DoesNotContain("“听取汇报”部分", text, StringComparison.Ordinal);
        Assert.DoesNotContain("以下为离线生成的文本", text, StringComparison.Ordinal);
        // The interviews as the offline writer quotes them (one paragraph for all; the model's answer had one a note).
        Assert.Contains("个别谈话方面，第1位谈话对象反映，乡镇安全监管人员对辖区企业底数不清，培训考核流于形式，执法检查记录不全。第2位", text, StringComparison.Ordinal);
        Assert.Contains("二、发现问题隐患情况", text, StringComparison.Ordinal);
        var stored = h.Get<AssistantDatabase>().Collection<Summary>(SummaryStore.CollectionName).FindAll().Single();
        Assert.Equal("model:" + FakeModelServer.ListedModel, stored.Writer);
        Assert.Contains(reason, stored.FallbackReason, StringComparison.Ordinal);
    }

    private static CoreHarness Harness(string endpoint, int contextTokens, out Team team)
    {
        var h = CoreHarness.Create(settings: new Dictionary<string, string?>
        {
            ["AI:Endpoint"] = endpoint,
            ["AI:Model"] = FakeModelServer.ListedModel,
            ["AI:TimeoutSeconds"] = "10",
            ["AI:ContextTokens"] = contextTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        team = h.CreateTeam();
        h.AddMember(team, Liaison, Role.Liaison, "陈静");
        h.AddMember(team, Author, Role.Member, "李明");
        return h;
    }

    private static void AddNote(CoreHarness h, Team team, NoteKind kind, string text) =>
        h.Get<NoteStore>().Insert(new Note
        {
            TeamId = team.Id, AuthorId = Author, AuthorName = "李明", Kind = kind, Text = text,
            Day = new DateOnly(2023, 11, 2), CreatedUtc = h.Time.GetUtcNow().UtcDateTime,
        });

    private void Enqueue(string fault)
    {
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
                _model.Enqueue(ModelReply.Text("一、听取汇报\n市应急管理局汇报称") with { FinishReason = "length" });
                break;
        }
    }

    /// <summary>Asks for the day's brief and runs the job; a slow model is waited for until its request arrives, then the clock passes the time-out.</summary>
    private async Task SummaryAsync(CoreHarness h, string fault, int requests)
    {
        h.Send(Liaison, "/summary");
        var job = h.Get<JobRunner>().RunDueAsync(CancellationToken.None);
        if (fault == "slow")
        {
            for (var i = 0; i < requests; i++)
            {
                await _model.WaitForRequestAsync();
            }

            h.Time.Advance(TimeSpan.FromSeconds(11));
        }

        await job.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
