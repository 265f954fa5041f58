using Assistant.Core.Audit;
using Assistant.Core.Dispatching;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Dispatching;

public sealed class CommandSpecTests
{
    private const long Leader = 601;
    private const long Member = 602;
    private const long Contact = 603;
    private const string Denied = "您的角色不能进行此操作";

    [Theory]
    [InlineData(Member, "/schedule add")]
    [InlineData(Member, "/export ledger")]
    [InlineData(Member, "/merge G7-001 G7-002")]
    [InlineData(Contact, "/stats")]
    [InlineData(Contact, "/today")]
    [InlineData(Contact, "/finding")]
    [InlineData(Contact, "/finding G7-001")]
    [InlineData(Contact, "/note 消防通道堵塞")]
    public void Command_TheRoleMayNotUse_IsRefusedWithTheOneTextAndAnAuditLine(long user, string text)
    {
        using var h = Team();

        h.Send(user, text);

        Assert.StartsWith(Denied, h.LastText(user), StringComparison.Ordinal);
        var line = Assert.Single(h.Get<AuditLog>().ForActor(user), e => e.Action == "denied");
        Assert.StartsWith(text.Split(' ')[0], line.Detail ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Member, "sc:e:1:1")]
    [InlineData(Member, "sc:x:1:1")]
    [InlineData(Member, "sm:d:20231102")]
    [InlineData(Member, "mg:c:1:1:2:1")]
    [InlineData(Contact, "sc:v:1")]
    [InlineData(Contact, "n:1:u")]
    public void ForgedButton_TheRoleMayNotPress_IsRefusedWithTheOneTextAndAnAuditLine(long user, string data)
    {
        using var h = Team();

        h.PressData(user, data);

        Assert.StartsWith(Denied, h.LastText(user), StringComparison.Ordinal);
        Assert.Single(h.Get<AuditLog>().ForActor(user), e => e.Action == "denied" && e.Detail!.StartsWith("button " + data.Split(':')[0], StringComparison.Ordinal));
    }

    [Fact]
    public void PrivateCommand_InTheLinkedGroup_IsRefusedAndAudited()
    {
        using var h = Team();
        h.Send(Leader, "/linkgroup", -900, Core.Messaging.ChatKind.Group);

        h.Send(Leader, "/schedule export", -900, Core.Messaging.ChatKind.Group);

        Assert.Contains("私聊", h.LastText(-900), StringComparison.Ordinal);
        Assert.Contains(h.Get<AuditLog>().ForActor(Leader), e => e.Action == "denied" && e.Detail == "/schedule in a group");
    }

    [Theory]
    [InlineData("/finding", Permission.LogFindings, "help.cmd.finding")]
    [InlineData("/finding G7-012", Permission.ViewTeamFindings, "help.cmd.finding_open")]
    [InlineData("/schedule", Permission.ViewSchedule, "help.cmd.schedule")]
    [InlineData("/schedule 11-02", Permission.ViewSchedule, "help.cmd.schedule")]
    [InlineData("/schedule add", Permission.EditSchedule, "help.cmd.schedule_add")]
    [InlineData("/schedule 新增", Permission.EditSchedule, "help.cmd.schedule_add")]
    [InlineData("/schedule export", Permission.ViewSchedule, "help.cmd.schedule_export")]
    [InlineData("/language en", Permission.Basics, "help.cmd.lang")]
    public void Table_PicksTheMostSpecificForm(string text, Permission permission, string helpKey)
    {
        using var h = CoreHarness.Create();

        var found = h.Get<CommandTable>().Find(CommandLine.Parse(text)!);

        Assert.NotNull(found);
        Assert.Equal(permission, found.Value.Spec.Permission);
        Assert.Equal(helpKey, found.Value.Spec.HelpKey);
    }

    [Fact]
    public void Table_EveryFormIsDeclaredOnce_AndEveryButtonHasAHandler()
    {
        using var h = CoreHarness.Create();
        var table = h.Get<CommandTable>();

        var forms = table.Commands.Select(c => (c.Name, string.Join('|', c.Words), c.Arguments)).ToList();
        Assert.Equal(forms.Count, forms.Distinct().Count());
        Assert.Null(table.Find(CommandLine.Parse("/nosuchcommand")!));
        Assert.Null(table.FindButton("zz:1"));
        Assert.Equal("e", table.FindButton("sc:e:1:1")!.Value.Spec.Action);
        Assert.Null(table.FindButton("sc:v:1")!.Value.Spec.Action);
    }

    private static CoreHarness Team()
    {
        var h = CoreHarness.Create();
        var team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader);
        h.AddMember(team, Member, Role.Member);
        h.AddMember(team, Contact, Role.Contact);
        return h;
    }
}
