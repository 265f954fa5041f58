using Assistant.Core.Dashboard;
using Assistant.Core.Leads;
using Assistant.Core.Teams;
using Assistant.Tests.Support;

namespace Assistant.Tests.Leads;

/// <summary>Leads on a real LiteDB file: who sees them, tipster identities refused, and index ranges that read only due rows.</summary>
public sealed class LeadStoreTests
{
    private static readonly DateOnly Today = new(2023, 11, 8);
    private static readonly DateTime Now = new(2023, 11, 8, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AwaitingAnswers_AreShown_OnlyToTheLeaderTheLiaisonAndTheMemberWhoTookTheTip()
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        var leader = h.AddMember(team, 10, Role.Leader);
        var liaison = h.AddMember(team, 11, Role.Liaison);
        var taker = h.AddMember(team, 12, Role.Member);
        var other = h.AddMember(team, 13, Role.Member);
        var contact = h.AddMember(team, 14, Role.Contact);
        var store = h.Get<LeadStore>();
        var lead = store.Add(team.Id, LeadChannel.Tip, "某化工厂夜间违规储存危化品", "长沙市应急管理局", Today.AddDays(2), taker.Id, Now);
        Assert.NotNull(lead);

        var awaiting = h.Get<ILeadsAwaitingAnswers>();
        foreach (var reader in new[] { leader, liaison, taker })
        {
            var shown = Assert.Single(awaiting.For(reader, Today)!);
            Assert.Equal(lead.Code, shown.Code);
            Assert.Equal("长沙市应急管理局", shown.HandedOverTo);
        }

        Assert.Empty(awaiting.For(other, Today)!);
        Assert.Empty(awaiting.For(contact, Today)!);
        Assert.False(LeadAccess.CanAct(other, lead));
        Assert.False(LeadAccess.CanAct(contact, lead));

        var otherTeam = h.CreateTeam("第八组", "湖北省");
        var foreignLeader = h.AddMember(otherTeam, 20, Role.Leader);
        Assert.Empty(awaiting.For(foreignLeader, Today)!);
        Assert.False(LeadAccess.CanSee(foreignLeader, lead));
    }

    [Fact]
    public void AnsweredOrClosedLeads_NoLongerAwait()
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        var leader = h.AddMember(team, 10, Role.Leader);
        var store = h.Get<LeadStore>();
        var answered = store.Add(team.Id, LeadChannel.Tip, "燃气管道占压", "岳阳市住建局", Today, leader.Id, Now)!;
        var closed = store.Add(team.Id, LeadChannel.HandedOverFinding, "消防通道堵塞", "株洲市消防救援支队", Today, leader.Id, Now)!;
        var waiting = store.Add(team.Id, LeadChannel.Tip, "非法采砂", "湘潭市水利局", Today.AddDays(1), leader.Id, Now)!;
        answered.Answer = "已核查";
        store.Update(answered);
        closed.Result = LeadResult.NotSubstantiated;
        closed.ClosedBy = leader.Id;
        store.Update(closed);

        Assert.Equal([waiting.Code], h.Get<ILeadsAwaitingAnswers>().For(leader, Today)!.Select(l => l.Code));
        Assert.Equal(LeadResult.NotSubstantiated, store.Get(closed.Id)!.Result);
    }

    [Theory]
    [InlineData("举报人张三反映某矿超层越界开采")]
    [InlineData("某厂违规动火，联系电话13812345678")]
    [InlineData("tipster: John Smith reports a blocked fire exit")]
    [InlineData("  ")]
    public void ASubjectThatIdentifiesATipster_IsRefused_AndNothingIsStored(string subject)
    {
        using var h = CoreHarness.Create();
        var team = h.CreateTeam();
        var store = h.Get<LeadStore>();

        Assert.Null(store.Add(team.Id, LeadChannel.Tip, subject, "长沙市应急管理局", Today, 10, Now));
        Assert.Empty(store.OfTeam(team.Id));
    }

    [Fact]
    public void OpenLeads_ComeOverdueFirst_AndTheReminderScanReadsOnlyOpenDueRows_AcrossTeams()
    {
        using var h = CoreHarness.Create();
        var store = h.Get<LeadStore>();
        var one = h.CreateTeam();
        var two = h.CreateTeam("第八组", "湖北省");
        var late = store.Add(one.Id, LeadChannel.Tip, "甲", null, Today.AddDays(-3), 1, Now)!;
        var later = store.Add(one.Id, LeadChannel.Tip, "乙", null, Today.AddDays(5), 1, Now)!;
        var undated = store.Add(one.Id, LeadChannel.Tip, "丙", null, null, 1, Now)!;
        var dueToday = store.Add(two.Id, LeadChannel.Tip, "丁", null, Today, 1, Now)!;
        var closedLate = store.Add(two.Id, LeadChannel.Tip, "戊", null, Today.AddDays(-1), 1, Now)!;
        closedLate.ClosedBy = 1;
        closedLate.Result = LeadResult.Substantiated;
        store.Update(closedLate);

        Assert.Equal([late.Code, later.Code, undated.Code], store.OpenOfTeam(one.Id).Select(l => l.Code));
        Assert.Equal([late.Id, dueToday.Id], store.AllOpenDueBefore(Today.AddDays(1)).Select(l => l.Id));
        Assert.Equal([late.Id], store.AllOpenDueBefore(Today).Select(l => l.Id));
        Assert.Equal([late.Code], store.OpenDueBefore(one.Id, Today).Select(l => l.Code));
        Assert.Equal(2, store.OfTeam(two.Id).Count());
    }
}
