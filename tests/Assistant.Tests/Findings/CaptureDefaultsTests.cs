using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Findings;

/// <summary>The member's own defaults: their last finding of the day first among choices, "same as last time", the card as soon as it can be shown.</summary>
public sealed class CaptureDefaultsTests
{
    private const long Member = 701;
    private const long Colleague = 702;

    private static CoreHarness WithTeam(out Team team)
    {
        var h = CoreHarness.Create();
        team = h.CreateTeam();
        h.AddMember(team, Member, Role.Member, "李明");
        h.AddMember(team, Colleague, Role.Member, "张伟");
        return h;
    }

    /// <summary>Counts what the member does: every message sent and every button pressed is one action.</summary>
    private sealed class Actions(CoreHarness h, long user)
    {
        public int Count { get; private set; }

        public void Send(string text)
        {
            Count++;
            h.Send(user, text);
        }

        public void Press(string label)
        {
            Count++;
            h.Press(user, label);
        }
    }

    [Fact]
    public void TypicalFindings_FirstOfTheDayTakesAtMostTwelveActions_TheSecondAtMostEight()
    {
        using var h = WithTeam(out var team);

        var first = new Actions(h, Member);
        first.Send("/finding");
        first.Press("安全生产责任落实");
        first.Press("危险化学品");
        first.Press("实地检查");
        first.Press("明查");
        first.Send("长沙市望城区");
        first.Send("长沙某化工有限公司");
        first.Send("甲类仓库与办公楼防火间距不足");
        first.Press("描述完成");
        first.Press("一般隐患");
        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        first.Press("保存");

        var second = new Actions(h, Member);
        second.Send("/finding");
        second.Press("同上次");
        Assert.Contains("发现了什么问题", h.LastText(Member), StringComparison.Ordinal);
        second.Send("储罐区可燃气体报警器故障");
        second.Press("描述完成");
        second.Press("一般隐患");
        second.Press("保存");

        Assert.InRange(first.Count, 1, 12);
        Assert.InRange(second.Count, 1, 8);
        var findings = h.Get<FindingStore>().OfTeam(team.Id);
        Assert.Equal(2, findings.Count);
        var (a, b) = (findings[0], findings[1]);
        Assert.Equal((a.Aspect, a.Sector, a.Method, a.Covert, a.City, a.Unit), (b.Aspect, b.Sector, b.Method, b.Covert, b.City, b.Unit));
        Assert.Equal("储罐区可燃气体报警器故障", b.Description);
    }

    [Fact]
    public void SameAsLastTime_IsTheMembersOwn_NeverAColleagues()
    {
        using var h = WithTeam(out _);
        FindingFlowTests.Record(h, Member);

        h.Send(Colleague, "/finding");

        Assert.DoesNotContain(h.LatestButtons(Colleague), b => b.Label.Contains("同上次", StringComparison.Ordinal));
        Assert.Equal("学习贯彻重要指示批示精神", h.LatestButtons(Colleague)[0].Label);
        h.Send(Member, "/finding");
        Assert.Contains("同上次", h.LatestButtons(Member)[0].Label, StringComparison.Ordinal);
        Assert.Contains("安全生产责任落实 · 危险化学品 · 实地检查 · 明查 · 长沙市望城区 · 长沙某化工有限公司", h.LastText(Member), StringComparison.Ordinal);
        Assert.DoesNotContain("长沙某化工", h.AllText(Colleague), StringComparison.Ordinal);
    }

    [Fact]
    public void SameAsLastTime_IsNotOfferedOnANewDay()
    {
        using var h = WithTeam(out _);
        FindingFlowTests.Record(h, Member);
        h.Time.Advance(TimeSpan.FromDays(1));

        h.Send(Member, "/finding");

        Assert.DoesNotContain(h.LatestButtons(Member), b => b.Label.Contains("同上次", StringComparison.Ordinal));
        Assert.Contains("属于哪个方面", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void EachQuestion_OffersTheMembersLastValueFirst_AndATypedNumberMeansWhatTheButtonsShow()
    {
        using var h = WithTeam(out var team);
        h.Send(Member, "/finding");
        h.Press(Member, "基层末梢抓工作落实");
        h.Press(Member, "城镇燃气");
        h.Press(Member, "个别谈话");
        h.Press(Member, "暗访");
        h.Send(Member, "株洲市");
        h.Send(Member, "株洲某燃气公司");
        h.Send(Member, "瓶装液化气无追溯");
        h.Press(Member, "描述完成");
        h.Press(Member, "问题");
        h.Press(Member, "保存");
        h.Send(Colleague, "/finding");
        h.Press(Colleague, "安全生产责任落实");
        h.Press(Colleague, "消防");
        h.Press(Colleague, "实地检查");
        h.Press(Colleague, "明查");
        h.Send(Colleague, "长沙市");
        h.Send(Colleague, "长沙某商场");
        h.Send(Colleague, "疏散通道堵塞");
        h.Press(Colleague, "描述完成");
        h.Press(Colleague, "问题");
        h.Press(Colleague, "保存");

        h.Send(Member, "/finding");
        Assert.Equal("基层末梢抓工作落实", h.LatestButtons(Member)[1].Label);
        h.Send(Member, "1");
        Assert.Equal("城镇燃气", h.LatestButtons(Member)[0].Label);
        h.Send(Member, "1");
        Assert.Equal("个别谈话", h.LatestButtons(Member)[0].Label);
        h.Send(Member, "1");
        h.Press(Member, "暗访");
        Assert.Equal(["株洲市", "长沙市"], h.LatestButtons(Member).Take(2).Select(b => b.Label).ToArray());
        h.Press(Member, "株洲市");
        Assert.Equal(["株洲某燃气公司", "长沙某商场"], h.LatestButtons(Member).Take(2).Select(b => b.Label).ToArray());
        h.Press(Member, "株洲某燃气公司");
        h.Send(Member, "第二个问题");
        h.Press(Member, "描述完成");
        h.Press(Member, "问题");
        h.Press(Member, "保存");

        var second = h.Get<FindingStore>().ByAuthor(team.Id, Member)[0];
        Assert.Equal((Aspect.Grassroots, Sector.UrbanGas, Method.Interviews, true, "株洲市", "株洲某燃气公司"),
            (second.Aspect, second.Sector, second.Method, second.Covert, second.City, second.Unit));
    }

    [Fact]
    public void OptionalQuestions_AreSkipped_ButEachIsReachableFromTheCard_AndEveryAnswerStaysEditable()
    {
        using var h = WithTeam(out var team);
        FindingFlowTests.Record(h, Member);
        h.Send(Member, "/finding");
        h.Press(Member, "同上次");
        h.Send(Member, "消防通道被占用");
        h.Press(Member, "描述完成");
        h.Press(Member, "一般隐患");

        var card = h.LatestButtons(Member).Select(b => b.Label).ToList();
        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        Assert.DoesNotContain("具体地点？", h.AllText(Member), StringComparison.Ordinal);
        Assert.DoesNotContain("请发送照片或文件作为证据", h.AllText(Member), StringComparison.Ordinal);
        Assert.Contains("✎ 地点", card);
        Assert.Contains("✎ 证据", card);
        Assert.Contains("✎ 整改信息", card);

        h.Press(Member, "✎ 地点");
        Assert.Contains("具体地点", h.LastText(Member), StringComparison.Ordinal);
        h.Send(Member, "二号门岗");
        Assert.Contains("请核对", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "✎ 被检查单位");
        h.Send(Member, "长沙另一化工有限公司");
        Assert.Contains("长沙另一化工有限公司", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "✎ 领域");
        h.Press(Member, "消防");
        h.Press(Member, "保存");

        var saved = h.Get<FindingStore>().ByAuthor(team.Id, Member)[0];
        Assert.Equal(("二号门岗", "长沙另一化工有限公司", Sector.Fire), (saved.Place, saved.Unit, saved.Sector));
    }

    [Fact]
    public void SameAsLastTime_PressedAgainFromAnOldMessage_ChangesNothing()
    {
        using var h = WithTeam(out _);
        FindingFlowTests.Record(h, Member);
        h.Send(Member, "/finding");
        var same = h.LatestButtons(Member)[0];
        h.Press(Member, "安全生产责任落实");
        h.Press(Member, "消防");

        h.PressData(Member, same.Data);

        Assert.Contains("已经回答过", h.AllText(Member), StringComparison.Ordinal);
        var draft = h.Get<DraftStore>().Get(Member)!;
        Assert.Equal("Method", draft.State);
    }
}
