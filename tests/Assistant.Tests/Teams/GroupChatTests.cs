using Assistant.Core.Dispatching;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Teams;

public sealed class GroupChatTests
{
    private const long Group = -1001234;
    private const long Leader = 601;
    private const long Member = 603;

    [Fact]
    public void LinkGroup_ByLeaderInGroup_LinksIt()
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader);

        h.Send(Leader, "/linkgroup", Group, ChatKind.Group);

        Assert.Contains(Group, h.Get<TeamStore>().GetTeam(team.Id)!.GroupChatIds);
        Assert.Contains("已关联到第七组", h.LastText(Group), StringComparison.Ordinal);
        Assert.True(h.Messages(Group)[^1].IsGroup);
    }

    [Fact]
    public void LinkGroup_ByMember_IsRefused()
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        h.AddMember(team, Member, Role.Member);

        h.Send(Member, "/linkgroup", Group, ChatKind.Group);

        Assert.Empty(h.Get<TeamStore>().GetTeam(team.Id)!.GroupChatIds);
    }

    [Fact]
    public void Group_NotLinked_CommandsPointToLinkGroup()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Member, Role.Member);

        h.Send(Member, "/help", Group, ChatKind.Group);

        Assert.Contains("/linkgroup", h.LastText(Group), StringComparison.Ordinal);
    }

    [Fact]
    public void Group_PlainTextAndCommandsForOtherBots_AreIgnored()
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader);
        h.Send(Leader, "/linkgroup", Group, ChatKind.Group);
        h.Clear();
        h.Get<BotIdentity>().Username = "inspection_test_bot";

        h.Send(Leader, "大家辛苦了", Group, ChatKind.Group);
        h.Send(Leader, "/help@some_other_bot", Group, ChatKind.Group);
        Assert.Empty(h.Messages(Group));

        h.Send(Leader, "/help@inspection_test_bot", Group, ChatKind.Group);
        Assert.Contains("/help", h.LastText(Group), StringComparison.Ordinal);
    }

    [Fact]
    public void Group_PrivateOnlyCommand_IsAnsweredWithoutDetails()
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader);
        h.Send(Leader, "/linkgroup", Group, ChatKind.Group);

        h.Send(Leader, "/invite member", Group, ChatKind.Group);

        Assert.Contains("私聊", h.LastText(Group), StringComparison.Ordinal);
        Assert.Empty(h.Get<Core.Storage.AssistantDatabase>().Collection<Invitation>(TeamStore.Invitations).FindAll());
    }

    [Fact]
    public void Group_LinkedToAnotherTeam_RefusesThatTeamsMembers()
    {
        using var h = CoreHarness.Create();
        var seventh = h.CreateTeam();
        var eighth = h.CreateTeam("第八组", "广东省");
        h.AddMember(seventh, Leader, Role.Leader);
        h.AddMember(eighth, 801, Role.Leader);
        h.Send(Leader, "/linkgroup", Group, ChatKind.Group);

        h.Send(801, "/help", Group, ChatKind.Group);
        h.Send(801, "/linkgroup", Group, ChatKind.Group);

        Assert.Contains("其他巡查组", h.LastText(Group), StringComparison.Ordinal);
        Assert.Equal([Group], h.Get<TeamStore>().GetTeam(seventh.Id)!.GroupChatIds);
        Assert.Empty(h.Get<TeamStore>().GetTeam(eighth.Id)!.GroupChatIds);
    }

    [Fact]
    public void Group_StrangerCommand_GetsPoliteAnswer_StrangerTextIgnored()
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader);
        h.Send(Leader, "/linkgroup", Group, ChatKind.Group);
        h.Clear();

        h.Send(999, "hello", Group, ChatKind.Group);
        Assert.Empty(h.Messages(Group));

        h.Send(999, "/help", Group, ChatKind.Group);
        Assert.Contains("invitation", h.LastText(Group), StringComparison.Ordinal);
    }
}
