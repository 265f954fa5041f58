using System.Globalization;
using Assistant.Core.Notes;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Teams;

/// <summary>Guessing invitation codes, through the real host and the fake Bot API, with the clock moved on.</summary>
public sealed class CodeGuessingTests
{
    private const long Guesser = 700;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task HundredWrongCodes_FiveAreTriedThenTheSenderWaits_TheRightCodeIsKeptForAfterTheWait()
    {
        var time = new ShiftedTime();
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder, configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var code = Invite(app);

        for (var i = 0; i < 100; i++)
        {
            api.EnqueueText(Guesser, Guesser, "/start " + Wrong(i));
        }

        await Eventually.TrueAsync(() => Replies(api).Count == 100, "an answer to each of the 100 codes", Long);
        var replies = Replies(api);
        Assert.All(replies.Take(4), r => Assert.StartsWith("邀请码无效", r, StringComparison.Ordinal));
        Assert.All(replies.Skip(4), r => Assert.StartsWith("邀请码输错的次数太多，暂不受理。", r, StringComparison.Ordinal));
        Assert.Contains("（10分钟后）", replies[4], StringComparison.Ordinal);
        Assert.Contains("Too many wrong invitation codes", replies[4], StringComparison.Ordinal);
        Assert.Single(app.Logs.Lines, l => l.Message.StartsWith("Invitation codes:", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("user 700 sent 5 wrong codes within 10 minutes", StringComparison.Ordinal));

        // During the wait the right code is refused and not used up.
        var refused = await Say(api, "/start " + code);
        Assert.StartsWith("邀请码输错的次数太多", refused, StringComparison.Ordinal);
        Assert.Null(app.Get<TeamStore>().GetMember(Guesser));
        Assert.Equal(1, app.Get<TeamStore>().GetInvitation(code)!.UsesLeft);

        time.Advance(TimeSpan.FromMinutes(10));
        var welcome = await Say(api, "/start " + code);

        Assert.Contains("欢迎加入第七组", welcome, StringComparison.Ordinal);
        Assert.Equal(Role.Member, app.Get<TeamStore>().GetMember(Guesser)!.Role);
    }

    [Fact]
    public async Task WaitGrows_TwentyMinutesAfterTheSecondLockOut_AndSurvivesARestart()
    {
        var time = new ShiftedTime();
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        string code;
        await using (var app = await TestApp.StartAsync(api, folder, configure: b => b.Services.AddSingleton<TimeProvider>(time)))
        {
            code = Invite(app);
            for (var i = 0; i < 5; i++)
            {
                await Say(api, "/start " + Wrong(i));
            }

            time.Advance(TimeSpan.FromMinutes(10));
            for (var i = 5; i < 9; i++)
            {
                Assert.StartsWith("邀请码无效", await Say(api, "/start " + Wrong(i)), StringComparison.Ordinal);
            }

            Assert.Contains("（20分钟后）", await Say(api, "/start " + Wrong(9)), StringComparison.Ordinal);
            Assert.Equal(2, app.Logs.Lines.Count(l => l.Message.StartsWith("Invitation codes:", StringComparison.Ordinal)));
        }

        time.Advance(TimeSpan.FromMinutes(19));
        await using (var restarted = await TestApp.StartAsync(api, folder, configure: b => b.Services.AddSingleton<TimeProvider>(time)))
        {
            Assert.Contains("（1分钟后）", await Say(api, "/start " + code), StringComparison.Ordinal);
            time.Advance(TimeSpan.FromMinutes(1));
            Assert.Contains("欢迎加入第七组", await Say(api, "/start " + code), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Group_FiveCodesFromDifferentPeople_TheChatWaitsAndIsToldOnce()
    {
        const long group = -100_123;
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var code = Invite(app);

        for (var person = 0; person < 7; person++)
        {
            api.EnqueueText(group, 800 + person, "/start " + Wrong(person), chatType: "supergroup", chatTitle: "第七组工作群");
        }

        await Eventually.TrueAsync(() => GroupReplies(api, group).Count >= 5, "the group's answers", Long);
        var marker = api.EnqueueText(group, 900, "/start " + code, chatType: "supergroup", chatTitle: "第七组工作群");
        await Eventually.TrueAsync(() => api.ConfirmedOffset > marker, "the last code to be handled", Long);
        await Task.Delay(200);

        var replies = GroupReplies(api, group);
        Assert.Equal(5, replies.Count);
        Assert.All(replies.Take(4), r => Assert.StartsWith("邀请码请在与我的私聊中发送", r, StringComparison.Ordinal));
        Assert.StartsWith("邀请码输错的次数太多", replies[4], StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Message.Contains("group chat -100123 sent 5 wrong codes", StringComparison.Ordinal));
        Assert.Null(app.Get<TeamStore>().GetMember(900));
        Assert.Equal(1, app.Get<TeamStore>().GetInvitation(code)!.UsesLeft);

        // The chat waits, not the people: in a private chat the code works.
        Assert.Contains("欢迎加入第七组", await Say(api, "/start " + code, user: 806), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvisibleCharacters_AreDroppedFromTypedText_CodesNamesAndNotes()
    {
        const string invisible = "\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var code = Invite(app);

        api.EnqueueText(Guesser, Guesser, "/start " + code[..4] + invisible + code[4..], firstName: "李\u202E明");
        await api.WaitForSentAsync(m => m.ChatId == Guesser && m.PlainText!.Contains("欢迎加入第七组", StringComparison.Ordinal), Long);
        var saved = await Say(api, "今天" + invisible + "检查\u0007了液化气站");
        var onlyInvisible = await Say(api, invisible);

        Assert.Equal("李明", app.Get<TeamStore>().GetMember(Guesser)!.DisplayName);
        Assert.Contains("今天检查了液化气站", saved, StringComparison.Ordinal);
        var note = Assert.Single(app.Get<AssistantDatabase>().Collection<Note>(NoteStore.CollectionName).FindAll());
        Assert.Equal("今天检查了液化气站", note.Text);
        Assert.Contains("这种消息暂不支持", onlyInvisible, StringComparison.Ordinal);
    }

    private static string Invite(TestApp app)
    {
        var team = app.CreateTeam();
        var invitation = app.Get<AssistantDatabase>().InTransaction(() => app.Get<InvitationService>().Create(team, Role.Member, TeamAdministration.OperatorActor));
        return invitation.Id;
    }

    /// <summary>A well-formed code that is not the invitation (digits 2-9 only; the real one is random).</summary>
    private static string Wrong(int i) => "ZZ" + (i + 222222).ToString(CultureInfo.InvariantCulture).Replace('0', '2').Replace('1', '3');

    private static List<string> Replies(FakeBotApi api, long user = Guesser) =>
        [.. api.Sent.Where(m => m.ChatId == user && !m.IsEdit).Select(m => m.PlainText ?? "")];

    private static List<string> GroupReplies(FakeBotApi api, long group) => Replies(api, group);

    private static async Task<string> Say(FakeBotApi api, string text, long user = Guesser)
    {
        var before = Replies(api, user).Count;
        api.EnqueueText(user, user, text);
        await Eventually.TrueAsync(() => Replies(api, user).Count > before, "an answer to " + text, Long);
        return Replies(api, user)[before];
    }
}
