using System.Collections.Concurrent;
using Assistant.Core.Audit;
using Assistant.Core.Dispatching;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Dispatching;

public sealed class DispatcherTests
{
    private const long Leader = 501;

    [Fact]
    public void Process_SameUpdateTwice_IsHandledOnce()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Leader, Role.Leader);
        var update = CoreHarness.Text(Leader, "/help");

        Assert.Equal(DispatchOutcome.Handled, h.Dispatch(update));
        Assert.Equal(DispatchOutcome.Duplicate, h.Dispatch(update));

        Assert.Single(h.Messages(Leader));
    }

    [Fact]
    public void Process_HandlerThrows_UserGetsApologyAndNextUpdateIsHandled()
    {
        using var h = CoreHarness.Create(configure: b => b.Services.AddHandler<ThrowingCommand>());
        h.AddMember(h.CreateTeam(), Leader, Role.Leader);

        var outcome = h.Send(Leader, "/boom");
        Assert.Equal(DispatchOutcome.Failed, outcome);
        Assert.Contains("抱歉", h.LastText(Leader), StringComparison.Ordinal);
        Assert.Contains(h.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains("Update test:", StringComparison.Ordinal));

        Assert.Equal(DispatchOutcome.Handled, h.Send(Leader, "/help"));
        Assert.Contains("/help", h.LastText(Leader), StringComparison.Ordinal);
    }

    [Fact]
    public void Process_HandlerThrows_ItsPartialWritesAreRolledBack()
    {
        using var h = CoreHarness.Create(configure: b => b.Services.AddHandler<ThrowingCommand>());
        var team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader);

        h.Send(Leader, "/boom");

        Assert.Equal("第七组", h.Get<TeamStore>().GetTeam(team.Id)!.Name);
    }

    [Fact]
    public async Task DispatchAsync_OneFailingHandlerInABatch_OnlyThatUpdateGetsAnApology()
    {
        using var h = CoreHarness.Create(configure: b => b.Services.AddHandler<ThrowingCommand>());
        var team = h.CreateTeam();
        for (var c = 0; c < 30; c++)
        {
            h.AddMember(team, 2000 + c, Role.Leader);
        }

        var dispatcher = h.Get<Dispatcher>();
        var tasks = Enumerable.Range(0, 30).Select(c => dispatcher.DispatchAsync(CoreHarness.Text(2000 + c, c == 17 ? "/boom" : "/help"))).ToList();
        var outcomes = await Task.WhenAll(tasks);

        Assert.Equal(DispatchOutcome.Failed, outcomes[17]);
        Assert.Equal(29, outcomes.Count(o => o == DispatchOutcome.Handled));
        Assert.Contains("抱歉", h.LastText(2017), StringComparison.Ordinal);
        Assert.Contains("/help", h.LastText(2016), StringComparison.Ordinal);
        Assert.Equal("第七组", h.Get<TeamStore>().GetTeam(team.Id)!.Name);
    }

    [Fact]
    public async Task DispatchAsync_ManyChatsAtOnce_KeepsEachChatInOrderAndBatchesChatsTogether()
    {
        var probe = new OrderProbe();
        using var h = CoreHarness.Create(configure: b => b.Services.AddSingleton<ICommandHandler>(probe).AddSingleton(new HandlerSpecs(typeof(OrderProbe), OrderProbe.Commands, [])));
        var team = h.CreateTeam();
        const int chats = 20;
        const int perChat = 25;
        for (var c = 0; c < chats; c++)
        {
            h.AddMember(team, 1000 + c, Role.Member);
        }

        var dispatcher = h.Get<Dispatcher>();
        var tasks = new List<Task<DispatchOutcome>>();
        for (var i = 0; i < perChat; i++)
        {
            for (var c = 0; c < chats; c++)
            {
                tasks.Add(dispatcher.DispatchAsync(CoreHarness.Text(1000 + c, $"/probe {i}")));
            }
        }

        var outcomes = await Task.WhenAll(tasks);

        Assert.All(outcomes, o => Assert.Equal(DispatchOutcome.Handled, o));
        for (var c = 0; c < chats; c++)
        {
            Assert.Equal(Enumerable.Range(0, perChat).ToList(), probe.Seen[1000 + c].ToList());
        }

        // Chats are handled side by side (interleaved in shared transactions), not one chat after another.
        var firstForty = probe.Order.Take(40).Distinct().Count();
        Assert.True(firstForty > 10, $"only {firstForty} chats among the first 40 updates handled");
    }

    [Fact]
    public void Route_Stranger_GetsOnePoliteAnswerAndOnlyAnAuditLine()
    {
        using var h = CoreHarness.Create();
        h.CreateTeam();

        h.Send(42, "我想看看日程");

        var messages = h.Messages(42);
        Assert.Single(messages);
        Assert.Contains("邀请码", Html.ToPlainText(messages[0].Html), StringComparison.Ordinal);
        Assert.Contains("invitation code", Html.ToPlainText(messages[0].Html), StringComparison.Ordinal);
        Assert.Null(h.Get<TeamStore>().GetMember(42));
        var audit = h.Get<AuditLog>().ForActor(42);
        Assert.Single(audit);
        Assert.Equal("stranger.refused", audit[0].Action);
        Assert.DoesNotContain("日程", audit[0].Detail ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/help")]
    [InlineData("/invite leader")]
    [InlineData("/start")]
    [InlineData("/start WRONGCODE")]
    public void Route_StrangerCommands_AreRefusedOrRejected(string text)
    {
        using var h = CoreHarness.Create();
        h.CreateTeam();

        h.Send(43, text);

        Assert.Null(h.Get<TeamStore>().GetMember(43));
        var reply = h.LastText(43);
        Assert.True(reply.Contains("邀请码", StringComparison.Ordinal), reply);
    }

    [Fact]
    public void Route_StrangerPressesAButton_IsRefused()
    {
        using var h = CoreHarness.Create();
        h.CreateTeam();

        h.PressData(44, "lang:en");

        Assert.Contains("邀请码", h.LastText(44), StringComparison.Ordinal);
    }

    [Fact]
    public void Route_UnknownCommand_SaysSoAndPointsToHelp()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Leader, Role.Leader);

        h.Send(Leader, "/frobnicate now");

        Assert.Contains("/frobnicate", h.LastText(Leader), StringComparison.Ordinal);
        Assert.Contains("/help", h.LastText(Leader), StringComparison.Ordinal);
    }

    [Fact]
    public void Route_MessagesFromBotsAndChannels_AreIgnored()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Leader, Role.Leader);

        h.Dispatch(new IncomingUpdate { Channel = "test", UpdateId = 1, ChatId = Leader, UserId = Leader, FromBot = true, Text = "/help" });
        h.Dispatch(new IncomingUpdate { Channel = "test", UpdateId = 2, ChatId = -100, ChatKind = ChatKind.Channel, Kind = UpdateKind.ChannelPost, Text = "/help" });

        Assert.Empty(h.Messages(Leader));
        Assert.Empty(h.Messages(-100));
    }

    [Fact]
    public void Route_EditedMessage_GetsAClearAnswer()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Leader, Role.Leader);

        h.Dispatch(new IncomingUpdate { Channel = "test", UpdateId = 3, Kind = UpdateKind.EditedMessage, ChatId = Leader, UserId = Leader, Text = "changed" });

        Assert.Contains("编辑", h.LastText(Leader), StringComparison.Ordinal);
    }

    [Fact]
    public void Route_UnknownButton_SaysItExpired()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Leader, Role.Leader);

        h.PressData(Leader, "zz:forged-data");

        Assert.Contains("过期", h.LastText(Leader), StringComparison.Ordinal);
    }

    private sealed class ThrowingCommand(TeamStore teams) : ICommandHandler, IDeclaresSpecs
    {
        public static IReadOnlyList<CommandSpec> Commands { get; } = [new("boom", Permission.Basics, ChatScope.Anywhere, null, "/boom")];

        public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
        {
            var team = context.Team!;
            team.Name = "half-written";
            teams.Update(team);
            throw new InvalidOperationException("handler bug");
        }
    }

    private sealed class OrderProbe : ICommandHandler, IDeclaresSpecs
    {
        public static IReadOnlyList<CommandSpec> Commands { get; } = [new("probe", Permission.Basics, ChatScope.Anywhere, null, "/probe")];

        public ConcurrentDictionary<long, ConcurrentQueue<int>> Seen { get; } = new();

        public ConcurrentQueue<long> Order { get; } = new();

        public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
        {
            Order.Enqueue(context.Update.ChatId);
            Seen.GetOrAdd(context.Update.ChatId, _ => new ConcurrentQueue<int>()).Enqueue(int.Parse(command.Arguments, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
