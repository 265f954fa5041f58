using Assistant.Core.Jobs;
using Assistant.Core.Localization;
using Assistant.Core.Messaging;
using Assistant.Core.Summaries;
using Assistant.Tests.Fakes;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;
using Assistant.Core.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Assistant.Tests.Ledger.LedgerTests;

namespace Assistant.Tests.Summaries;

/// <summary>
/// A person sees that a model is writing: "typing…" renewed until the answer, and, for a brief
/// written in parts that takes more than a few seconds, which part it is on.
/// </summary>
public sealed class WritingProgressTests
{
    private static readonly Texts Zh = TextCatalog.Default.Chinese;

    [Fact]
    public async Task Typing_IsShownAtOnce_RenewedEveryFourSeconds_AndStopsWhenTheWorkIsDone()
    {
        var time = new FakeTimeProvider();
        var transport = new TypingTransport();
        var activity = new ChatActivity(transport, time, NullLogger<ChatActivity>.Instance);

        var typing = activity.Typing(42);
        Assert.Equal([42L], transport.Chats);
        for (var renewal = 2; renewal <= 4; renewal++)
        {
            time.Advance(ChatActivity.Renewal);
            await Eventually.TrueAsync(() => transport.Chats.Count == renewal, $"renewal {renewal}");
        }

        await typing.DisposeAsync();
        time.Advance(ChatActivity.Renewal * 3);
        await Task.Yield();
        Assert.Equal(4, transport.Chats.Count);
    }

    [Fact]
    public async Task Typing_GoesOn_WhenTheChannelRefusesIt()
    {
        var time = new FakeTimeProvider();
        var transport = new TypingTransport { Fail = true };

        await using (new ChatActivity(transport, time, NullLogger<ChatActivity>.Instance).Typing(7))
        {
            time.Advance(ChatActivity.Renewal);
            await Eventually.TrueAsync(() => transport.Chats.Count == 2, "a second attempt after a refused one");
        }
    }

    [Fact]
    public void Parts_AreToldAfterAFewSeconds_ThenAtMostEveryFifteen()
    {
        using var h = CoreHarness.Create();
        using var progress = new WritingProgress(h.Get<Outbox>(), h.Get<Core.Storage.AssistantDatabase>(), h.Time, Zh, 500);

        progress.Report(new BriefProgress(1, 5));
        Assert.Empty(h.Messages(500));
        h.Time.Advance(WritingProgress.After);
        Assert.Equal("内容较长，分5部分撰写，正在写第1部分……", h.LastText(500));

        h.Time.Advance(TimeSpan.FromSeconds(5));
        progress.Report(new BriefProgress(2, 5));
        Assert.Single(h.Messages(500));
        h.Time.Advance(TimeSpan.FromSeconds(11));
        progress.Report(new BriefProgress(3, 5));
        Assert.Equal(2, h.Messages(500).Count);
        Assert.Equal("内容较长，分5部分撰写，正在写第3部分……", h.LastText(500));
    }

    [Fact]
    public void AQuickBrief_SaysNothingOfParts()
    {
        using var h = CoreHarness.Create();
        using (var progress = new WritingProgress(h.Get<Outbox>(), h.Get<Core.Storage.AssistantDatabase>(), h.Time, Zh, 500))
        {
            progress.Report(new BriefProgress(1, 2));
            h.Time.Advance(TimeSpan.FromSeconds(2));
            progress.Report(new BriefProgress(2, 2));
        }

        h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(h.Messages(500));
    }

    [Fact]
    public async Task Summary_WithAModel_ShowsTyping_UntilTheBriefIsQueued()
    {
        await using var model = await FakeModelServer.StartAsync(ModelServerFamily.Ollama);
        var transport = new TypingTransport();
        using var h = CoreHarness.Create(
            settings: new Dictionary<string, string?> { ["AI:Endpoint"] = model.BaseUrl.ToString(), ["AI:Model"] = "qwen2.5:14b" },
            configure: b => b.Services.AddSingleton<IMessageTransport>(transport));
        var team = h.CreateTeam();
        h.AddMember(team, Liaison, Role.Liaison, "陈静");
        h.AddMember(team, Author, Role.Member, "李明");
        FindingFlowTests.Record(h, Author);
        h.Send(Author, "省应急管理厅汇报称今年以来共排查重大事故隐患1.2万项。");
        var answer = new TaskCompletionSource();
        model.Enqueue(ModelReply.Text("一、其他记录") with { Until = answer.Task });

        h.Send(Liaison, "/summary");
        var job = h.Get<JobRunner>().RunDueAsync(CancellationToken.None);
        await model.WaitForRequestAsync();
        Assert.Equal([Liaison], transport.Chats);
        h.Time.Advance(ChatActivity.Renewal);
        await Eventually.TrueAsync(() => transport.Chats.Count == 2, "typing renewed while the model writes");
        answer.SetResult();
        await job.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Contains(h.Messages(Liaison), m => m.FileName?.EndsWith(".docx", StringComparison.Ordinal) == true);
        h.Time.Advance(ChatActivity.Renewal * 3);
        await Task.Yield();
        Assert.Equal(2, transport.Chats.Count);
    }

    [Fact]
    public async Task Summary_WithTheOfflineWriter_ShowsNoTyping()
    {
        var transport = new TypingTransport();
        using var h = CoreHarness.Create(configure: b => b.Services.AddSingleton<IMessageTransport>(transport));
        var team = h.CreateTeam();
        h.AddMember(team, Liaison, Role.Liaison, "陈静");
        h.Send(Liaison, "听取省应急管理厅汇报"); // a note: a day with no records gets no brief at all

        h.Send(Liaison, "/summary");
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);

        Assert.Contains(h.Messages(Liaison), m => m.FileName?.EndsWith(".docx", StringComparison.Ordinal) == true);
        Assert.Empty(transport.Chats);
    }

    [Fact]
    public async Task OverTelegram_TheChatShowsTyping_WhileTheModelWrites()
    {
        const long leader = 601;
        await using var api = await FakeBotApi.StartAsync();
        await using var model = await FakeModelServer.StartAsync(ModelServerFamily.Vllm);
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder, settings: new Dictionary<string, string?>
        {
            ["AI:Endpoint"] = model.BaseUrl.ToString(),
            ["AI:Model"] = "Qwen/Qwen2.5-14B-Instruct",
        });
        app.AddMember(app.CreateTeam(), leader, Role.Leader);
        var answer = new TaskCompletionSource();
        model.Enqueue(ModelReply.Text("一、其他记录") with { Until = answer.Task });

        api.EnqueueText(leader, leader, "省应急管理厅汇报称今年以来共排查重大事故隐患1.2万项。"); // a note of today: a day with no records gets no brief at all
        api.EnqueueText(leader, leader, "/summary");
        await model.WaitForRequestAsync(TimeSpan.FromSeconds(15));
        var typing = await api.WaitForCallAsync("sendChatAction", c => c.GetLong("chat_id") == leader);
        answer.SetResult();

        Assert.Equal("typing", typing["action"]);
        await api.WaitForSentAsync(m => m.ChatId == leader && m.Document is not null, TimeSpan.FromSeconds(15));
        Assert.True(api.Calls.First(c => c.Method == "sendChatAction").Time < api.Calls.Last(c => c.Method == "sendDocument").Time);
    }

    /// <summary>Records the chats shown "typing…"; delivers nothing else.</summary>
    private sealed class TypingTransport : IMessageTransport
    {
        private readonly Lock _gate = new();
        private readonly List<long> _chats = [];

        public bool Fail { get; init; }

        public IReadOnlyList<long> Chats
        {
            get
            {
                lock (_gate)
                {
                    return [.. _chats];
                }
            }
        }

        public DeliveryLimits Limits => DeliveryLimits.Unlimited;

        public Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken) =>
            Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered());

        public Task ShowTypingAsync(long chatId, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _chats.Add(chatId);
            }

            return Fail ? Task.FromException(new HttpRequestException("refused")) : Task.CompletedTask;
        }
    }
}
