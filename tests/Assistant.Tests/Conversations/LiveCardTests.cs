using System.Globalization;
using Assistant.Core.Conversations;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Conversations;

/// <summary>
/// One live card per flow, through the real Telegram client and the fake Bot API: a button press edits the card in
/// place (one call), a typed answer is one new message, a press on an older card changes nothing, and the Bot API's
/// answers to an edit that cannot be made are handled.
/// </summary>
public sealed class LiveCardTests
{
    private const long Member = 741;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(15);

    private static readonly HashSet<string> SendMethods = new(StringComparer.Ordinal)
    {
        "sendMessage", "editMessageText", "editMessageReplyMarkup", "editMessageCaption", "sendPhoto", "sendDocument", "deleteMessage",
    };

    [Fact]
    public async Task ButtonPresses_EditTheCardInPlace_OneCallEach_WithTheAnswersSoFarOnTop()
    {
        await using var chat = await Chat.StartAsync();
        var (api, app, member) = (chat.Api, chat.App, chat.Member);

        var card = await member.SayAsync("/finding");
        var mark = api.Calls.Count;
        var sector = await member.PressAsync("安全生产责任落实");
        var method = await member.PressAsync("消防");

        Assert.Equal(["editMessageText", "editMessageText"], Sends(api, mark, method));
        Assert.All(new[] { sector, method }, m => Assert.Equal(card.MessageId, m.MessageId));
        Assert.Contains("领域", sector.PlainText, StringComparison.Ordinal);
        Assert.Contains("已填：安全生产责任落实 · 消防", method.PlainText, StringComparison.Ordinal);
        Assert.Contains(method.Buttons, b => b.Text == "实地检查");
        var current = Assert.Single(member.Current);
        Assert.Equal(method.PlainText, current.PlainText);
    }

    [Fact]
    public void APress_QueuesOneEditOfThePressedMessage_WithTheNextQuestionsButtons()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Member, Role.Member);
        h.Send(Member, "/finding");
        var card = Assert.Single(h.Messages(Member));
        var before = h.Queued(Member).Count;

        h.Press(Member, "安全生产责任落实");

        var row = Assert.Single(h.Queued(Member).Skip(before));
        Assert.Equal((int)card.Id, row.EditMessageId);
        Assert.False(row.KeyboardOnly);
        Assert.Contains(row.Keyboard!.SelectMany(r => r), b => b.Label == "消防");
        Assert.Equal(card.Id, Assert.Single(h.Messages(Member)).Id);
    }

    [Fact]
    public async Task TypedAnswer_IsOneNewMessage_AndAPressOnTheOlderCard_ChangesNothing()
    {
        await using var chat = await Chat.StartAsync();
        var (api, app, member) = (chat.Api, chat.App, chat.Member);
        await member.SayAsync("/finding");
        await member.PressAsync("安全生产责任落实");
        await member.PressAsync("消防");
        var opennessQuestion = await member.PressAsync("实地检查");
        var covert = opennessQuestion.Buttons.Single(b => b.Text.Contains("暗访", StringComparison.Ordinal));
        var cityQuestion = await member.PressAsync("暗访");
        Assert.Contains("市、县", cityQuestion.PlainText, StringComparison.Ordinal);

        var mark = api.Calls.Count;
        var unitQuestion = await member.SayAsync("长沙市岳麓区");
        Assert.Equal(["sendMessage"], Sends(api, mark, unitQuestion));
        Assert.NotEqual(cityQuestion.MessageId, unitQuestion.MessageId);
        Assert.Contains("被检查单位", unitQuestion.PlainText, StringComparison.Ordinal);
        var before = app.Get<DraftStore>().Get(Member)!;

        // A button of a question answered before ("暗访", replayed on the card): it changes nothing, and says so in place.
        var seen = new HashSet<SentMessage>(api.Sent, ReferenceEqualityComparer.Instance);
        api.EnqueueCallback(Member, Member, cityQuestion.MessageId, covert.CallbackData!);
        var answer = await api.WaitForSentAsync(m => m.ChatId == Member && !seen.Contains(m), Long);

        Assert.Equal("editMessageText", answer.Method);
        Assert.Equal(cityQuestion.MessageId, answer.MessageId);
        Assert.Contains("已经回答过的问题", answer.PlainText, StringComparison.Ordinal);
        Assert.Contains("被检查单位", answer.PlainText, StringComparison.Ordinal);
        var after = app.Get<DraftStore>().Get(Member)!;
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.Nonce, after.Nonce);
        Assert.Equal("长沙市岳麓区", after.Data["City"].AsString);

        // The flow goes on from the current question.
        var next = await member.SayAsync("某单位");
        Assert.Equal("某单位", app.Get<DraftStore>().Get(Member)!.Data["Unit"].AsString);
        Assert.Equal("sendMessage", next.Method);
    }

    [Theory]
    [InlineData("Bad Request: message to edit not found")]
    [InlineData("Bad Request: message can't be edited")]
    public async Task ACardThatCannotBeEdited_IsSentAsANewMessage_AndTheFlowGoesOn(string error)
    {
        await using var chat = await Chat.StartAsync();
        var (api, app, member) = (chat.Api, chat.App, chat.Member);
        var card = await member.SayAsync("/finding");

        api.FailNext("editMessageText", 1, 400, error);
        var mark = api.Calls.Count;
        var sector = await member.PressAsync("安全生产责任落实");

        Assert.Equal("sendMessage", sector.Method);
        Assert.NotEqual(card.MessageId, sector.MessageId);
        Assert.Contains("领域", sector.PlainText, StringComparison.Ordinal);
        Assert.Equal(["editMessageText", "sendMessage"], Sends(api, mark, sector));
        var method = await member.PressAsync("消防");
        Assert.Equal(("editMessageText", sector.MessageId), (method.Method, method.MessageId));
        Assert.Empty(app.Get<Outbox>().DeadLetters());
        Assert.Equal(0, app.Logs.ErrorCount);
    }

    [Fact]
    public async Task AnEditTelegramCallsNotModified_IsDone_NotRetriedNorSentAgain()
    {
        await using var chat = await Chat.StartAsync();
        var (api, app, member) = (chat.Api, chat.App, chat.Member);
        await member.SayAsync("/finding");

        api.FailNext("editMessageText", 1, 400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        var mark = api.Calls.Count;
        var card = Assert.Single(member.Current);
        var aspect = card.Buttons.Single(b => b.Text == "安全生产责任落实");
        api.EnqueueCallback(Member, Member, card.MessageId, aspect.CallbackData!);
        await api.WaitForCallAsync("editMessageText", c => c.StatusCode == 400, Long);

        // The next answer (typed) comes after it in the chat's lane: by then the refused edit was settled.
        var method = await member.SayAsync("消防");
        Assert.Contains("实地检查", method.Buttons.Select(b => b.Text));
        Assert.Equal(["editMessageText", "sendMessage"], Sends(api, mark, method));
        Assert.Empty(app.Get<Outbox>().DeadLetters());
        Assert.Equal(0, app.Logs.ErrorCount);
    }

    /// <summary>The program on the fake Bot API, with one member of a team in a private chat.</summary>
    private sealed class Chat : IAsyncDisposable
    {
        private readonly TempFolder _folder;

        private Chat(FakeBotApi api, TempFolder folder, TestApp app)
        {
            Api = api;
            _folder = folder;
            App = app;
            Member = new TelegramUser(api, LiveCardTests.Member, Long);
        }

        public FakeBotApi Api { get; }

        public TestApp App { get; }

        public TelegramUser Member { get; }

        public static async Task<Chat> StartAsync()
        {
            var api = await FakeBotApi.StartAsync();
            var folder = new TempFolder();
            var app = await TestApp.StartAsync(api, folder);
            app.AddMember(app.CreateTeam(), LiveCardTests.Member, Role.Member);
            return new Chat(api, folder, app);
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Api.DisposeAsync();
            _folder.Dispose();
        }
    }

    /// <summary>The send and edit calls to the chat from call <paramref name="mark"/> on, up to the one that showed <paramref name="last"/>.</summary>
    private static List<string> Sends(FakeBotApi api, int mark, SentMessage last)
    {
        var calls = api.Calls.Skip(mark)
            .Where(c => SendMethods.Contains(c.Method) && c["chat_id"] == Member.ToString(CultureInfo.InvariantCulture))
            .ToList();
        // The user sees a message while the fake is still answering the call (its status is still 0 then).
        var end = calls.FindLastIndex(c => c.Method == last.Method && c.StatusCode is 200 or 0);
        return [.. calls.Take(end + 1).Select(c => c.Method)];
    }
}
