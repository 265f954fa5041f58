using System.Text.RegularExpressions;
using Assistant.Core.Localization;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Teams;

public sealed partial class InvitationTests
{
    private const long Leader = 601;
    private const long Liaison = 602;
    private const long Member = 603;
    private const long Admin = 9001;

    [Fact]
    public void Invite_ByLeader_ThenStartWithCode_JoinsWithThatRole()
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader);

        h.Send(Leader, "/invite 成员");
        var code = CodeIn(h.LastText(Leader));
        h.Send(700, "/start " + code);

        var joined = h.Get<TeamStore>().GetMember(700);
        Assert.NotNull(joined);
        Assert.Equal(Role.Member, joined.Role);
        Assert.Equal(team.Id, joined.TeamId);
        Assert.Contains("欢迎加入第七组", h.LastText(700), StringComparison.Ordinal);
    }

    [Fact]
    public void Invite_OneUseCode_SecondPersonIsRefused()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Leader, Role.Leader);
        h.Send(Leader, "/invite member");
        var code = CodeIn(h.LastText(Leader));

        h.Send(701, "/start " + code);
        h.Send(702, "/start " + code);

        Assert.NotNull(h.Get<TeamStore>().GetMember(701));
        Assert.Null(h.Get<TeamStore>().GetMember(702));
        Assert.Contains("用完", h.LastText(702), StringComparison.Ordinal);
    }

    [Fact]
    public void Invite_CodeWithThreeUses_AdmitsThree()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Leader, Role.Leader);
        h.Send(Leader, "/invite member 3");
        var code = CodeIn(h.LastText(Leader));

        foreach (var user in new long[] { 711, 712, 713, 714 })
        {
            h.Send(user, "/start " + code.ToLowerInvariant());
        }

        Assert.Equal(4, h.Get<TeamStore>().MembersOf(h.Get<TeamStore>().FindTeamByName("第七组")!.Id).Count);
        Assert.Null(h.Get<TeamStore>().GetMember(714));
    }

    [Fact]
    public void Invite_ExpiredCode_IsRefused()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Leader, Role.Leader);
        h.Send(Leader, "/invite member");
        var code = CodeIn(h.LastText(Leader));

        h.Time.Advance(TimeSpan.FromDays(8));
        h.Send(720, "/start " + code);

        Assert.Null(h.Get<TeamStore>().GetMember(720));
        Assert.Contains("过期", h.LastText(720), StringComparison.Ordinal);
    }

    [Fact]
    public void Invite_ByLiaison_CannotInviteALeader()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Liaison, Role.Liaison);

        h.Send(Liaison, "/invite leader");

        Assert.Contains("不能邀请组长", h.LastText(Liaison), StringComparison.Ordinal);
    }

    [Fact]
    public void Invite_ByMember_IsRefusedByRoleEvenWhenTyped()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Member, Role.Member);

        h.Send(Member, "/invite member");

        Assert.Contains("角色不能进行此操作", h.LastText(Member), StringComparison.Ordinal);
        Assert.Contains(h.Get<Core.Audit.AuditLog>().ForActor(Member), a => a.Action == "denied");
    }

    [Fact]
    public void Invite_ByAdminOutsideTeams_NamesTheTeam()
    {
        using var h = CoreHarness.Create(admins: [Admin]);
        h.CreateTeam();

        h.Send(Admin, "/invite leader");
        Assert.Contains("请指明巡查组", h.LastText(Admin), StringComparison.Ordinal);

        h.Send(Admin, "/invite leader 第七组");
        var code = CodeIn(h.LastText(Admin));
        h.Send(730, "/start " + code);

        Assert.Equal(Role.Leader, h.Get<TeamStore>().GetMember(730)!.Role);
    }

    [Theory]
    [InlineData("/invite")]
    [InlineData("/invite captain")]
    [InlineData("/invite member 0")]
    [InlineData("/invite member 100000")]
    public void Invite_BadArguments_ExplainUsage(string text)
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Leader, Role.Leader);

        h.Send(Leader, text);

        var reply = h.LastText(Leader);
        Assert.True(reply.Contains("用法", StringComparison.Ordinal) || reply.Contains("次数", StringComparison.Ordinal), reply);
        Assert.Empty(h.Get<Core.Storage.AssistantDatabase>().Collection<Invitation>(TeamStore.Invitations).FindAll());
    }

    [Fact]
    public void Start_MemberOfAnotherTeam_CannotJoinASecondTeam()
    {
        using var h = CoreHarness.Create();
        var seventh = h.CreateTeam();
        var eighth = h.CreateTeam("第八组", "广东省");
        h.AddMember(seventh, Leader, Role.Leader);
        h.AddMember(eighth, 801, Role.Leader);
        h.Send(801, "/invite member");
        var code = CodeIn(h.LastText(801));

        h.Send(Leader, "/start " + code);

        Assert.Equal(seventh.Id, h.Get<TeamStore>().GetMember(Leader)!.TeamId);
        Assert.Contains("不能再加入其他组", h.LastText(Leader), StringComparison.Ordinal);
    }

    [Fact]
    public void Lang_English_PersistsAndHelpIsInEnglish()
    {
        using var folder = new TempFolder();
        using (var h = CoreHarness.Create(folder))
        {
            h.AddMember(h.CreateTeam(), Member, Role.Member);
            h.Send(Member, "/lang en");
            Assert.Contains("English", h.LastText(Member), StringComparison.Ordinal);
        }

        using var restarted = CoreHarness.Create(folder);
        restarted.Send(Member, "/help");
        Assert.Contains("show the commands you can use", restarted.LastText(Member), StringComparison.Ordinal);
        Assert.Equal(Language.English, restarted.Get<TeamStore>().GetMember(Member)!.Language);
    }

    [Fact]
    public void Lang_Buttons_SwitchLanguage()
    {
        using var h = CoreHarness.Create();
        h.AddMember(h.CreateTeam(), Member, Role.Member);

        h.Send(Member, "/lang");
        h.Press(Member, "English");

        Assert.Equal(Language.English, h.Get<TeamStore>().GetMember(Member)!.Language);
    }

    [Fact]
    public void Help_ShowsOnlyWhatTheRoleMayDo()
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader);
        h.AddMember(team, Member, Role.Member);
        h.AddMember(team, 604, Role.Contact);

        h.Send(Leader, "/help");
        h.Send(Member, "/help");
        h.Send(604, "/help");

        Assert.Contains("/invite", h.LastText(Leader), StringComparison.Ordinal);
        Assert.DoesNotContain("/invite", h.LastText(Member), StringComparison.Ordinal);
        Assert.DoesNotContain("/invite", h.LastText(604), StringComparison.Ordinal);
        Assert.Contains("整改责任人", h.LastText(604), StringComparison.Ordinal);
    }

    private static string CodeIn(string text)
    {
        var match = Code().Match(text);
        Assert.True(match.Success, "no invitation code in: " + text);
        return match.Value;
    }

    [GeneratedRegex("[A-HJ-NP-Z2-9]{8}")]
    private static partial Regex Code();
}
