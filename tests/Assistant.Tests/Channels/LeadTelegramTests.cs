using Assistant.Core.Leads;
using Assistant.Core.Teams;
using Assistant.Tests.Fakes;
using Assistant.Tests.Support;

namespace Assistant.Tests.Channels;

/// <summary>/leads through the real host and the fake Bot API: the leader closes a lead; another member sees nothing, also with a forged button.</summary>
public sealed class LeadTelegramTests
{
    private const long Leader = 611;
    private const long Taker = 612;
    private const long Other = 613;

    [Fact]
    public async Task Leader_ClosesALead_AndAnotherMemberSeesNothing_EvenWithAForgedButton()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var folder = new TempFolder();
        await using var app = await TestApp.StartAsync(api, folder);
        var team = app.CreateTeam();
        app.AddMember(team, Leader, Role.Leader, "刘组长");
        app.AddMember(team, Taker, Role.Member, "李明");
        app.AddMember(team, Other, Role.Member, "张伟");
        var lead = app.Get<LeadStore>().Add(team.Id, LeadChannel.Tip, "长沙市某液化气站违规充装", "转交长沙市核查", null, Taker, DateTime.UtcNow)!;
        var leader = new TelegramUser(api, Leader, TimeSpan.FromSeconds(15));
        var other = new TelegramUser(api, Other, TimeSpan.FromSeconds(15));

        var list = await leader.SayAsync("/leads");
        Assert.Contains("XS001 长沙市某液化气站违规充装 · 待反馈", list.PlainText, StringComparison.Ordinal);
        await leader.PressAsync("XS001");
        await leader.PressAsync("办结");
        var saved = await leader.PressAsync("不属实");
        Assert.Contains("办结人：刘组长", saved.PlainText, StringComparison.Ordinal);
        Assert.Equal(Leader, app.Get<LeadStore>().Get(lead.Id)!.ClosedBy);

        var none = await other.SayAsync("/leads 全部");
        Assert.Contains("没有符合条件的线索", none.PlainText, StringComparison.Ordinal);
        var before = other.LastMessageId;
        api.EnqueueCallback(Other, Other, none.MessageId, $"ld:v:{lead.Id}");
        var forged = await other.NextAfterAsync(before);
        Assert.Equal("没有找到这条线索，或您无权查看。", forged.PlainText);
        Assert.DoesNotContain(other.Received, m => m.Contains("液化气站", StringComparison.Ordinal));
    }
}
