using Assistant.Core.Findings;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Findings;

public sealed class FindingAccessTests
{
    private const long Author = 701;
    private const long Colleague = 702;
    private const long Liaison = 703;
    private const long Leader = 704;
    private const long Contact = 705;
    private const long OtherTeam = 801;

    private static CoreHarness Team(out Team team)
    {
        var h = CoreHarness.Create();
        team = h.CreateTeam();
        h.AddMember(team, Author, Role.Member, "李明");
        h.AddMember(team, Colleague, Role.Member, "张伟");
        h.AddMember(team, Liaison, Role.Liaison, "王芳");
        h.AddMember(team, Leader, Role.Leader, "赵组长");
        h.AddMember(team, Contact, Role.Contact, "刘责任人");
        h.AddMember(h.CreateTeam("第八组", "广东省"), OtherTeam, Role.Leader, "钱组长");
        return h;
    }

    [Theory]
    [InlineData(Author, true)]
    [InlineData(Liaison, true)]
    [InlineData(Leader, true)]
    [InlineData(Colleague, false)]
    [InlineData(Contact, false)]
    [InlineData(OtherTeam, false)]
    public void CovertFinding_IsSeenOnlyByAuthorLiaisonAndLeader(long viewer, bool sees)
    {
        using var h = Team(out _);
        var finding = FindingFlowTests.Record(h, Author, covert: true);
        h.Clear();

        h.Send(viewer, "/finding " + finding.Code);
        h.PressData(viewer, $"fd:v:{finding.Id}");
        h.Send(viewer, "/findings");

        var text = h.AllText(viewer);
        Assert.Equal(sees, text.Contains("长沙某化工有限公司", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenFinding_IsSeenByTheWholeTeamButNotByAnotherTeam()
    {
        using var h = Team(out _);
        var finding = FindingFlowTests.Record(h, Author);
        h.Clear();

        h.Send(Colleague, "/finding " + finding.Code.ToLowerInvariant());
        h.Send(OtherTeam, "/finding " + finding.Code);

        Assert.Contains("长沙某化工有限公司", h.AllText(Colleague), StringComparison.Ordinal);
        Assert.Contains("没有找到", h.LastText(OtherTeam), StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_ByAuthor_ChangesTheFindingAndRecordsWhoWhenOldAndNew()
    {
        using var h = Team(out _);
        var finding = FindingFlowTests.Record(h, Author);
        h.Time.Advance(TimeSpan.FromHours(2));

        h.Send(Author, "/finding " + finding.Code);
        h.Press(Author, "编辑");
        h.Press(Author, "被检查单位");
        h.Send(Author, "长沙某化工有限公司二厂");
        h.Press(Author, "保存");

        var saved = h.Get<FindingStore>().Get(finding.Id)!;
        Assert.Equal("长沙某化工有限公司二厂", saved.Unit);
        Assert.Equal(2, saved.Revision);
        var change = h.Get<FindingStore>().ChangesOf(finding.Id).Single(c => c.Field == "unit");
        Assert.Equal(Author, change.UserId);
        Assert.Equal("李明", change.UserName);
        Assert.Equal("长沙某化工有限公司", change.OldValue);
        Assert.Equal("长沙某化工有限公司二厂", change.NewValue);
        Assert.Equal(h.Time.GetUtcNow().UtcDateTime, change.TimeUtc, TimeSpan.FromSeconds(1));
        Assert.Contains("1 处修改", h.LastText(Author), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Liaison)]
    [InlineData(Leader)]
    public void Edit_ByLiaisonOrLeader_IsAllowed(long editor)
    {
        using var h = Team(out _);
        var finding = FindingFlowTests.Record(h, Author);

        h.PressData(editor, $"fd:e:{finding.Id}:{finding.Revision}");
        h.Press(editor, "性质");
        h.Press(editor, "问题");
        h.Press(editor, "保存");

        Assert.Equal(Severity.Problem, h.Get<FindingStore>().Get(finding.Id)!.Severity);
    }

    [Fact]
    public void Edit_ByAnotherMember_IsRefusedEvenWithForgedButtonData()
    {
        using var h = Team(out _);
        var finding = FindingFlowTests.Record(h, Author);

        h.Send(Colleague, "/finding " + finding.Code);
        Assert.DoesNotContain(h.LatestButtons(Colleague), b => b.Label.Contains("编辑", StringComparison.Ordinal));
        h.PressData(Colleague, $"fd:e:{finding.Id}:{finding.Revision}");

        Assert.Contains("只有记录人、联络员和组长可以修改", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Null(h.Get<Core.Conversations.DraftStore>().Get(Colleague));
        Assert.Contains(h.Get<Core.Audit.AuditLog>().ForActor(Colleague), a => a.Action == "denied");
    }

    [Fact]
    public void Edit_FromAStaleCard_ShowsTheCurrentCardInstead()
    {
        using var h = Team(out _);
        var finding = FindingFlowTests.Record(h, Author);
        var staleEdit = $"fd:e:{finding.Id}:{finding.Revision}";
        h.PressData(Leader, staleEdit);
        h.Press(Leader, "性质");
        h.Press(Leader, "问题");
        h.Press(Leader, "保存");

        h.PressData(Author, staleEdit);

        Assert.Contains("这张卡片已过期", h.AllText(Author), StringComparison.Ordinal);
        Assert.Null(h.Get<Core.Conversations.DraftStore>().Get(Author));
    }

    [Fact]
    public void Edit_WhenSomeoneElseSavedMeanwhile_DoesNotOverwrite()
    {
        using var h = Team(out _);
        var finding = FindingFlowTests.Record(h, Author);
        h.PressData(Author, $"fd:e:{finding.Id}:{finding.Revision}");
        h.PressData(Leader, $"fd:e:{finding.Id}:{finding.Revision}");
        h.Press(Leader, "性质");
        h.Press(Leader, "问题");
        h.Press(Leader, "保存");

        h.Press(Author, "被检查单位");
        h.Send(Author, "改名");
        h.Press(Author, "保存");

        var saved = h.Get<FindingStore>().Get(finding.Id)!;
        Assert.Equal("长沙某化工有限公司", saved.Unit);
        Assert.Equal(Severity.Problem, saved.Severity);
        Assert.Contains("已被他人修改", h.LastText(Author), StringComparison.Ordinal);
    }

    [Fact]
    public void Buttons_ForAnotherTeamsFinding_RevealNothing()
    {
        using var h = Team(out _);
        var finding = FindingFlowTests.Record(h, Author);

        h.PressData(OtherTeam, $"fd:v:{finding.Id}");
        h.PressData(OtherTeam, $"fd:h:{finding.Id}");
        h.PressData(OtherTeam, $"fd:e:{finding.Id}:{finding.Revision}");

        Assert.All(h.Messages(OtherTeam), m => Assert.DoesNotContain("长沙某化工", m.Html, StringComparison.Ordinal));
    }

    [Fact]
    public void History_ShowsTheChanges()
    {
        using var h = Team(out _);
        var finding = FindingFlowTests.Record(h, Author);
        h.PressData(Leader, $"fd:e:{finding.Id}:{finding.Revision}");
        h.Press(Leader, "被检查单位");
        h.Send(Leader, "新名称");
        h.Press(Leader, "保存");

        h.PressData(Author, $"fd:h:{finding.Id}");

        var text = h.LastText(Author);
        Assert.Contains("李明 创建", text, StringComparison.Ordinal);
        Assert.Contains("赵组长 修改 unit：长沙某化工有限公司 → 新名称", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_ArePagedAndTheButtonsTurnThePages()
    {
        using var h = Team(out var team);
        for (var i = 0; i < 23; i++)
        {
            FindingFlowTests.Record(h, Author, $"单位{i:00}");
        }

        h.Send(Author, "/mine");
        Assert.Contains("第 1/3 页，共 23 项", h.LastText(Author), StringComparison.Ordinal);
        h.Press(Author, "下一页");
        var page2 = h.Get<Core.Storage.AssistantDatabase>().Collection<Core.Messaging.OutboxItem>(Core.Messaging.Outbox.CollectionName)
            .FindAll().Last(m => m.ChatId == Author).Html;
        Assert.Contains("第 2/3 页", page2, StringComparison.Ordinal);

        h.Send(Colleague, "/findings 11-02");
        Assert.Contains("共 23 项", h.LastText(Colleague), StringComparison.Ordinal);
        h.Send(Colleague, "/findings 11月3日");
        Assert.Contains("没有记录", h.LastText(Colleague), StringComparison.Ordinal);
        h.Send(Colleague, "/findings 2月30日");
        Assert.Contains("不是一个存在的日期", h.LastText(Colleague), StringComparison.Ordinal);
        Assert.Equal(23, h.Get<FindingStore>().OfTeam(team.Id).Count);
    }

    [Fact]
    public void Contact_CannotStartOrListFindings()
    {
        using var h = Team(out _);

        h.Send(Contact, "/finding");
        h.Send(Contact, "/mine");

        Assert.All(h.Messages(Contact), m => Assert.Contains("角色不能进行此操作", Core.Messaging.Html.ToPlainText(m.Html), StringComparison.Ordinal));
        Assert.Null(h.Get<Core.Conversations.DraftStore>().Get(Contact));
    }

    [Fact]
    public void Group_FindingCommands_AreAnsweredOnlyInPrivate()
    {
        using var h = Team(out var team);
        var finding = FindingFlowTests.Record(h, Author, covert: true);
        const long group = -1005;
        h.Send(Leader, "/linkgroup", group, Core.Messaging.ChatKind.Group);

        h.Send(Leader, "/finding " + finding.Code, group, Core.Messaging.ChatKind.Group);
        h.Send(Leader, "/findings", group, Core.Messaging.ChatKind.Group);

        Assert.All(h.Messages(group).Skip(1), m => Assert.Contains("私聊", Core.Messaging.Html.ToPlainText(m.Html), StringComparison.Ordinal));
        Assert.DoesNotContain("长沙某化工", h.AllText(group), StringComparison.Ordinal);
    }
}
